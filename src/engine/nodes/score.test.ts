import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../domain/index.ts';
import { addNode, baseClient, buildPack, nodeOutput } from '../../testing/fixtures.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';

const scorePack = (config: Record<string, unknown>) =>
  buildPack((p: PackInput) => addNode(p, { id: 's', kind: 'score', config }, ['q']));
const value = (config: Record<string, unknown>, input = baseClient()) =>
  (nodeOutput(scorePack(config), input, 's') as { value: number }).value;

// Base client: Q1 5, Q2 4, Q3 3, financial 5, experience 4.
const terms = [
  { ref: 'q.byQuestion.Q1', weight: 2 },
  { ref: 'q.byDimension.experience', weight: 0.5 },
  { ref: 'q.byQuestion.Q3' },
];

describe('score', () => {
  it('combines weighted terms by sum, min or max', () => {
    expect(value({ terms })).toBe(10 + 2 + 3);
    expect(value({ terms, combine: 'min' })).toBe(2);
    expect(value({ terms, combine: 'max' })).toBe(10);
  });

  it('normalizes linearly, then rounds', () => {
    const normalize = { fromMin: 0, fromMax: 32, toMin: 0, toMax: 100 };
    expect(value({ terms: [{ ref: 'q.total' }], normalize })).toBeCloseTo(53.125);
    expect(value({ terms: [{ ref: 'q.total' }], normalize, round: 'floor' })).toBe(53);
    expect(value({ terms: [{ ref: 'q.total' }], normalize, round: 'ceil' })).toBe(54);
    expect(value({ terms: [{ ref: 'q.total' }], normalize, round: 'round' })).toBe(53);
  });

  it('refuses non-number terms when validating, and missing numbers when evaluating', () => {
    expect(() => compilePack(scorePack({ terms: [{ ref: 'q.complete' }] }))).toThrow(
      /boolean, a number is needed/,
    );
    const pack = scorePack({ terms: [{ ref: 'age' }] });
    expect(() => evaluate(compilePack(pack), baseClient({ facts: {} }))).toThrow(
      expect.objectContaining({
        code: 'score.notNumber',
        path: '$.graph.nodes[5].config.terms[0].ref',
      }),
    );
  });
});
