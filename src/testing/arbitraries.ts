import fc from 'fast-check';
import { DATE_OPERATORS, OPERATORS, questionsOf } from '../domain/index.ts';
import type {
  Answer,
  Condition,
  ConditionValue,
  EvaluationInputDraft,
  Fact,
  FactCondition,
  FactValue,
  NodeConfig,
  Operator,
  Pack,
  Question,
  RuleEvent,
  TopLevelCondition,
} from '../domain/index.ts';

type RulesConfig = NodeConfig<'rules'>;

/**
 * fast-check arbitraries for json-rules-engine conditions and the facts they read. Everything is
 * drawn from small pools on purpose: random values rarely collide, and a condition that never
 * matches anything tests little.
 */

/** Fact names conditions use. Generated facts leave some out, so missing facts come up often. */
export const FACT_NAMES = ['age', 'score', 'tags', 'profile', 'risk', 'flag'] as const;

/** Keys of nested objects and the keys paths name; `0` and `x-y` are legal path keys too. */
export const OBJECT_KEYS = ['a', 'b', 'total', '0', 'x-y'] as const;

/**
 * Date-like texts: real dates (the same year, so `parseFloat` reads both as 2026), a date that is
 * not on the calendar, one not written YYYY-MM-DD, and an ISO timestamp.
 */
export const DATE_SCALARS = [
  '2026-06-01',
  '2026-12-31',
  '2025-12-31',
  '2026-02-30',
  '2026-6-1',
  '2026-06-01T00:00:00Z',
] as const;

/**
 * Scalars that exercise json-rules-engine's coercions: numeric strings ("12abc" reads as 12),
 * empty strings, -0, booleans and null.
 */
export const SCALARS = [
  0,
  -0,
  1,
  5,
  18,
  30,
  2.5,
  -1,
  '5',
  '18',
  '12abc',
  '',
  ' 7',
  'a',
  'C3',
  'Infinity',
  true,
  false,
  null,
  ...DATE_SCALARS,
] as const;
export type Scalar = (typeof SCALARS)[number];

export const scalarArb: fc.Arbitrary<Scalar> = fc.constantFrom(...SCALARS);

const dateScalarArb = fc.constantFrom(...DATE_SCALARS);

export const scalarListArb: fc.Arbitrary<Scalar[]> = fc.array(scalarArb, { maxLength: 4 });

/**
 * Objects JSON.parse can produce that are not plain to JavaScript: an own `__proto__` key, or an
 * own `toString` that is not a function (comparing such a value throws in json-rules-engine).
 */
export const ODD_OBJECTS_JSON = [
  '{"__proto__":{"a":1,"total":5},"a":2}',
  '{"toString":1}',
  '{"valueOf":"x","a":3}',
  '{"0":"zero","length":1}',
] as const;

/** The odd objects above, and an object without a prototype (which cannot be compared either). */
export const oddObjectArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_OBJECTS_JSON).map((json) => JSON.parse(json) as unknown),
  fc.constant(null).map(() => Object.assign(Object.create(null) as object, { a: 1 })),
);

/** A fact value: scalars, lists, nested objects and lists of objects, a few odd objects. */
export const factValueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; obj: unknown }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3, depthIdentifier: 'factValue' },
      { arbitrary: scalarArb, weight: 6 },
      { arbitrary: scalarListArb, weight: 2 },
      { arbitrary: tie('obj'), weight: 3 },
      { arbitrary: fc.array(tie('value'), { maxLength: 3 }), weight: 1 },
      { arbitrary: oddObjectArb, weight: 1 },
    ),
    obj: fc.record(
      Object.fromEntries(OBJECT_KEYS.map((k) => [k, tie('value')])) as Record<
        (typeof OBJECT_KEYS)[number],
        fc.Arbitrary<unknown>
      >,
      { requiredKeys: [], noNullPrototype: true },
    ),
  }),
).value;

/** Facts by name; any of them may be missing. */
export const factsArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(FACT_NAMES.map((k) => [k, factValueArb])) as Record<
    (typeof FACT_NAMES)[number],
    fc.Arbitrary<unknown>
  >,
  { requiredKeys: [], noNullPrototype: true },
);

/** Simple paths: `$`, `$.a`, `$.total[1]`, `$.x-y.0` ... up to three steps. */
export const pathArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...OBJECT_KEYS).map((k) => `.${k}`),
      fc.integer({ min: 0, max: 2 }).map((i) => `[${i}]`),
    ),
    { maxLength: 3 },
  )
  .map((steps) => `$${steps.join('')}`);

