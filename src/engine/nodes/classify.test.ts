import { describe, expect, it } from 'vitest';
import type { FactValue, PackInput } from '../../domain/index.ts';
import { baseClient, buildPack, nodeOf, nodeOutput, reason } from '../../testing/fixtures.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import type { ClassifyOutput } from './classify.ts';

const classify = (input = baseClient(), change?: (p: PackInput) => void) =>
  nodeOutput(buildPack(change), input, 'cls') as ClassifyOutput;
const withAnswers = (a: Record<string, unknown>, facts: Record<string, FactValue> = { age: 40 }) =>
  baseClient({
    facts,
    answers: { Q1: 'B', Q2: ['A', 'B'], Q3: 45, Q4: 'no', Q6: 'M', ...a } as never,
  });
const cfg = (p: PackInput) => nodeOf(p, 'cls').config;

describe('classify', () => {
  it('puts the score in the first band that holds it, bounds inclusive', () => {
    expect(classify()).toMatchObject({
      level: 'C3',
      levelIndex: 2,
      score: 17,
      band: 'C3',
      capped: false,
    });
    // 0 + 1 + 0 + 2 + 1 = 4 -> C1; 10+6+5+2+5 (+ Q5 B 4) = 32 -> C5
    expect(classify(withAnswers({ Q1: 'A', Q2: ['A'], Q3: 70, Q6: 'S' })).level).toBe('C1');
    expect(classify(withAnswers({ Q1: 'C', Q5: 'B', Q2: ['C'], Q3: 20, Q6: 'L' })).level).toBe(
      'C5',
    );
  });

  it('a score in no band is an evaluation error', () => {
    const gap = (p: PackInput) => ((cfg(p)['bands'] as { min: number }[])[2]!.min = 18);
    expect(() => evaluate(compilePack(buildPack(gap)), baseClient())).toThrow(
      expect.objectContaining({ code: 'classify.noBand', path: '$.graph.nodes[3].config.bands' }),
    );
  });

  it('a knock-out caps at C1 and raises the lowest-category flag, even when already C1', () => {
    const ko = classify(withAnswers({ Q4: 'yes' }));
    expect(ko).toMatchObject({ level: 'C1', band: 'C1', flags: { lowestCategory: true } });
    expect(ko.reasons.map((r) => r.code)).toEqual(['knockout']);
    const kept = classify(
      withAnswers({ Q4: 'yes' }),
      (p) => (nodeOf(p, 'q').config['knockoutZeroesScore'] = false),
    );
    expect(kept).toMatchObject({
      level: 'C1',
      band: 'C3',
      capped: true,
      flags: { lowestCategory: true },
    });
  });

  it('applies caps and floors; the cap wins when they cross', () => {
    const floorC4 = (p: PackInput) =>
      (cfg(p)['floors'] = [{ when: 'professional', level: 'C4', reason: reason('pro') }]);
    expect(classify(withAnswers({}, { age: 40, professional: true }), floorC4)).toMatchObject({
      level: 'C4',
      band: 'C3',
      floored: true,
      capped: false,
    });
    const both = (p: PackInput) => {
      floorC4(p);
      (cfg(p)['floors'] as { level: string }[])[0]!.level = 'C5';
    };
    // Age 75 fires the rules node's cap at C3; the floor at C5 loses.
    const crossed = classify(withAnswers({}, { age: 75, professional: true }), both);
    expect(crossed).toMatchObject({ level: 'C3', floored: true, capped: true });
    expect(crossed.reasons.map((r) => r.code)).toEqual(['pro', 'senior']);
  });

  it('takes caps from upstream rules nodes', () => {
    const high = withAnswers({ Q1: 'C', Q5: 'B', Q2: ['C'], Q3: 20, Q6: 'L' }, { age: 72 });
    expect(classify(high)).toMatchObject({ level: 'C3', band: 'C5', capped: true });
    expect(classify(high, (p) => (cfg(p)['rulesLimits'] = []))).toMatchObject({
      level: 'C5',
      capped: false,
    });
  });
});
