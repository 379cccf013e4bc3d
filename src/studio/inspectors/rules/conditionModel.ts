import type {
  Condition,
  ConditionValue,
  FactCondition,
  LocalizedText,
  Operator,
  Pack,
  TopLevelCondition,
} from '../../../domain/index.ts';
import { questionsOf } from '../../../domain/index.ts';
import type { ValueType } from '../common/engineApi.ts';
import { scopeRefs, type RefGroup } from '../common/scopeRefs.ts';

/** One fact a condition can test: a scope root and, inside it, a path. */
export type FactChoice = {
  /** Dot-path, as value references write it: `risk.total`, `answers.Q1`, `age`. */
  ref: string;
  fact: string;
  path: string | undefined;
  type: ValueType;
  group: RefGroup | { kind: 'product' };
};

/** A value a fact can take, e.g. a level of its scale or an option of a question. */
export type ValueChoice = { id: string; label?: LocalizedText | undefined };

/** `risk.byQuestion.Q1` -> fact `risk`, path `$.byQuestion.Q1`, as json-rules-engine writes it. */
export function refToCondition(ref: string): { fact: string; path: string | undefined } {
  const [fact = '', ...keys] = ref.split('.');
  return { fact, path: keys.length > 0 ? `$.${keys.join('.')}` : undefined };
}

/** The dot-path a condition's fact and path stand for. */
export function conditionRef(c: Pick<FactCondition, 'fact' | 'path'>): string {
  if (!c.path) return c.fact;
  const keys = c.path
    .slice(1)
    .split(/\.|\[(\d+)\]/)
    .filter((k) => k !== undefined && k !== '');
  return [c.fact, ...keys].join('.');
}

/** Fields of the product being matched, for conditions inside a match node. */
export function productRefs(pack: Pack): FactChoice[] {
  const c = pack.products;
  const level = (scale: string | undefined): ValueType =>
    scale ? { type: 'level', scale } : { type: 'string' };
  const fields: [string, ValueType][] = [
    ['id', { type: 'string' }],
    ['risk', level(c.riskScale)],
    ['horizon', level(c.horizonScale)],
    ['variety', level(c.varietyScale)],
    ['complex', { type: 'boolean' }],
    ['tags', { type: 'list', of: { type: 'string' } }],
  ];
  const attributes = new Set(c.items.flatMap((p) => Object.keys(p.attributes)));
  for (const a of [...attributes].sort()) fields.push([`attributes.${a}`, { type: 'any' }]);
  return fields.map(([key, type]) => ({
    ref: `product.${key}`,
    ...refToCondition(`product.${key}`),
    type,
    group: { kind: 'product' },
  }));
}

/**
 * Every fact a condition of `nodeId` may test: client facts, answers, context, upstream outputs,
 * and with `withProduct` the product's fields. Records themselves are left out: a condition tests
 * a value, so the picker offers their keys.
 */
export function factChoices(pack: Pack, nodeId: string, withProduct = false): FactChoice[] {
  const refs = scopeRefs(pack, nodeId)
    .filter((o) => o.type.type !== 'record' || !o.type.keys)
    .map((o) => ({ ref: o.ref, ...refToCondition(o.ref), type: o.type, group: o.group }));
  return withProduct ? [...refs, ...productRefs(pack)] : refs;
}

/** The values a fact can take when they are a known list: scale levels, enum values, options. */
export function valueChoices(pack: Pack, ref: string, type: ValueType): ValueChoice[] | undefined {
  const element = type.type === 'list' ? type.of : type;
  if (element?.type === 'level') {
    const scale = pack.vocabulary.scales.find((s) => s.id === element.scale);
    return scale?.levels.map((l) => ({ id: l.id, label: l.label }));
  }
  const [root, key] = ref.split('.');
  const fact = pack.vocabulary.facts.find((f) => f.id === root);
  if (fact && (fact.type === 'enum' || fact.type === 'set') && fact.values)
    return fact.values.map((v) => ({ id: v.id, label: v.label }));
  if (root === 'answers' && key) {
    for (const q of pack.questionnaires)
      for (const question of questionsOf(q))
        if (question.id === key && question.type !== 'numeric')
          return question.options.map((o) => ({ id: o.id, label: o.label }));
  }
  if (ref === 'context.initiator')
    return [
      { id: 'client', label: { 'zh-CN': '客户主动', en: 'client' } },
      { id: 'firm', label: { 'zh-CN': '机构推介', en: 'firm' } },
    ];
  return undefined;
}

