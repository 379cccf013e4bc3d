import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import miniPack from '../../domain/fixtures/miniPack.json' with { type: 'json' };
import {
  parsePack,
  type Condition,
  type FactCondition,
  type TopLevelCondition,
} from '../../domain/index.ts';
import { compileCondition, conditionFacts } from '../conditions.ts';
import { createConditionLinter } from './lintConditions.ts';

/**
 * The mini pack with a required fractional fact `limit` in [0, 20]. Conditions read: `age`
 * (optional, whole, 0-130), `limit`, `professional` (optional yes/no), `classify.level` and
 * `classify.levelIndex` (always set, C1-C3 / 0-2) and `score.total` (0-30 in whole points).
 */
const input = structuredClone(miniPack) as unknown as { vocabulary: { facts: unknown[] } };
input.vocabulary.facts.push({
  id: 'limit',
  type: 'number',
  label: { 'zh-CN': '限额', en: 'Limit' },
  min: 0,
  max: 20,
  required: true,
});
const parsed = parsePack(input);
if (!parsed.ok) throw new Error('test pack must parse');
const lint = createConditionLinter(parsed.pack);

const range = (n: number, step = 1) => Array.from({ length: n }, (_, i) => i * step);
/**
 * Every value each scope root can hold, or more: every age, a quarter-step grid of limits (the
 * conditions below name half steps, so each stretch between two of them holds a grid point),
 * every total from 0 to 30 (a superset of the totals the questionnaire gives).
 */
const UNIVERSE: Record<string, unknown[]> = {
  age: [undefined, null, ...range(131)],
  limit: range(81, 0.25),
  professional: [true, false, undefined, null],
  classify: ['C1', 'C2', 'C3'].map((level, levelIndex) => ({ level, levelIndex })),
  score: range(31).map((total) => ({ total })),
};

/** Calls `visit` with each scope the condition can meet; stops when `visit` returns false. */
function everyScope(c: Condition, visit: (scope: Record<string, unknown>) => boolean): void {
  const roots = conditionFacts(c);
  const go = (i: number, scope: Record<string, unknown>): boolean => {
    const root = roots[i];
    if (root === undefined) return visit(scope);
    return (UNIVERSE[root] ?? [undefined]).every((v) => go(i + 1, { ...scope, [root]: v }));
  };
  go(0, {});
}

const sometimesTrue = (c: Condition) => {
  const test = compileCondition(c);
  let found = false;
  everyScope(c, (scope) => !(found = test((f) => scope[f])));
  return found;
};

/** The sub-condition at a path the lint reports, e.g. `$.all[1].any[0]`. */
function conditionAt(root: Condition, path: string): Condition {
  let cur: unknown = root;
  for (const [, key, index] of path.matchAll(/\.(all|any|not)(?:\[(\d+)\])?/g)) {
    cur = (cur as Record<string, unknown>)[key as string];
    if (index !== undefined) cur = (cur as unknown[])[Number(index)];
  }
  return cur as Condition;
}

// What each fact name reads, and the literals compared with it: close together and just outside
// the fact's bounds, so that conjunctions nearly contradict.
type Var = { fact: string; path?: string; scalars: unknown[]; list: unknown[]; ops: string[] };
const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const ALL_OPS = ['equal', 'notEqual', 'in', 'notIn', ...NUMERIC];
const halves = (from: number, to: number) => range((to - from) * 2 + 1, 0.5).map((x) => x + from);
const VARS: Record<string, Var> = {
  age: {
    fact: 'age',
    scalars: [...range(8), 4.5, 129, 130, 131, -1],
    list: range(8),
    ops: ALL_OPS,
  },
  limit: {
    fact: 'limit',
    scalars: [...halves(-0.5, 3), 19.5, 20, 20.5],
    list: halves(0, 3),
    ops: ALL_OPS,
  },
  professional: {
    fact: 'professional',
    scalars: [true, false, 'true', null],
    list: [true, false, null],
    ops: ['equal', 'notEqual', 'in', 'notIn'],
  },
  level: {
    fact: 'classify',
    path: '$.level',
    scalars: ['C1', 'C2', 'C3', 'C9', 1],
    list: ['C1', 'C3', 'C9'],
    ops: ALL_OPS,
  },
  levelIndex: {
    fact: 'classify',
    path: '$.levelIndex',
    scalars: [-1, 0, 0.5, 1, 2, 3],
    list: [0, 2, 5],
    ops: ALL_OPS,
  },
  total: {
    fact: 'score',
    path: '$.total',
    scalars: [-1, 0, 5, 12.5, 29, 30, 31],
    list: [0, 7],
    ops: ALL_OPS,
  },
};
const at = (v: Var) => (v.path ? { fact: v.fact, path: v.path } : { fact: v.fact });