export const factNameArb: fc.Arbitrary<string> = fc.constantFrom(...FACT_NAMES);

export const factRefArb: fc.Arbitrary<{ fact: string; path?: string }> = fc.record(
  { fact: factNameArb, path: pathArb },
  { requiredKeys: ['fact'], noNullPrototype: true },
);

/**
 * A condition's `value`. `in` / `notIn` mostly get lists, as real rules do, date operators dates; anything else there
 * makes json-rules-engine fail, which is worth testing but should not drown the rest.
 */
export function conditionValueArb(operator: Operator): fc.Arbitrary<ConditionValue> {
  const listy = operator === 'in' || operator === 'notIn';
  // The date operators mostly get dates, or they would almost never hold.
  if ((DATE_OPERATORS as readonly Operator[]).includes(operator))
    return fc.oneof(
      { arbitrary: dateScalarArb, weight: 6 },
      { arbitrary: scalarArb, weight: 1 },
      { arbitrary: factRefArb, weight: 3 },
    );
  return fc.oneof(
    { arbitrary: scalarArb, weight: listy ? 1 : 6 },
    { arbitrary: scalarListArb, weight: listy ? 12 : 2 },
    { arbitrary: factRefArb, weight: 2 },
  );
}

export const factConditionArb: fc.Arbitrary<FactCondition> = fc
  .constantFrom(...OPERATORS)
  .chain((operator) =>
    fc.record(
      { fact: factNameArb, operator: fc.constant(operator), value: conditionValueArb(operator) },
      { requiredKeys: ['fact', 'operator', 'value'], noNullPrototype: true },
    ),
  )
  .chain((c) =>
    fc.option(pathArb, { freq: 2 }).map((path) => (path === null ? c : { ...c, path })),
  );

const plain = { noNullPrototype: true };

const conditionTree = fc.letrec<{
  condition: Condition;
  all: TopLevelCondition;
  any: TopLevelCondition;
  not: TopLevelCondition;
}>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 4, depthIdentifier: 'condition' },
    { arbitrary: factConditionArb, weight: 4 },
    { arbitrary: tie('all'), weight: 1 },
    { arbitrary: tie('any'), weight: 1 },
    { arbitrary: tie('not'), weight: 1 },
  ),
  all: fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }) }, plain),
  any: fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }) }, plain),
  not: fc.record({ not: tie('condition') }, plain),
}));

/** Any condition: a fact condition or all / any / not, nested. */
export const conditionArb: fc.Arbitrary<Condition> = conditionTree.condition;

/** What a rule's `conditions` may be: all / any / not at the root. */
export const topLevelConditionArb: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  conditionTree.all,
  conditionTree.any,
  conditionTree.not,
);

const reasonArb = fc
  .constantFrom('r1', 'r2', 'r3')
  .map((code) => ({ code, text: { 'zh-CN': `原因 ${code}`, en: `reason ${code}` } }));

/** Outputs every generated rules config declares, so that `set` events always name one. */
export const RULES_OUTPUTS = [
  { name: 'label', type: 'string' as const, default: 'none' },
  { name: 'points', type: 'number' as const, default: 0 },
];

/** Flag names `flag` events raise. */
export const RULES_FLAGS = ['f1', 'f2'] as const;

function ruleEventArb(levels: readonly string[]): fc.Arbitrary<RuleEvent> {
  const level = fc.constantFrom(...levels);
  const withReason = <T extends object>(params: T) =>
    fc
      .option(reasonArb, { nil: undefined })
      .map((reason) => (reason ? { ...params, reason } : params));
  return fc.oneof(
    fc
      .constantFrom(...RULES_FLAGS)
      .chain((name) => withReason({ name }))
      .map((params) => ({ type: 'flag' as const, params })),
    fc
      .oneof(
        fc.record({ name: fc.constant('label'), value: fc.constantFrom('a', 'b', 'c') }),
        fc.record({ name: fc.constant('points'), value: fc.integer({ min: 0, max: 9 }) }),
      )
      .map((params) => ({ type: 'set' as const, params })),
    level
      .chain((l) => withReason({ level: l }))
      .map((params) => ({ type: 'cap' as const, params })),
    level
      .chain((l) => withReason({ level: l }))
      .map((params) => ({ type: 'floor' as const, params })),
    reasonArb.map((params) => ({ type: 'reason' as const, params })),
  );
}

