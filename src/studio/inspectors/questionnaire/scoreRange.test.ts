import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuestionSchema, QuestionnaireSchema, lt, type Question } from '../../../domain/index.ts';
import { pointsRange, questionRange, questionnaireRange } from './scoreRange.ts';

const text = lt('问', 'Q');
const opt = (id: string, points: number, knockout = false) => ({
  id,
  label: lt(id, id),
  points,
  ...(knockout ? { knockout: { flag: 'lowestCategory', reason: lt('否', 'No') } } : {}),
});

function question(input: Record<string, unknown>): Question {
  return QuestionSchema.parse({ id: 'Q1', text, ...input });
}

describe('pointsRange', () => {
  it('single choice spans its options', () => {
    const q = question({ type: 'single', options: [opt('A', 2), opt('B', 7), opt('C', 4)] });
    expect(pointsRange(q)).toEqual({ min: 2, max: 7 });
  });

  it('multiple choice with sum adds the best options within maxSelected', () => {
    const q = question({
      type: 'multiple',
      scoring: 'sum',
      maxSelected: 2,
      options: [opt('A', 1), opt('B', 5), opt('C', 3), opt('D', -2)],
    });
    expect(pointsRange(q)).toEqual({ min: -2, max: 8 });
  });

  it('multiple choice with sum must take minSelected options', () => {
    const q = question({
      type: 'multiple',
      scoring: 'sum',
      minSelected: 2,
      options: [opt('A', 1), opt('B', 5), opt('C', 3)],
    });
    expect(pointsRange(q)).toEqual({ min: 4, max: 9 });
  });

  it('numeric questions span their bands', () => {
    const q = question({
      type: 'numeric',
      min: 0,
      max: 100,
      bands: [
        { min: 0, max: 17, points: 0 },
        { min: 18, max: 100, points: 6 },
      ],
    });
    expect(pointsRange(q)).toEqual({ min: 0, max: 6 });
  });

  it('agrees with brute force over every allowed selection (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 10 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (points, maxSel, minSel) => {
          const most = Math.min(maxSel, points.length);
          const least = Math.min(Math.max(minSel, 1), most);
          const q = question({
            type: 'multiple',
            scoring: 'sum',
            minSelected: minSel,
            maxSelected: maxSel,
            options: points.map((p, i) => opt(`O${i}`, p)),
          });
          let min = Infinity;
          let max = -Infinity;
          for (let mask = 1; mask < 1 << points.length; mask++) {
            const chosen = points.filter((_, i) => mask & (1 << i));
            if (chosen.length < least || chosen.length > most) continue;
            const s = chosen.reduce((a, b) => a + b, 0);
            min = Math.min(min, s);
            max = Math.max(max, s);
          }
          expect(pointsRange(q)).toEqual({ min, max });
        },
      ),
      { seed: 20261128, numRuns: 200 },
    );
  });
});

describe('questionRange', () => {
  it('applies the weight, a negative weight swapping the ends', () => {
    const q = question({ type: 'single', weight: -2, options: [opt('A', 1), opt('B', 3)] });
    expect(questionRange(q)).toEqual({ min: -6, max: -2 });
  });

  it('an optional question can also add 0', () => {
    const q = question({ type: 'single', required: false, options: [opt('A', 2), opt('B', 3)] });
    expect(questionRange(q)).toEqual({ min: 0, max: 3 });
  });
});

describe('questionnaireRange', () => {
  const questionnaire = QuestionnaireSchema.parse({
    id: 'risk',
    title: text,
    validityMonths: 12,
    sections: [
      {
        id: 's1',
        title: text,
        questions: [
          { id: 'Q1', type: 'single', text, options: [opt('A', 2, true), opt('B', 10)] },
          { id: 'Q2', type: 'multiple', text, options: [opt('A', 1), opt('B', 4)] },
        ],
      },
    ],
  });

  it('adds the questions', () => {
    expect(questionnaireRange(questionnaire)).toEqual({ min: 3, max: 14 });
  });

  it('a knock-out that zeroes the score brings the minimum to 0', () => {
    expect(questionnaireRange(questionnaire, true)).toEqual({ min: 0, max: 14 });
  });
});