const COMPARISONS: Operator[] = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

const DATE_COMPARISONS: Operator[] = ['dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter'];

/**
 * Operators that make sense for a type. json-rules-engine compares only numbers with `<`, so
 * levels offer equality and sets, dates the date operators; lists offer contains.
 */
export function operatorsFor(type: ValueType): Operator[] {
  switch (type.type) {
    case 'number':
      return ['equal', 'notEqual', ...COMPARISONS, 'in', 'notIn'];
    case 'boolean':
      return ['equal', 'notEqual'];
    case 'date':
      return ['equal', 'notEqual', ...DATE_COMPARISONS];
    case 'list':
      return ['contains', 'doesNotContain'];
    case 'any':
      return ['equal', 'notEqual', ...COMPARISONS, 'in', 'notIn', 'contains', 'doesNotContain'];
    default:
      return ['equal', 'notEqual', 'in', 'notIn'];
  }
}

export type ValueKind = 'number' | 'boolean' | 'text' | 'choice' | 'multi' | 'numbers' | 'texts';

/** Which editor a condition's value gets, from the fact's type, the operator and known values. */
export function valueKind(
  type: ValueType,
  operator: Operator,
  choices: readonly unknown[] | undefined,
): ValueKind {
  const element = type.type === 'list' ? (type.of ?? { type: 'any' }) : type;
  const many = operator === 'in' || operator === 'notIn';
  if (many) return choices ? 'multi' : element.type === 'number' ? 'numbers' : 'texts';
  if (element.type === 'boolean') return 'boolean';
  if (choices) return 'choice';
  return element.type === 'number' ? 'number' : 'text';
}

/** A value that fits the editor, keeping the current one when it already does. */
export function coerceValue(
  kind: ValueKind,
  current: ConditionValue,
  choices: readonly ValueChoice[] | undefined,
): ConditionValue {
  const first = choices?.[0]?.id ?? '';
  switch (kind) {
    case 'number':
      return typeof current === 'number' ? current : 0;
    case 'boolean':
      return typeof current === 'boolean' ? current : true;
    case 'text':
      return typeof current === 'string' ? current : '';
    case 'choice':
      return typeof current === 'string' && choices?.some((c) => c.id === current)
        ? current
        : first;
    case 'multi': {
      const list = Array.isArray(current) ? current : [current];
      const kept = list.filter(
        (v): v is string => typeof v === 'string' && !!choices?.some((c) => c.id === v),
      );
      return kept.length > 0 ? kept : first ? [first] : [];
    }
    case 'numbers':
      return Array.isArray(current) && current.every((v) => typeof v === 'number') ? current : [];
    case 'texts':
      return Array.isArray(current) && current.every((v) => typeof v === 'string') ? current : [];
  }
}

/** A condition on a fact, with the first operator that fits and a value the editor can show. */
export function conditionFor(pack: Pack, choice: FactChoice, keep?: FactCondition): FactCondition {
  const operators = operatorsFor(choice.type);
  const operator =
    keep && operators.includes(keep.operator) ? keep.operator : (operators[0] as Operator);
  const choices = valueChoices(pack, choice.ref, choice.type);
  const value = coerceValue(
    valueKind(choice.type, operator, choices),
    keep?.value ?? null,
    choices,
  );
  return { fact: choice.fact, ...(choice.path ? { path: choice.path } : {}), operator, value };
}

export type GroupKind = 'all' | 'any' | 'not';

export function groupKind(c: Condition): GroupKind | undefined {
  if ('all' in c) return 'all';
  if ('any' in c) return 'any';
  if ('not' in c) return 'not';
  return undefined;
}

/** The children a group shows: `not` has one. */
export function childrenOf(c: TopLevelCondition): Condition[] {
  if ('all' in c) return c.all;
  if ('any' in c) return c.any;
  return [c.not];
}

/**
 * The same children under another group kind. `not` of several children negates their `all`, and
 * leaving `not` unwraps an `all` it held, so switching back and forth loses nothing.
 */
export function switchGroup(c: TopLevelCondition, to: GroupKind): TopLevelCondition {
  const name = c.name ? { name: c.name } : {};
  let children = childrenOf(c);
  if ('not' in c && to !== 'not' && 'all' in c.not && !c.not.name) children = c.not.all;
  if (to === 'not') {
    const only = children.length === 1 ? children[0] : undefined;
    return { not: only ?? { all: children }, ...name };
  }
  return to === 'all' ? { all: children, ...name } : { any: children, ...name };
}
