import { describe, expect, it } from 'vitest';
import { QuestionSchema, lt, type Question } from '../../../domain/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { levelColor, questionRange, summarizeQuestionnaire, summarizeRules } from './summaries.ts';

const opts = (...points: number[]) =>
  points.map((p, i) => ({ id: `O${i}`, label: lt(`${p}`, `${p}`), points: p }));
const q = (extra: Record<string, unknown>): Question =>
  QuestionSchema.parse({ id: 'Q', text: lt('题', 'Q'), ...extra });

describe('questionRange', () => {
  it('spans the options of a single choice, times the weight', () => {
    expect(questionRange(q({ type: 'single', options: opts(1, 5, 3), weight: 2 }))).toEqual([
      2, 10,
    ]);
  });
  it('sums the best and worst selections of a summed multiple choice', () => {
    const multi = q({
      type: 'multiple',
      scoring: 'sum',
      options: opts(-2, 1, 3, 4),
      maxSelected: 2,
    });
    expect(questionRange(multi)).toEqual([-2, 7]);
  });
  it('uses the bands of a numeric question', () => {
    const numeric = q({
      type: 'numeric',
      min: 0,
      max: 100,
      bands: [
        { min: 0, max: 30, points: 2 },
        { min: 31, max: 100, points: 8 },
      ],
    });
    expect(questionRange(numeric)).toEqual([2, 8]);
  });
  it('lets an optional question score nothing', () => {
    expect(questionRange(q({ type: 'single', options: opts(2, 4), required: false }))).toEqual([
      0, 4,
    ]);
  });
});

it('summarises the CSRC questionnaire as its question count and a 0-100 total', () => {
  const pack = loadStarterPack('cn-csrc-2017');
  const s = summarizeQuestionnaire(pack.questionnaires[0] as (typeof pack.questionnaires)[0]);
  expect(s.questions).toBeGreaterThan(10);
  expect(s.min).toBeGreaterThanOrEqual(0);
  expect(s.max).toBeLessThanOrEqual(100);
  expect(s.knockouts).toBeGreaterThan(0);
});

it('names the flags, outputs and limits a rules node sets', () => {
  const pack = loadStarterPack('cn-csrc-2017');
  const policy = pack.graph.nodes.find((n) => n.id === 'policy');
  if (policy?.kind !== 'rules') throw new Error('policy is a rules node');
  const s = summarizeRules(policy.config);
  expect(s.rules).toBe(policy.config.rules.length);
  expect(s.flags).toContain('lowestCategory');
});

it('colours levels from green to red', () => {
  expect(levelColor(0, 5)).toBe('hsl(130 62% 52%)');
  expect(levelColor(4, 5)).toBe('hsl(0 62% 52%)');
});
