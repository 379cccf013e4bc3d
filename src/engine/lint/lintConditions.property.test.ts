import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import miniPack from '../../domain/fixtures/miniPack.json' with { type: 'json' };
import { parsePack, type Condition, type TopLevelCondition } from '../../domain/index.ts';
import { compileCondition } from '../conditions.ts';
import { createConditionLinter } from './lintConditions.ts';

const parsed = parsePack(structuredClone(miniPack));
if (!parsed.ok) throw new Error('mini pack must parse');
const lint = createConditionLinter(parsed.pack);

/** Every value a condition below can read: whole ages 0-130 (the fact's bounds) and missing. */
const ages: (number | undefined)[] = [undefined, ...Array.from({ length: 131 }, (_, i) => i)];
const levels = [undefined, 'C1', 'C2', 'C3'];

// `in` / `notIn` take a list (validation refuses anything else); the other operators a scalar.
const scalarOrList = (
  scalar: fc.Arbitrary<unknown>,
  list: fc.Arbitrary<unknown[]>,
  scalarOps: string[],
) =>
  fc.oneof(
    fc.record({ operator: fc.constantFrom(...scalarOps), value: scalar }),
    fc.record({ operator: fc.constantFrom('in', 'notIn'), value: list }),
  );
const ageCondition = scalarOrList(
  // Values close together, and at the fact's bounds, so that conjunctions nearly contradict.
  fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(4.5, 129, 129.5, 130, 131)),
  fc.array(fc.integer({ min: -2, max: 12 }), { minLength: 1, maxLength: 3 }),
  ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'],
).map((c) => ({ fact: 'age', ...c }));
const levelCondition = scalarOrList(
  fc.constantFrom('C1', 'C2', 'C3', 'C9'),
  fc.array(fc.constantFrom('C1', 'C3', 'C9'), { minLength: 1, maxLength: 2 }),
  ['equal', 'notEqual'],
).map((c) => ({ fact: 'classify', path: '$.level', ...c }));
const leaf = fc.oneof(ageCondition, levelCondition) as fc.Arbitrary<Condition>;
const tree: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.tuple(ageCondition, ageCondition).map((all) => ({ all }) as TopLevelCondition),
  fc.array(leaf, { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
  fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
  fc
    .tuple(fc.array(leaf, { maxLength: 2 }), fc.array(leaf, { minLength: 1, maxLength: 3 }))
    .map(([all, any]) => ({ all: [...all, { any }] })),
);

describe('condition lint against the engine (seeded)', () => {
  it('a condition lint calls impossible is false for every value the facts can hold', () => {
    let judged = 0;
    fc.assert(
      fc.property(tree, (condition) => {
        const found = lint(condition, '$');
        if (!found.never) return;
        judged++;
        const test = compileCondition(condition);
        for (const age of ages)
          for (const level of levels) {
            const facts: Record<string, unknown> = { age, classify: { level } };
            expect(
              test((f) => facts[f]),
              JSON.stringify({ age, level }),
            ).toBe(false);
          }
      }),
      { seed: 90210, numRuns: 600 },
    );
    // The generator must reach impossible conditions often enough for this to mean something.
    expect(judged).toBeGreaterThan(80);
  });
});
