import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, FactCondition, Operator } from '../domain/index.ts';
import { compileCondition, conditionFacts, conditionProblems } from './conditions.ts';
import type { FactSource } from './conditions.ts';
import { EvaluationError } from './types.ts';
import { factsArb, topLevelConditionArb } from '../testing/arbitraries.ts';

const from =
  (facts: Record<string, unknown>): FactSource =>
  (fact) =>
    Object.hasOwn(facts, fact) ? facts[fact] : undefined;

const check = (c: Condition, facts: Record<string, unknown>) => compileCondition(c)(from(facts));
const leaf = (operator: Operator, value: FactCondition['value'], path?: string): FactCondition =>
  path === undefined ? { fact: 'x', operator, value } : { fact: 'x', operator, value, path };

describe('compileCondition operators (json-rules-engine 7 defaults)', () => {
  it.each<[Operator, unknown, FactCondition['value'], boolean]>([
    ['equal', 5, 5, true],
    ['equal', '5', 5, false],
    ['equal', null, null, true],
    ['equal', undefined, null, false],
    ['notEqual', '5', 5, true],
    ['notEqual', undefined, null, true],
    ['in', 'C2', ['C1', 'C2'], true],
    ['in', 'C3', ['C1', 'C2'], false],
    ['in', 2, ['1', '2'], false],
    ['in', 'b', 'abc', true],
    ['notIn', 'C3', ['C1', 'C2'], true],
    ['notIn', undefined, ['C1'], true],
    ['contains', ['stocks', 'bonds'], 'bonds', true],
    ['contains', 'stocks and bonds', 'bonds', false],
    ['contains', undefined, 'bonds', false],
    ['doesNotContain', ['stocks'], 'bonds', true],
    ['doesNotContain', 'text', 'bonds', false],
    ['lessThan', 17, 18, true],
    ['lessThan', 18, 18, false],
    ['lessThanInclusive', 18, 18, true],
    ['greaterThan', 19, 18, true],
    ['greaterThanInclusive', 18, 18, true],
    // The numeric validator is parseFloat: a numeric string or a one-number list compares as a number.
    ['lessThan', '17', 18, true],
    ['lessThan', [5], 10, true],
    ['lessThan', '12abc', 20, false],
    ['greaterThan', 'abc', 1, false],
    ['greaterThan', undefined, -1, false],
    ['greaterThan', null, -1, false],
    ['greaterThan', true, 0, false],
    ['lessThan', 5, '10', true],
  ])('%s: %j against %j is %s', (operator, fact, value, expected) => {
    expect(check({ all: [leaf(operator, value)] }, { x: fact })).toBe(expected);
  });
});

describe('date operators', () => {
  it.each<[Operator, unknown, FactCondition['value'], boolean]>([
    // Later in the same year is not on or before: parseFloat reads both as 2026.
    ['dateOnOrBefore', '2026-12-31', '2026-06-01', false],
    ['dateOnOrBefore', '2026-06-01', '2026-06-01', true],
    ['dateOnOrBefore', '2026-05-31', '2026-06-01', true],
    ['dateBefore', '2026-06-01', '2026-06-01', false],
    ['dateBefore', '2025-12-31', '2026-01-01', true],
    ['dateAfter', '2027-01-01', '2026-12-31', true],
    ['dateAfter', '2026-06-01', '2026-06-01', false],
    ['dateOnOrAfter', '2026-06-01', '2026-06-01', true],
    ['dateOnOrAfter', '2026-05-31', '2026-06-01', false],
    // A side that is not a real YYYY-MM-DD date, a missing one included, makes it false.
    ['dateOnOrBefore', undefined, '2026-06-01', false],
    ['dateOnOrAfter', '2026-06-01', null, false],
    ['dateBefore', '2026-02-30', '2026-06-01', false],
    ['dateBefore', '2026-6-1', '2026-06-01', false],
    ['dateAfter', 20270101, '2026-06-01', false],
    ['dateAfter', '2027-01-01', 2026, false],
    ['dateBefore', '2026-01-01T00:00:00Z', '2026-06-01', false],
    ['dateOnOrAfter', ['2026-06-01'], '2026-06-01', false],
  ])('%s: %j against %j is %s', (operator, fact, value, expected) => {
    expect(check({ all: [leaf(operator, value)] }, { x: fact })).toBe(expected);
  });

  it('compares with a date read from another fact', () => {
    const c: Condition = {
      not: { fact: 'x', operator: 'dateOnOrBefore', value: { fact: 'ctx', path: '$.on' } },
    };
    expect(check(c, { x: '2026-12-31', ctx: { on: '2026-06-01' } })).toBe(true);
    expect(check(c, { x: '2026-05-31', ctx: { on: '2026-06-01' } })).toBe(false);
    // No expiry date: not expired.
    expect(check(c, { ctx: { on: '2026-06-01' } })).toBe(true);
  });

  it('never throw, even on values json-rules-engine cannot compare', () => {
    const odd = JSON.parse('{"toString":1}') as unknown;
    expect(check({ all: [leaf('dateAfter', '2026-01-01')] }, { x: odd })).toBe(false);
  });
});

