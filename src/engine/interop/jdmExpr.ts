import type {
  Condition,
  ConditionValue,
  FactCondition,
  TopLevelCondition,
} from '../../domain/index.ts';
import { parsePath } from '../safePath.ts';

/**
 * Building blocks of ZEN expressions (the GoRules expression language) for the JDM export. Every
 * value is written as a literal or a path: nothing of a pack's text is ever spliced in unquoted.
 */

/** One `key: value` line of a JDM expression node. */
export type JdmExpression = { key: string; value: string };

/** Words of the ZEN language that cannot name a root variable. */
const RESERVED = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null', 'd', 'date']);
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSON literal as ZEN reads it (strings double-quoted, escapes as JSON). */
export const lit = (v: unknown): string => (v === undefined ? 'null' : JSON.stringify(v));

/** `.b`, or `["c-d"]` for a key that is not an identifier (`.true` does not parse in ZEN). */
export const member = (key: string): string =>
  PLAIN.test(key) && key !== 'true' && key !== 'false' ? `.${key}` : `[${lit(key)}]`;

/** `a.b["c-d"]`: a path from the root of the decision context. */
export function access(keys: readonly string[]): string {
  const [root, ...rest] = keys;
  if (root === undefined) return '$root';
  const start = PLAIN.test(root) && !RESERVED.has(root) ? root : `$root[${lit(root)}]`;
  return start + rest.map(member).join('');
}

/** A path into the expression node's own output so far: `$.byQuestion.Q1`. */
export const self = (...keys: string[]): string => `$${keys.map(member).join('')}`;

/** A dot-path value reference of the pack (`risk.total`) as a ZEN path. */
export const ref = (r: string): string => access(r.split('.'));

/** `c0 ? v0 : (c1 ? v1 : fallback)`, parenthesised so that precedence never surprises. */
export function chain(cases: readonly (readonly [string, string])[], fallback: string): string {
  return cases.reduceRight((acc, [c, v]) => `(${c} ? ${v} : ${acc})`, fallback);
}

export const isNum = (x: string) => `type(${x}) == "number"`;
export const isStr = (x: string) => `type(${x}) == "string"`;
export const isList = (x: string) => `type(${x}) == "array"`;
/** Answered as the engine means it: present, not null, not an empty list. */
export const answered = (x: string) => `(${x} != null and (${isList(x)} ? len(${x}) > 0 : true))`;

export type Translated = { expr: string } | { unsupported: string };

/** What the translator needs to know about facts: which are dates, and the product, if any. */
export type ConditionEnv = {
  isDate: (fact: string, path: string | undefined) => boolean;
  /** Inside a match `condition` dimension: the product, whose fields are known at export time. */
  product?: Record<string, unknown>;
};

type Operand = { expr: string; constant?: unknown; date: boolean };

function operand(fact: string, path: string | undefined, env: ConditionEnv): Operand | string {
  const parsed = parsePath(path ?? '$');
  if ('problem' in parsed) return parsed.problem.en;
  if (fact === 'product' && env.product) {
    // The product is data of the pack: read it now, as json-rules-engine would at run time.
    let v: unknown = env.product;
    for (const k of parsed.keys)
      v =
        v !== null && typeof v === 'object' && Object.hasOwn(v, k)
          ? (v as Record<string, unknown>)[k]
          : undefined;
    return { expr: lit(v), constant: v, date: false };
  }
  return { expr: access([fact, ...parsed.keys]), date: env.isDate(fact, path) };
}

const NUMERIC = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
} as const;

const DATE_COMPARISONS = {
  dateBefore: '<',
  dateOnOrBefore: '<=',
  dateAfter: '>',
  dateOnOrAfter: '>=',
} as const;

function factCondition(c: FactCondition, env: ConditionEnv): Translated {
  const a = operand(c.fact, c.path, env);
  if (typeof a === 'string') return { unsupported: a };
  const value: ConditionValue = c.value;
  let b: Operand;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = operand(value.fact, value.path, env);
    if (typeof o === 'string') return { unsupported: o };
    b = o;
  } else b = { expr: lit(value), constant: value, date: false };
  const literalList = Array.isArray(value);
  switch (c.operator) {
    case 'equal':
    case 'notEqual':
      // json-rules-engine compares with ===: lists and objects are never equal to a literal.
      if (literalList) return { unsupported: `${c.operator} against a list` };
      return { expr: `(${a.expr} ${c.operator === 'equal' ? '==' : '!='} ${b.expr})` };
    case 'in':
    case 'notIn':
      if (!literalList) return { unsupported: `${c.operator} needs a literal list to export` };
      return {
        expr: c.operator === 'in' ? `(${a.expr} in ${b.expr})` : `(not (${a.expr} in ${b.expr}))`,
      };
    case 'contains':
    case 'doesNotContain':
      return {
        expr: `(${isList(a.expr)} and ${c.operator === 'contains' ? '' : 'not '}contains(${a.expr}, ${b.expr}))`,
      };
    case 'dateBefore':
    case 'dateOnOrBefore':
    case 'dateAfter':
    case 'dateOnOrAfter': {
      // Our date operators hold only between two dates; the input check makes date facts real ones.
      const op = DATE_COMPARISONS[c.operator];
      return {
        expr: `((${isStr(a.expr)} and ${isStr(b.expr)}) ? date(${a.expr}) ${op} date(${b.expr}) : false)`,
      };
    }
    default: {
      const op = NUMERIC[c.operator];
      if (typeof b.constant === 'number')
        return { expr: `(${isNum(a.expr)} ? ${a.expr} ${op} ${b.expr} : false)` };
      // Dates are strings json-rules-engine compares as strings; ISO dates sort as dates.
      const bIsDate =
        b.date || (typeof b.constant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.constant));
      if (a.date && bIsDate)
        return {
          expr: `((${isStr(a.expr)} and ${isStr(b.expr)}) ? date(${a.expr}) ${op} date(${b.expr}) : false)`,
        };
      return { unsupported: `${c.operator} on values that are neither numbers nor dates` };
    }
  }
}

/**
 * A json-rules-engine condition as a ZEN boolean expression, with json-rules-engine's semantics:
 * missing facts are null and fail comparisons, `all` and `any` of nothing are true.
 */
export function condition(c: Condition | TopLevelCondition, env: ConditionEnv): Translated {
  if (Object.hasOwn(c, 'any') || Object.hasOwn(c, 'all')) {
    const some = Object.hasOwn(c, 'any');
    const list = some ? (c as { any: Condition[] }).any : (c as { all: Condition[] }).all;
    if (list.length === 0) return { expr: 'true' };
    const parts: string[] = [];
    for (const x of list) {
      const t = condition(x, env);
      if ('unsupported' in t) return t;
      parts.push(t.expr);
    }
    return { expr: `(${parts.join(some ? ' or ' : ' and ')})` };
  }
  if (Object.hasOwn(c, 'not')) {
    const t = condition((c as { not: Condition }).not, env);
    return 'unsupported' in t ? t : { expr: `(not ${t.expr})` };
  }
  return factCondition(c as FactCondition, env);
}