/**
 * A rules node's config: up to eight rules with distinct names, priorities 1-3 or none (ties are
 * common on purpose: their order is the one json-rules-engine leaves open), random conditions and
 * every kind of event; `cap` / `floor` name levels of `scale`.
 */
export function rulesConfigArb(
  scale: string,
  levels: readonly string[],
): fc.Arbitrary<RulesConfig> {
  const ruleArb = fc.record(
    {
      priority: fc.integer({ min: 1, max: 3 }),
      conditions: topLevelConditionArb,
      event: ruleEventArb(levels),
    },
    { requiredKeys: ['conditions', 'event'], noNullPrototype: true },
  );
  return fc.array(ruleArb, { maxLength: 8 }).map((rules) => ({
    scale,
    outputs: RULES_OUTPUTS.map((o) => ({ ...o })),
    rules: rules.map((r, i) => ({ ...r, name: `rule${i}` })),
  }));
}

const DATES = ['2023-01-15', '2024-06-01', '2025-05-31', '2025-12-31', '2026-06-01'] as const;

function factArb(fact: Fact, pack: Pack): fc.Arbitrary<FactValue> {
  const scaleIds = (scale?: string) =>
    pack.vocabulary.scales.find((s) => s.id === scale)?.levels.map((l) => l.id) ?? [];
  switch (fact.type) {
    case 'number': {
      const min = fact.min ?? 0;
      const max = fact.max ?? Math.max(min + 100, min * 10);
      const n = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      // Bounds themselves are where thresholds sit, so they come up often.
      return fc.oneof(fc.constantFrom(min, max), fact.integer ? n.map(Math.round) : n);
    }
    case 'enum':
    case 'set': {
      const ids = fact.values?.map((v) => v.id) ?? scaleIds(fact.scale);
      if (ids.length === 0) return fc.constant(null);
      return fact.type === 'enum' ? fc.constantFrom(...ids) : fc.subarray(ids);
    }
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.constantFrom(...DATES);
    case 'string':
      return fc.constantFrom('', 'a', 'other');
  }
}

function answerArb(q: Question): fc.Arbitrary<Answer> {
  const ids = 'options' in q ? q.options.map((o) => o.id) : [];
  switch (q.type) {
    case 'single':
    case 'yesno':
      return fc.constantFrom(...ids);
    case 'multiple':
      return fc.subarray(ids, {
        minLength: Math.min(q.minSelected, ids.length),
        maxLength: Math.min(q.maxSelected ?? ids.length, ids.length),
      });
    case 'numeric': {
      const n = fc.double({ min: q.min, max: q.max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(fc.constantFrom(q.min, q.max), q.integer ? n.map(Math.round) : n);
    }
  }
}

/**
 * Valid evaluation inputs for any pack: every fact and answer within its type and bounds, optional
 * facts and answers sometimes left out (required answers too, now and then: an incomplete
 * questionnaire is not an input error), assessment dates old enough to expire.
 */
export function evaluationInputArb(
  pack: Pack,
  evaluationDate = '2026-06-01',
): fc.Arbitrary<EvaluationInputDraft> {
  const facts = Object.fromEntries(pack.vocabulary.facts.map((f) => [f.id, factArb(f, pack)]));
  const questions = pack.questionnaires.flatMap(questionsOf);
  const answers = Object.fromEntries(questions.map((q) => [q.id, answerArb(q)]));
  const required = pack.vocabulary.facts.filter((f) => f.required).map((f) => f.id);
  const answered = fc.record(answers, { requiredKeys: [], noNullPrototype: true });
  return fc
    .record({
      facts: fc.record(facts, { requiredKeys: required, noNullPrototype: true }),
      answers: fc.oneof(
        { arbitrary: fc.record(answers, { noNullPrototype: true }), weight: 3 },
        { arbitrary: answered, weight: 1 },
      ),
      assessmentDate: fc.constantFrom(...DATES.filter((d) => d <= evaluationDate)),
      initiator: fc.constantFrom('client' as const, 'firm' as const),
    })
    .map((r): EvaluationInputDraft => ({
      facts: r.facts as Record<string, FactValue>,
      answers: r.answers as Record<string, Answer>,
      assessmentDate: r.assessmentDate,
      evaluationDate,
      initiator: r.initiator,
    }));
}