const literal = (v: Var): fc.Arbitrary<FactCondition> =>
  fc
    .constantFrom(...v.ops)
    .chain((operator) =>
      (operator === 'in' || operator === 'notIn'
        ? fc.subarray(v.list, { minLength: 1 })
        : fc.constantFrom(...v.scalars)
      ).map((value) => ({ ...at(v), operator, value }) as FactCondition),
    );
const versus = (a: Var, b: Var): fc.Arbitrary<FactCondition> =>
  fc
    .constantFrom('equal', 'notEqual', ...NUMERIC)
    .map((operator) => ({ ...at(a), operator, value: at(b) }) as FactCondition);

/** Two facts a condition is about (from different scope roots, when `distinct`). */
const twoVars = (distinct: boolean) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(VARS)), fc.constantFrom(...Object.keys(VARS)))
    .filter(([a, b]) => !distinct || VARS[a]?.fact !== VARS[b]?.fact)
    .map(([a, b]) => [VARS[a] as Var, VARS[b] as Var] as const);

/** Any tree of all / any / not over comparisons of two facts, empty lists included. */
const anyTree = twoVars(false).chain(([a, b]) => {
  const leaf = fc.oneof(
    { arbitrary: literal(a), weight: 3 },
    { arbitrary: literal(b), weight: 2 },
    { arbitrary: fc.oneof(versus(a, b), versus(b, a)), weight: 2 },
  );
  const { node } = fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: leaf, weight: 4 },
      { arbitrary: tie('node').map((not) => ({ not })), weight: 2 },
      { arbitrary: fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })), weight: 2 },
      { arbitrary: fc.array(tie('node'), { maxLength: 3 }).map((any) => ({ any })), weight: 1 },
    ),
  }));
  return fc.oneof(
    fc.array(node, { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(node, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    node.map((not) => ({ not })),
  ) as fc.Arbitrary<TopLevelCondition>;
});

describe('condition lint against the engine (seeded)', () => {
  it('a condition or a branch lint calls never true is false for every value the facts can hold', () => {
    const judged = { never: 0, dead: 0 };
    fc.assert(
      fc.property(anyTree, (condition) => {
        const found = lint(condition, '$');
        if (found.never) {
          judged.never++;
          expect(sometimesTrue(condition), found.never.reason.en).toBe(false);
        }
        for (const dead of found.deadBranches) {
          judged.dead++;
          expect(sometimesTrue(conditionAt(condition, dead.path)), dead.path).toBe(false);
        }
      }),
      { seed: 90210, numRuns: 1500 },
    );
    // The generator must reach impossible conditions often enough for this to mean something.
    expect(judged.never).toBeGreaterThan(300);
    expect(judged.dead).toBeGreaterThan(20);
  });

  it('never calls never true a condition that a client makes true', () => {
    const scope = fc.record(
      Object.fromEntries(Object.entries(UNIVERSE).map(([k, vs]) => [k, fc.constantFrom(...vs)])),
    );
    let trueOnes = 0;
    fc.assert(
      fc.property(anyTree, scope, (condition, values) => {
        if (!compileCondition(condition)((f) => values[f])) return;
        trueOnes++;
        expect(lint(condition, '$').never).toBeUndefined();
      }),
      { seed: 4711, numRuns: 3000 },
    );
    expect(trueOnes).toBeGreaterThan(1000);
  });

  it('finds every never-true conjunction of comparisons, negations and one fact-to-fact comparison', () => {
    // Within this fragment the analysis is exact: lint and the exhaustive search must agree.
    const conjunction = twoVars(true).chain(([a, b]) => {
      const lit = fc.oneof(literal(a), literal(b));
      const item = fc.oneof(
        lit,
        lit.map((not) => ({ not })),
        lit.map((c) => ({ not: { not: c } })),
        fc.array(lit, { minLength: 1, maxLength: 2 }).map((any) => ({ not: { any } })),
        fc.array(lit, { minLength: 1, maxLength: 2 }).map((all) => ({ all })),
      ) as fc.Arbitrary<Condition>;
      const pair = fc.oneof(versus(a, b), versus(b, a));
      return fc
        .tuple(
          fc.array(item, { minLength: 1, maxLength: 4 }),
          fc.option(
            fc.oneof(
              pair,
              pair.map((not) => ({ not }) as Condition),
            ),
          ),
        )
        .map(([items, p]) => ({ all: p ? [...items, p] : items }) as TopLevelCondition);
    });
    const counts = { never: 0, possible: 0 };
    fc.assert(
      fc.property(conjunction, (condition) => {
        const never = !sometimesTrue(condition);
        counts[never ? 'never' : 'possible']++;
        expect(lint(condition, '$').never !== undefined, JSON.stringify(condition)).toBe(never);
      }),
      { seed: 1234, numRuns: 1500 },
    );
    expect(counts.never).toBeGreaterThan(300);
    expect(counts.possible).toBeGreaterThan(300);
  });
});