describe('compileCondition structure', () => {
  const t = leaf('equal', 1);
  const f = leaf('equal', 2);
  const facts = { x: 1 };

  it('combines all / any / not, with json-rules-engine treating empty lists as passing', () => {
    expect(check({ all: [t, t] }, facts)).toBe(true);
    expect(check({ all: [t, f] }, facts)).toBe(false);
    expect(check({ any: [f, t] }, facts)).toBe(true);
    expect(check({ any: [f, f] }, facts)).toBe(false);
    expect(check({ not: t }, facts)).toBe(false);
    expect(check({ not: { any: [f, { all: [t, { not: f }] }] } }, facts)).toBe(false);
    expect(check({ all: [] }, facts)).toBe(true);
    expect(check({ any: [] }, facts)).toBe(true);
    expect(check({ not: { any: [] } }, facts)).toBe(false);
  });

  it('reads paths, and applies them only to objects as json-rules-engine does', () => {
    const risk = { total: 45, byQuestion: { Q1: 4 }, flags: ['ko'] };
    expect(
      check(
        { all: [{ fact: 'risk', path: '$.total', operator: 'greaterThan', value: 40 }] },
        { risk },
      ),
    ).toBe(true);
    expect(
      check(
        { all: [{ fact: 'risk', path: '$.byQuestion.Q1', operator: 'equal', value: 4 }] },
        { risk },
      ),
    ).toBe(true);
    expect(
      check(
        { all: [{ fact: 'risk', path: '$.flags[0]', operator: 'equal', value: 'ko' }] },
        { risk },
      ),
    ).toBe(true);
    expect(
      check({ all: [{ fact: 'risk', path: '$.nope', operator: 'equal', value: null }] }, { risk }),
    ).toBe(false);
    // A path on a number gives the number itself.
    expect(
      check({ all: [{ fact: 'age', path: '$.years', operator: 'equal', value: 35 }] }, { age: 35 }),
    ).toBe(true);
  });

  it('compares with another fact when the value is { fact, path }', () => {
    const c: Condition = {
      all: [{ fact: 'age', operator: 'lessThan', value: { fact: 'limits', path: '$.maxAge' } }],
    };
    expect(check(c, { age: 60, limits: { maxAge: 70 } })).toBe(true);
    expect(check(c, { age: 80, limits: { maxAge: 70 } })).toBe(false);
    expect(check(c, { age: 60 })).toBe(false);
    expect(check({ all: [{ fact: 'a', operator: 'equal', value: { fact: 'b' } }] }, {})).toBe(true);
  });

  it('treats missing facts as undefined', () => {
    expect(check({ all: [{ fact: 'gone', operator: 'equal', value: null }] }, {})).toBe(false);
    expect(check({ all: [{ fact: 'gone', operator: 'notIn', value: ['a'] }] }, {})).toBe(true);
    expect(
      check({ all: [{ fact: 'gone', path: '$.a.b', operator: 'notEqual', value: 1 }] }, {}),
    ).toBe(true);
  });

  it('reads each fact through the source, so it sees the scope at call time', () => {
    const test = compileCondition({ any: [leaf('equal', 'yes')] });
    expect(test(from({ x: 'yes' }))).toBe(true);
    expect(test(from({ x: 'no' }))).toBe(false);
  });
});

