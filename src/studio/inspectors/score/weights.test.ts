import { expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizedWeights, weightSum } from './weights.ts';

const terms = (...w: number[]) => w.map((weight, i) => ({ ref: `n${i}.value`, weight }));

it('sums weights without float noise', () => {
  expect(weightSum(terms(0.1, 0.2))).toBe(0.3);
});

it('scales weights to sum exactly to 1, keeping their proportions', () => {
  expect(normalizedWeights(terms(2, 1, 1))).toEqual([0.5, 0.25, 0.25]);
  expect(normalizedWeights(terms(1, 1, 1))).toEqual([0.3334, 0.3333, 0.3333]);
  expect(normalizedWeights(terms(0, 0))).toBeNull();
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
      (ws) => {
        const out = normalizedWeights(terms(...ws)) as number[];
        expect(weightSum(terms(...out))).toBe(1);
        const total = ws.reduce((a, b) => a + b, 0);
        out.forEach((w, i) => expect(Math.abs(w - (ws[i] as number) / total)).toBeLessThan(0.002));
      },
    ),
    { seed: 7, numRuns: 200 },
  );
});
