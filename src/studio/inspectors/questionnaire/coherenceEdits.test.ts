import { describe, expect, it } from 'vitest';
import { applyChange, type Pack } from '../../../domain/index.ts';
import { validatePack } from '../../../engine/index.ts';
import { buildPack } from '../../../testing/fixtures.ts';
import {
  addCoherenceRule,
  clausesOf,
  removeCoherenceRule,
  setCoherenceClauses,
  setCoherenceSeverity,
} from './coherenceEdits.ts';

const questionnaire = (pack: Pack) => pack.questionnaires[0] as Pack['questionnaires'][number];
const apply = (pack: Pack, change: ReturnType<typeof addCoherenceRule>) => {
  if (!change) throw new Error('no change');
  return applyChange(pack, change);
};

describe('coherence rule edits', () => {
  it('adds a rule on the first two choice questions that validates', () => {
    const pack = apply(buildPack(), addCoherenceRule(0, questionnaire(buildPack())));
    const rule = questionnaire(pack).coherence?.[0];
    expect(rule?.id).toBe('coherence1');
    expect(rule?.basis).toEqual({ kind: 'firmPractice' });
    expect(clausesOf(rule as NonNullable<typeof rule>)).toEqual([
      { question: 'Q1', options: ['A'] },
      { question: 'Q2', options: ['A'] },
    ]);
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
    // A second rule is inserted after the first, with the next id.
    const two = apply(pack, addCoherenceRule(0, questionnaire(pack)));
    expect(questionnaire(two).coherence?.map((r) => r.id)).toEqual(['coherence1', 'coherence2']);
  });

  it('writes clauses as conditions over answers and reads them back', () => {
    let pack = apply(buildPack(), addCoherenceRule(0, questionnaire(buildPack())));
    const clauses = [
      { question: 'Q1', options: ['A', 'B'] },
      { question: 'Q2', options: ['B', 'C'] },
      { question: 'Q4', options: ['yes'] },
      { question: 'Q6', options: [] },
    ];
    pack = applyChange(pack, setCoherenceClauses(0, 0, clauses, questionnaire(pack)));
    const rule = questionnaire(pack).coherence?.[0];
    expect(rule?.when).toEqual({
      all: [
        { fact: 'answers', path: '$.Q1', operator: 'in', value: ['A', 'B'] },
        {
          any: [
            { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'B' },
            { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'C' },
          ],
        },
        { fact: 'answers', path: '$.Q4', operator: 'equal', value: 'yes' },
      ],
    });
    expect(clausesOf(rule as NonNullable<typeof rule>)).toEqual(clauses.slice(0, 3));
    expect(validatePack(pack).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('leaves a condition of another shape to the JSON view', () => {
    const rule = {
      id: 'x',
      label: { 'zh-CN': 'x', en: 'x' },
      severity: 'review' as const,
      when: { all: [{ fact: 'age', operator: 'lessThan' as const, value: 30 }] },
    };
    expect(clausesOf(rule)).toBeUndefined();
  });

  it('sets the severity and removes a rule as named steps', () => {
    let pack = apply(buildPack(), addCoherenceRule(0, questionnaire(buildPack())));
    const severity = setCoherenceSeverity(0, 0, 'info');
    expect(severity).toMatchObject({ type: 'batch', label: 'coherence severity' });
    pack = applyChange(pack, severity);
    expect(questionnaire(pack).coherence?.[0]?.severity).toBe('info');
    pack = applyChange(pack, removeCoherenceRule(0, 0, 'coherence1'));
    expect(questionnaire(pack).coherence).toEqual([]);
  });
});