describe('compileCondition errors', () => {
  const at = '$.graph.nodes[4].config.rules[1].conditions';

  it('fails where json-rules-engine fails: in / notIn on something that is not a list', () => {
    const c: Condition = { all: [{ fact: 'x', operator: 'in', value: { fact: 'allowed' } }] };
    const test = compileCondition(c, at);
    expect(test(from({ x: 'a', allowed: ['a'] }))).toBe(true);
    try {
      test(from({ x: 'a' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvaluationError);
      const err = e as EvaluationError;
      expect(err.code).toBe('condition.notAList');
      expect(err.path).toBe(`${at}.all[0]`);
      expect(err.localized.en).toContain(`${at}.all[0]`);
      expect(err.localized['zh-CN']).toContain('in');
    }
  });

  it('fails even when a sibling already decided, since json-rules-engine evaluates them all', () => {
    const bad: Condition = { fact: 'x', operator: 'notIn', value: null };
    expect(() => check({ all: [leaf('equal', 'other'), bad] }, { x: 1 })).toThrow(EvaluationError);
    expect(() => check({ any: [leaf('equal', 1), { not: bad }] }, { x: 1 })).toThrow(
      EvaluationError,
    );
  });

  it('fails on values that cannot be compared rather than guessing', () => {
    const odd = JSON.parse('{"toString": 1}') as unknown;
    expect(() => check({ all: [leaf('lessThan', 3)] }, { x: odd })).toThrow(EvaluationError);
    expect(() => check({ all: [leaf('greaterThan', 3)] }, { x: Object.create(null) })).toThrow(
      /cannot be compared/,
    );
  });

  it('stops a list early once validation typed every comparison as one of plain values', () => {
    const odd = JSON.parse('{"toString": 1}') as unknown;
    const numberX = { fact: 'x', operator: 'greaterThan', value: 3 } as const;
    const c: Condition = { all: [{ fact: 'y', operator: 'equal', value: 'a' }, numberX] };
    const typed = compileCondition(c, '$', (x) =>
      x === numberX ? { fact: { type: 'number' } } : {},
    );
    // Typed, the second comparison is never reached once the first fails...
    expect(typed(from({ y: 'b', x: odd }))).toBe(false);
    // ...untyped, it runs and fails on the value as json-rules-engine would.
    expect(() => compileCondition(c)(from({ y: 'b', x: odd }))).toThrow(EvaluationError);
    // Both sides must be plain: a reference typed `any` may still hold such a value.
    const byRef: FactCondition = { fact: 'x', operator: 'greaterThan', value: { fact: 'z' } };
    const mixed = compileCondition({ all: [c.all[0] as Condition, byRef] }, '$', () => ({
      fact: { type: 'number' },
      value: { type: 'any' },
    }));
    expect(() => mixed(from({ y: 'b', x: 1, z: odd }))).toThrow(EvaluationError);
  });

  it('refuses unsafe paths when compiling, naming the condition', () => {
    expect(() =>
      compileCondition(
        { all: [{ fact: 'risk', path: '$.__proto__', operator: 'equal', value: 1 }] },
        at,
      ),
    ).toThrow(expect.objectContaining({ code: 'condition.path', path: `${at}.all[0].path` }));
  });
});

describe('conditionFacts', () => {
  it('lists the facts read, values included, once each', () => {
    expect(
      conditionFacts({
        any: [
          { fact: 'age', operator: 'lessThan', value: { fact: 'limits', path: '$.age' } },
          { not: { fact: 'risk', path: '$.total', operator: 'equal', value: 1 } },
          { all: [{ fact: 'age', operator: 'equal', value: 3 }] },
        ],
      }),
    ).toEqual(['age', 'limits', 'risk']);
  });
});

describe('conditionProblems', () => {
  const at = '$.graph.nodes[2].config.rules[0].conditions';

  it('flags what json-rules-engine accepts but an author hardly means', () => {
    const problems = conditionProblems(
      {
        all: [
          { fact: 'level', operator: 'in', value: 'C1,C2' },
          { fact: 'level', operator: 'notIn', value: null },
          { fact: 'age', operator: 'lessThan', value: '18' },
          { fact: 'tags', operator: 'contains', value: ['a'] },
          { not: { any: [] } },
          { fact: 'age', operator: 'lessThan', value: { fact: 'limit' } },
          { fact: 'level', operator: 'in', value: ['C1'] },
        ],
      },
      at,
    );
    expect(problems.map((p) => [p.severity, p.code, p.path])).toEqual([
      ['warning', 'condition.notAList', `${at}.all[0].value`],
      ['error', 'condition.notAList', `${at}.all[1].value`],
      ['warning', 'condition.notANumber', `${at}.all[2].value`],
      ['warning', 'condition.listInList', `${at}.all[3].value`],
      ['warning', 'condition.emptyList', `${at}.all[4].not.any`],
    ]);
    for (const p of problems) {
      expect(p.message.en).toContain(p.path);
      expect(p.message['zh-CN']).toContain(p.path);
    }
  });

  it('calls a numeric operator on a date an error, and names the date operator to use', () => {
    const date = { type: 'date' } as const;
    const problems = conditionProblems(
      {
        all: [
          { fact: 'expires', operator: 'lessThanInclusive', value: { fact: 'context' } },
          { fact: 'opened', operator: 'greaterThan', value: '2020-01-01' },
          { fact: 'age', operator: 'lessThan', value: { fact: 'context', path: '$.on' } },
          { fact: 'age', operator: 'greaterThan', value: 18 },
          { fact: 'expires', operator: 'dateOnOrBefore', value: { fact: 'context' } },
        ],
      },
      at,
      (c) =>
        c.fact === 'expires' ? { fact: date, value: date } : c.fact === 'age' ? {} : { fact: date },
    );
    expect(problems.map((p) => [p.severity, p.code, p.path])).toEqual([
      ['error', 'condition.numericOnDate', `${at}.all[0].operator`],
      ['error', 'condition.numericOnDate', `${at}.all[1].operator`],
    ]);
    expect(problems[0]?.message.en).toContain('use dateOnOrBefore');
    expect(problems[1]?.message['zh-CN']).toContain('dateAfter');
  });

  it('calls a date operator with a side that is never a date an error', () => {
    const problems = conditionProblems(
      {
        any: [
          { fact: 'd', operator: 'dateBefore', value: 20260101 },
          { fact: 'd', operator: 'dateBefore', value: '2026-02-30' },
          { fact: 'n', operator: 'dateAfter', value: '2026-01-01' },
          { fact: 'd', operator: 'dateAfter', value: { fact: 'n' } },
          { fact: 's', operator: 'dateAfter', value: '2026-01-01' },
        ],
      },
      at,
      (c) => ({
        fact: { type: c.fact === 'n' ? 'number' : c.fact === 's' ? 'string' : 'date' },
        value: { type: 'number' },
      }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['condition.notADate', `${at}.any[0].value`],
      ['condition.notADate', `${at}.any[1].value`],
      ['condition.notADate', `${at}.any[2].value`],
      ['condition.notADate', `${at}.any[3].value`],
    ]);
  });

  it('calls an error only what fails on every evaluation', () => {
    // A random condition with an `in` on a literal that is not a list somewhere inside it.
    const badLeaf = fc.record({
      fact: fc.constantFrom('age', 'tags'),
      operator: fc.constantFrom('in' as const, 'notIn' as const),
      value: fc.constantFrom(null, 5, true),
    });
    const withBadLeaf = fc
      .tuple(topLevelConditionArb, badLeaf, fc.constantFrom('all', 'any', 'not'))
      .map(([c, bad, how]): Condition =>
        how === 'all'
          ? { all: [c, bad] }
          : how === 'any'
            ? { any: [bad, c] }
            : { not: { any: [c, { not: bad }] } },
      );
    fc.assert(
      fc.property(withBadLeaf, fc.array(factsArb, { minLength: 1, maxLength: 3 }), (c, sets) => {
        expect(conditionProblems(c).some((p) => p.severity === 'error')).toBe(true);
        const test = compileCondition(c);
        for (const facts of sets) expect(() => test(from(facts))).toThrow(EvaluationError);
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
