import { describe, expect, it } from 'vitest';
import type { EvaluationInputDraft, PackInput } from '../../domain/index.ts';
import { baseClient, buildPack, nodeOf, nodeOutput } from '../../testing/fixtures.ts';
import type { QuestionnaireOutput } from '../questionnaire/scoring.ts';

type Q = Record<string, unknown>;
const questions = (p: PackInput) => p.questionnaires[0]!.sections[0]!.questions as Q[];
const score = (input: EvaluationInputDraft, change?: (p: PackInput) => void) =>
  nodeOutput(buildPack(change), input, 'q') as QuestionnaireOutput;
const answers = (a: Record<string, unknown>) =>
  baseClient({ answers: { Q1: 'B', Q2: ['A', 'B'], Q3: 45, Q4: 'no', Q6: 'M', ...a } as never });

describe('questionnaire scoring', () => {
  it('scores single choice, multiple choice, numeric bands and yes/no per question and dimension', () => {
    const o = score(baseClient());
    expect(o.byQuestion).toEqual({ Q1: 5, Q2: 4, Q3: 3, Q4: 2, Q5: 0, Q6: 3 });
    expect(o.total).toBe(17);
    expect(o.maxTotal).toBe(32);
    expect(o.byDimension).toEqual({ financial: 5, experience: 4, tolerance: 2 });
    expect(o).toMatchObject({
      complete: true,
      missing: [],
      knockedOut: false,
      flags: { noLoss: false },
    });
  });

  it('combines multiple choices by max (default), sum or min', () => {
    const mode = (scoring: string) => (p: PackInput) => (questions(p)[1]!['scoring'] = scoring);
    const pick = answers({ Q2: ['A', 'C'] });
    expect(score(pick).byQuestion['Q2']).toBe(6);
    expect(score(pick, mode('sum')).byQuestion['Q2']).toBe(7);
    expect(score(pick, mode('min')).byQuestion['Q2']).toBe(1);
    expect(score(pick, mode('sum')).maxTotal).toBe(32 - 6 + 11);
  });

  it('numeric answers score by the first band that holds them', () => {
    expect(score(answers({ Q3: 30 })).byQuestion['Q3']).toBe(5);
    expect(score(answers({ Q3: 31 })).byQuestion['Q3']).toBe(3);
    expect(score(answers({ Q3: 100 })).byQuestion['Q3']).toBe(0);
  });

  it('multiplies points by the question weight', () => {
    const o = score(baseClient(), (p) => (questions(p)[0]!['weight'] = 2));
    expect(o.byQuestion['Q1']).toBe(10);
    expect(o.total).toBe(22);
    expect(o.maxTotal).toBe(42);
  });

  it('hidden questions score 0 and are not required; shown ones are', () => {
    const hidden = score(answers({ Q5: 'B' }));
    expect(hidden.byQuestion['Q5']).toBe(0);
    expect(hidden.complete).toBe(true);
    const shown = score(answers({ Q1: 'C' }));
    expect(shown).toMatchObject({ complete: false, missing: ['Q5'] });
    expect(score(answers({ Q1: 'C', Q5: 'B' })).byQuestion['Q5']).toBe(4);
  });

  it('an unanswered required question makes the questionnaire incomplete', () => {
    const o = score(answers({ Q2: [], Q3: undefined }));
    expect(o.complete).toBe(false);
    expect(o.missing).toEqual(['Q2', 'Q3']);
  });

  it('a knock-out raises its flag and zeroes the total unless configured not to', () => {
    const ko = score(answers({ Q4: 'yes' }));
    expect(ko).toMatchObject({ total: 0, knockedOut: true, flags: { noLoss: true } });
    expect(ko.knockouts).toEqual([
      {
        question: 'Q4',
        option: 'yes',
        flag: 'noLoss',
        reason: expect.objectContaining({ en: expect.any(String) }),
      },
    ]);
    const kept = score(
      answers({ Q4: 'yes' }),
      (p) => (nodeOf(p, 'q').config['knockoutZeroesScore'] = false),
    );
    expect(kept).toMatchObject({ total: 15, knockedOut: true, flags: { noLoss: true } });
  });

  it('binds a fact from the chosen option, combining multiple choices on the fact scale', () => {
    expect(score(baseClient()).facts).toEqual({ horizonFact: 'H2' });
    const multi = (combine: string) => (p: PackInput) => {
      const q = questions(p)[5]!;
      q['type'] = 'multiple';
      q['bindFact'] = { fact: 'horizonFact', combine };
    };
    const pick = answers({ Q6: ['L', 'S'] });
    expect(score(pick, multi('max')).facts['horizonFact']).toBe('H3');
    expect(score(pick, multi('min')).facts['horizonFact']).toBe('H1');
    const list = (p: PackInput) => {
      multi('list')(p);
      // A list is no longer a level the horizon check could compare.
      (nodeOf(p, 'm').config['dimensions'] as unknown[]).pop();
    };
    expect(score(pick, list).facts['horizonFact']).toEqual(['H3', 'H1']);
  });

  it('stays valid through the corresponding day of the last month (Civil Code Arts. 201-203)', () => {
    const at = (assessmentDate: string, evaluationDate: string) =>
      score(baseClient({ assessmentDate, evaluationDate }));
    expect(at('2024-06-01', '2026-05-31')).toMatchObject({
      expiresOn: '2026-06-01',
      expired: false,
    });
    expect(at('2024-06-01', '2026-06-01')).toMatchObject({ expired: false });
    expect(at('2024-06-01', '2026-06-02')).toMatchObject({ expired: true });
    // 29 February: no corresponding day two years on, so the month's last day is the last day.
    expect(at('2024-02-29', '2026-02-27')).toMatchObject({
      expiresOn: '2026-02-28',
      expired: false,
    });
    expect(at('2024-02-29', '2026-02-28')).toMatchObject({ expired: false });
    expect(at('2024-02-29', '2026-03-01')).toMatchObject({ expired: true });
    const noDate = score({ ...baseClient(), assessmentDate: undefined });
    expect(noDate).toMatchObject({
      assessmentDate: '2026-06-01',
      expiresOn: '2028-06-01',
      expired: false,
    });
  });
});
