import { describe, expect, it } from 'vitest';
import { PackSchema, QuestionSchema, applyChange, questionsOf } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import {
  convertQuestion,
  duplicateQuestion,
  moveQuestionChange,
  newQuestion,
  nextId,
  nextOptionId,
  renameQuestionChange,
} from './questionEdits.ts';

const pack = PackSchema.parse(miniPack);

describe('question edits', () => {
  it('new questions of every type are valid', () => {
    for (const type of ['single', 'multiple', 'yesno', 'numeric'] as const)
      expect(QuestionSchema.safeParse(newQuestion('Q9', type)).success).toBe(true);
  });

  it('picks the first free id', () => {
    expect(nextId('Q', ['Q1', 'Q2', 'Q4'])).toBe('Q3');
    const q = newQuestion('Q1', 'single');
    expect(q.type === 'single' && nextOptionId(q.options)).toBe('C');
  });

  it('converting keeps text, weight and options between choice types', () => {
    const single = questionsOf(pack.questionnaires[0]!)[0]!;
    const multiple = convertQuestion({ ...single, weight: 2 }, 'multiple');
    expect(multiple.type).toBe('multiple');
    expect(multiple.text).toEqual(single.text);
    expect(multiple.weight).toBe(2);
    expect(multiple.type !== 'numeric' && multiple.options).toEqual(
      single.type !== 'numeric' && single.options,
    );
    const yesno = convertQuestion(single, 'yesno');
    expect(yesno.type === 'yesno' && yesno.options.map((o) => o.id)).toEqual(['yes', 'no']);
    expect(QuestionSchema.safeParse(convertQuestion(single, 'numeric')).success).toBe(true);
  });

  it('duplicates deeply', () => {
    const q = questionsOf(pack.questionnaires[0]!)[0]!;
    const copy = duplicateQuestion(q, 'Q3');
    expect(copy.id).toBe('Q3');
    if (copy.type !== 'numeric') copy.options[0]!.points = 99;
    expect(q.type !== 'numeric' && q.options[0]!.points).toBe(0);
  });
});

describe('moveQuestionChange', () => {
  const base = ['questionnaires', 0] as const;
  const withTwoSections = applyChange(pack, {
    type: 'insert',
    path: ['questionnaires', 0, 'sections'],
    index: 1,
    value: { id: 's2', title: { 'zh-CN': '二', en: 'Two' }, questions: [] },
  });
  const ids = (p: typeof pack) =>
    p.questionnaires[0]!.sections.map((s) => s.questions.map((q) => q.id));

  it('moves within a section to the drop position', () => {
    const change = moveQuestionChange(
      base,
      pack,
      { section: 0, index: 0 },
      { section: 0, index: 2 },
    );
    expect(ids(applyChange(pack, change!))).toEqual([['Q2', 'Q1']]);
    expect(moveQuestionChange(base, pack, { section: 0, index: 0 }, { section: 0, index: 1 })).toBe(
      undefined,
    );
  });

  it('moves across sections as one step', () => {
    const change = moveQuestionChange(
      base,
      withTwoSections,
      { section: 0, index: 1 },
      { section: 1, index: 0 },
    );
    expect(change?.type).toBe('batch');
    expect(ids(applyChange(withTwoSections, change!))).toEqual([['Q1'], ['Q2']]);
  });
});

describe('renameQuestionChange', () => {
  it('renames the question and the show-if conditions that read it, as one step', () => {
    const withShowIf = applyChange(pack, {
      type: 'set',
      path: ['questionnaires', 0, 'sections', 0, 'questions', 1, 'showIf'],
      value: {
        op: 'all',
        conditions: [
          { op: 'selected', question: 'Q1', options: ['B'] },
          { op: 'not', condition: { op: 'answered', question: 'Q1' } },
        ],
      },
    });
    const change = renameQuestionChange(
      withShowIf,
      ['questionnaires', 0, 'sections', 0, 'questions', 0],
      'Q1',
      'LOSS',
    );
    expect(change.type === 'batch' && change.changes).toHaveLength(2);
    const next = applyChange(withShowIf, change);
    const [first, second] = next.questionnaires[0]!.sections[0]!.questions;
    expect(first?.id).toBe('LOSS');
    expect(second?.showIf).toEqual({
      op: 'all',
      conditions: [
        { op: 'selected', question: 'LOSS', options: ['B'] },
        { op: 'not', condition: { op: 'answered', question: 'LOSS' } },
      ],
    });
  });
});
