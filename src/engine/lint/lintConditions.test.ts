import { describe, expect, it } from 'vitest';
import miniPack from '../../domain/fixtures/miniPack.json' with { type: 'json' };
import { parsePack, type Pack, type TopLevelCondition } from '../../domain/index.ts';
import { compileCondition } from '../conditions.ts';
import { lintPack } from './lintPack.ts';

const reason = { code: 'r', text: { 'zh-CN': '原因', en: 'reason' } };
type Editable = {
  vocabulary: { facts: unknown[] };
  graph: { nodes: { id: string; config?: { dimensions?: unknown[] } }[]; edges: unknown[] };
};

/**
 * The mini pack (age optional, whole, 0-130; classify.level C1-C3; score.total 0-30) with two
 * required facts, `limit` in [0, 55] and `retire`, a whole number in [60, 70], changed by `edit`.
 */
function testPack(edit: (p: Editable) => void): Pack {
  const input = structuredClone(miniPack) as unknown as Editable;
  const label = { 'zh-CN': '事实', en: 'Fact' };
  input.vocabulary.facts.push(
    { id: 'limit', type: 'number', label, min: 0, max: 55, required: true },
    { id: 'retire', type: 'number', label, min: 60, max: 70, integer: true, required: true },
  );
  edit(input);
  const result = parsePack(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result.pack;
}

/** One rule per condition, in a rules node fed by the questionnaire node (nodes[5]). */
const rulesPack = (conditions: unknown[]) =>
  testPack((p) => {
    p.graph.nodes.push({
      id: 'checks',
      kind: 'rules',
      config: {
        rules: conditions.map((c, i) => ({
          name: `r${i}`,
          conditions: c,
          event: { type: 'flag', params: { name: 'f', reason } },
        })),
      },
    } as never);
    p.graph.edges.push({ id: 'e-checks', source: 'score', target: 'checks' });
  });

const codes = (p: Pack) => lintPack(p).map((x) => `${x.severity} ${x.code} ${x.path}`);
const RULE = '$.graph.nodes[5].config.rules';
const age = (operator: string, value: unknown) => ({ fact: 'age', operator, value });
const limit = (operator: string, value: unknown) => ({ fact: 'limit', operator, value });
const level = (operator: string, value: unknown) => ({
  fact: 'classify',
  path: '$.level',
  operator,
  value,
});

describe('rules that can never fire', () => {
  it('finds contradictory comparisons on one fact, integer-aware and within its bounds', () => {
    const pack = rulesPack([
      { all: [age('lessThan', 10), age('greaterThan', 20)] },
      { all: [age('greaterThan', 10), age('lessThan', 11)] },
      { all: [age('greaterThan', 130)] },
      { all: [age('greaterThan', 10), age('lessThan', 12)] },
      { all: [age('equal', 30), age('notEqual', 30)] },
    ]);
    const found = lintPack(pack);
    expect(found.map((p) => `${p.code} ${p.path}`)).toEqual([
      `lint.rule.neverFires ${RULE}[0].conditions.all`,
      `lint.rule.neverFires ${RULE}[1].conditions.all`,
      `lint.rule.neverFires ${RULE}[2].conditions.all[0]`,
      `lint.rule.neverFires ${RULE}[4].conditions.all`,
    ]);
    expect(found[0]?.message.en).toBe(
      'rule "r0" can never fire: the conditions age < 10 and age > 20 can never hold together (age: whole numbers in [0, 130])',
    );
    expect(found.every((p) => p.severity === 'error' && p.nodeId === 'checks')).toBe(true);
  });

  it('finds equal to a value outside a scale, an option list or a boolean', () => {
    const pack = rulesPack([
      { all: [level('equal', 'C9')] },
      { all: [{ fact: 'answers', path: '$.Q1', operator: 'in', value: ['X', 'Y'] }] },
      { all: [{ fact: 'professional', operator: 'equal', value: 'true' }] },
      { all: [level('in', ['C9', 'C2'])] },
      { all: [{ fact: 'answers', path: '$.Q1', operator: 'equal', value: 'A' }] },
    ]);
    expect(codes(pack)).toEqual([
      `error lint.rule.neverFires ${RULE}[0].conditions.all[0]`,
      `error lint.rule.neverFires ${RULE}[1].conditions.all[0]`,
      `error lint.rule.neverFires ${RULE}[2].conditions.all[0]`,
    ]);
    expect(lintPack(pack)[0]?.message.en).toContain('the possible values are "C1", "C2", "C3"');
  });

  it('warns of a dead branch of an any, and fails the rule only when every branch is dead', () => {
    const dead = level('equal', 'C7');
    const live = age('greaterThan', 60);
    const pack = rulesPack([{ any: [dead, live] }, { any: [dead, dead] }, { not: dead }]);
    expect(codes(pack)).toEqual([
      `warning lint.condition.neverTrue ${RULE}[0].conditions.any[0]`,
      `error lint.rule.neverFires ${RULE}[1].conditions.any[0]`,
    ]);
  });
});

/** The lint findings of one rule, as `severity code path` and the English and Chinese messages. */
function lintRule(conditions: unknown) {
  const found = lintPack(rulesPack([conditions]));
  return {
    codes: found.map(
      (x) => `${x.severity} ${x.code} ${x.path.replace(`${RULE}[0].conditions`, '')}`,
    ),
    en: found.map((x) => x.message.en),
    zh: found.map((x) => x.message['zh-CN']),
  };
}

describe('conditions under not', () => {
  it('negates a comparison and spells out what the negation asks for', () => {
    const found = lintRule({ all: [age('greaterThan', 5), { not: age('greaterThan', 3) }] });
    expect(found.codes).toEqual(['error lint.rule.neverFires .all']);
    expect(found.en).toEqual([
      'rule "r0" can never fire: the conditions age > 5 and not (age > 3) can never hold together: not (age > 3) means age ≤ 3 or age is missing (age: whole numbers in [0, 130])',
    ]);
    expect(found.zh).toEqual([
      '规则“r0”永远不会触发：条件 age > 5、并非（age > 3） 不可能同时成立：并非（age > 3）即 age ≤ 3 或 age 缺失（age 取值范围 [0, 130]，整数）',
    ]);
  });

  it('turns not any into all of the negations, and counts a missing value as a way out', () => {
    // limit is required: neither below 10 nor from 10 on is impossible. An optional age can be missing.
    const split = (fact: (op: string, v: number) => unknown) => ({
      not: { any: [fact('lessThan', 10), fact('greaterThanInclusive', 10)] },
    });
    expect(lintRule(split(limit)).codes).toEqual(['error lint.rule.neverFires .not.any']);
    expect(lintRule(split(limit)).en[0]).toContain(
      'not (limit < 10) means limit ≥ 10; not (limit ≥ 10) means limit < 10 (limit: values in [0, 55])',
    );
    expect(lintRule(split(age)).codes).toEqual([]);
  });

  it('reads a double not as the condition itself, and a negated list by the values it leaves', () => {
    expect(lintRule({ not: { not: level('equal', 'C9') } }).codes).toEqual([
      'error lint.rule.neverFires .not.not',
    ]);
    const every = lintRule({ all: [{ not: level('in', ['C1', 'C2', 'C3']) }] });
    expect(every.codes).toEqual(['error lint.rule.neverFires .all[0]']);
    expect(every.en[0]).toContain(
      'not (classify.level is one of ["C1","C2","C3"]) leaves none of the possible values',
    );
    expect(every.zh[0]).toContain('不允许任何可能的值');
    // C3 is left: nothing to report.
    expect(lintRule({ all: [{ not: level('in', ['C1', 'C2']) }] }).codes).toEqual([]);
  });

  it('knows not of an empty list never holds, and that a negated impossibility always holds', () => {
    const empty = lintRule({ not: { any: [] } });
    expect(empty.codes).toEqual(['error lint.rule.neverFires .not.any']);
    expect(empty.en[0]).toContain('an empty any list always holds');
    expect(lintRule({ not: { all: [age('lessThan', 10), age('greaterThan', 20)] } }).codes).toEqual(
      [],
    );
  });

  it('stays silent where the negation is not exact, and the engine agrees the rule can fire', () => {
    const clientId = (operator: string, value: unknown) => ({
      fact: 'context',
      path: '$.clientId',
      operator,
      value,
    });
    const cases: [unknown, Record<string, unknown>][] = [
      // A client id of unknown type: the text "5" compares as 5 but is not the number 5.
      [
        {
          all: [
            clientId('greaterThanInclusive', 5),
            clientId('lessThanInclusive', 5),
            { not: clientId('equal', 5) },
          ],
        },
        { context: { clientId: '5' } },
      ],
      // Multiple choice answers are lists lint does not enumerate.
      [
        {
          all: [
            { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'A' },
            { not: { fact: 'answers', path: '$.Q2', operator: 'contains', value: 'B' } },
          ],
        },
        { answers: { Q2: ['A'] } },
      ],
      // not all [a, b] is any [not a, not b]: one way out is enough.
      [{ not: { all: [age('greaterThan', 3), limit('lessThan', 5)] } }, { age: 2, limit: 1 }],
    ];
    for (const [c, facts] of cases) {
      expect(lintRule(c).codes, JSON.stringify(c)).toEqual([]);
      expect(compileCondition(c as TopLevelCondition)((f) => facts[f])).toBe(true);
    }
  });

  it('points a dead branch of an any at the branch, negated ones included', () => {
    const gap = (fact: typeof age) => ({
      not: { any: [fact('lessThan', 10), fact('greaterThanInclusive', 5)] },
    });
    // The branch is dead only for the required limit: a missing age takes it.
    expect(lintRule({ any: [gap(limit), age('equal', 40)] }).codes).toEqual([
      'warning lint.condition.neverTrue .any[0]',
    ]);
    expect(lintRule({ any: [gap(age), age('equal', 40)] }).codes).toEqual([]);
  });
});

describe('comparisons of two facts', () => {
  const ref = (fact: string, path?: string) => (path ? { fact, path } : { fact });

  it('reports ranges that never meet, narrowed by the other conditions of the group', () => {
    const c = { all: [age('greaterThanInclusive', 60), age('lessThan', ref('limit'))] };
    const found = lintRule(c);
    expect(found.codes).toEqual(['error lint.rule.neverFires .all[1]']);
    expect(found.en[0]).toBe(
      'rule "r0" can never fire: the condition age < limit can never hold: age lies in [60, 130] (whole numbers), and limit lies in [0, 55] (given the other conditions of this group)',
    );
    expect(found.zh[0]).toBe(
      '规则“r0”永远不会触发：条件 age < limit 永远不会成立：age 的取值在 [60, 130] 内（整数），limit 的取值在 [0, 55] 内（已计入同组其他条件）',
    );
    expect(lintRule({ all: [age('lessThan', ref('limit'))] }).codes).toEqual([]);
  });

  it('uses score ranges and scales, and says why a level is never less than a number', () => {
    const total = ref('score', '$.total');
    expect(
      lintRule({ all: [{ fact: 'retire', operator: 'lessThanInclusive', value: total }] }).en,
    ).toEqual([
      'rule "r0" can never fire: the condition retire ≤ score.total can never hold: retire lies in [60, 70] (whole numbers), and score.total lies in [0, 30] (whole numbers)',
    ]);
    expect(lintRule({ all: [level('equal', ref('classify', '$.levelIndex'))] }).codes).toEqual([
      'error lint.rule.neverFires .all[0]',
    ]);
    const levelBelow = lintRule({ all: [level('lessThan', ref('age'))] });
    expect(levelBelow.en[0]).toContain(
      'classify.level can be "C1", "C2", "C3", never a number, and < compares numbers only',
    );
    // Overlapping ranges: silent.
    expect(
      lintRule({
        all: [{ fact: 'classify', path: '$.levelIndex', operator: 'equal', value: total }],
      }).codes,
    ).toEqual([]);
  });

  it('reports not of a comparison that always holds, unless a side can be missing', () => {
    const total = ref('score', '$.total');
    const always = lintRule({ not: { fact: 'retire', operator: 'greaterThan', value: total } });
    expect(always.codes).toEqual(['error lint.rule.neverFires ']);
    expect(always.en[0]).toContain('retire > score.total always holds');
    expect(always.zh[0]).toContain('retire > score.total 总是成立');
    // age may be missing, and a missing age is not greater than anything.
    expect(
      lintRule({ not: { fact: 'age', operator: 'greaterThan', value: ref('retire') } }).codes,
    ).toEqual([]);
  });

  it('compares a missing value as 0 when it is the value compared with, as the engine does', () => {
    // Only a missing age leaves room: limit > null is limit > 0.
    const c = {
      all: [
        { not: age('lessThan', 129) },
        limit('greaterThan', 55 - 1),
        { fact: 'limit', operator: 'greaterThan', value: ref('age') },
      ],
    } as TopLevelCondition;
    expect(lintRule(c).codes).toEqual([]);
    const facts: Record<string, unknown> = { age: null, limit: 55 };
    expect(compileCondition(c)((f) => facts[f])).toBe(true);
  });

  it('checks match conditions with the product: a product risk is never a client level', () => {
    const found = lintPack(
      testPack((p) => {
        const match = p.graph.nodes.find((n) => n.id === 'match');
        match?.config?.dimensions?.push({
          id: 'same',
          kind: 'condition',
          label: { 'zh-CN': '同级', en: 'Same level' },
          reason,
          when: {
            all: [
              {
                fact: 'product',
                path: '$.risk',
                operator: 'equal',
                value: ref('classify', '$.level'),
              },
            ],
          },
        });
      }),
    );
    expect(found.map((x) => `${x.severity} ${x.code} ${x.path}`)).toEqual([
      'warning lint.condition.neverTrue $.graph.nodes[3].config.dimensions[1].when.all[0]',
    ]);
    expect(found[0]?.message.en).toContain(
      'product.risk can be "R1", "R2", "R3", and classify.level can be "C1", "C2", "C3"',
    );
  });
});
