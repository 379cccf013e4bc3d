import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, Product, TopLevelCondition } from '../../domain/index.ts';
import { factsArb, topLevelConditionArb } from '../../testing/arbitraries.ts';
import { compileCondition } from '../conditions.ts';
import { EvaluationError } from '../types.ts';
import { foldProduct } from './foldProduct.ts';

/** The arbitraries' `profile` fact plays the product, so that random trees read it. */
function asProduct(c: unknown): unknown {
  if (Array.isArray(c)) return c.map(asProduct);
  if (c === null || typeof c !== 'object') return c;
  const o = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, asProduct(v)]));
  if (o['fact'] === 'profile') o['fact'] = 'product';
  return o;
}

function outcome(run: () => boolean): boolean | string {
  try {
    return run();
  } catch (e) {
    if (e instanceof EvaluationError) return `${e.code} at ${e.path}`;
    throw e;
  }
}

const pro = {
  any: [
    { fact: 'product', path: '$.attributes.pro', operator: 'notEqual', value: true },
    { fact: 'test', path: '$.professional', operator: 'equal', value: true },
  ],
} as TopLevelCondition;
const product = (attributes: Record<string, unknown>) =>
  ({ id: 'p', attributes }) as unknown as Product;

describe('foldProduct', () => {
  it('answers a professional-only entry test for an ordinary product at compile time', () => {
    expect(foldProduct(pro, product({}))).toBe(true);
    const left = foldProduct(pro, product({ pro: true }));
    expect(typeof left).toBe('object');
    const test = compileCondition(left as TopLevelCondition);
    expect(test((f) => (f === 'test' ? { professional: true } : undefined))).toBe(true);
    expect(test(() => undefined)).toBe(false);
  });

  it('keeps a part that may throw, so that its error still surfaces', () => {
    const c = {
      all: [
        { fact: 'product', path: '$.risk', operator: 'equal', value: 'R9' },
        { fact: 'age', operator: 'in', value: { fact: 'notAList' } },
      ],
    } as TopLevelCondition;
    expect(typeof foldProduct(c, { risk: 'R1' } as unknown as Product)).toBe('object');
  });

  it('agrees with the unfolded condition on random trees, facts and products, errors included', () => {
    let decided = 0;
    fc.assert(
      fc.property(topLevelConditionArb, factsArb, (raw, facts) => {
        const c = asProduct(raw) as TopLevelCondition;
        const p = facts['profile'] as Product;
        const source = (name: string) => (name === 'product' ? p : facts[name]);
        const before = outcome(() => compileCondition(c, '$.when')(source));
        const folded = foldProduct(c, p);
        if (typeof folded === 'boolean') decided++;
        const after = outcome(() =>
          typeof folded === 'boolean'
            ? folded
            : compileCondition(folded as Condition as TopLevelCondition, '$.when')(source),
        );
        expect(after).toEqual(before);
      }),
      { seed: 4242, numRuns: 3000 },
    );
    // Many trees must fold away entirely, or the property would say little.
    expect(decided).toBeGreaterThan(100);
  });
});
