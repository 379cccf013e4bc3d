import { DATE_OPERATORS, lt } from '../domain/index.ts';
import type {
  Condition,
  ConditionValue,
  FactCondition,
  Operator,
  TopLevelCondition,
} from '../domain/index.ts';
import { DATE_OPERATOR_TESTS } from './dateOperators.ts';
import { isDate } from './dates.ts';
import { compilePath } from './safePath.ts';
import { EvaluationError } from './types.ts';
import type { Problem } from './types.ts';
import type { ValueType } from './valueTypes.ts';

/** Where a condition reads its facts: a scope root name to its value (undefined when missing). */
export type FactSource = (fact: string) => unknown;

export type ConditionTest = (facts: FactSource) => boolean;

/**
 * A compiled condition, and whether evaluating it can throw: json-rules-engine evaluates every
 * condition of a list before it combines them, so a list that holds one that can throw must not
 * stop early, or an error json-rules-engine reports would go unseen.
 */
type Compiled = { test: ConditionTest; mayThrow: boolean };

type OperatorDef = {
  test: (factValue: unknown, value: unknown) => boolean;
  /** False only when the operator cannot throw whatever the fact holds. */
  mayThrow: (value: ConditionValue) => boolean;
};

// json-rules-engine's fact-value validator for the numeric operators. `parseFloat` reads a leading
// number, so "12abc" and [5] pass and are then compared with JavaScript's own `<` and `>`.
// A number is read as itself, without parseFloat's trip through text.
const numeric = (v: unknown) =>
  typeof v === 'number' ? !Number.isNaN(v) : !Number.isNaN(Number.parseFloat(v as string));

/** `value.indexOf(factValue)` as json-rules-engine calls it, refusing what has no `indexOf`. */
function indexIn(list: unknown, item: unknown): number {
  if (Array.isArray(list)) return list.indexOf(item);
  if (typeof list === 'string') return list.indexOf(item as string);
  throw new TypeError('not a list');
}

const never = () => false;
const always = () => true;
const unlessLiteralList = (value: ConditionValue) => !Array.isArray(value);

const { dateBefore, dateOnOrBefore, dateAfter, dateOnOrAfter } = DATE_OPERATOR_TESTS;

/** json-rules-engine 7's default operators, with their fact-value validators, and ours on dates. */
const OPERATORS: Record<Operator, OperatorDef> = {
  equal: { test: (a, b) => a === b, mayThrow: never },
  notEqual: { test: (a, b) => a !== b, mayThrow: never },
  in: { test: (a, b) => indexIn(b, a) > -1, mayThrow: unlessLiteralList },
  notIn: { test: (a, b) => indexIn(b, a) === -1, mayThrow: unlessLiteralList },
  contains: { test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1, mayThrow: never },
  doesNotContain: { test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1, mayThrow: never },
  // Comparing values that are not plain data (an object whose `toString` is not a function) throws.
  lessThan: { test: (a, b) => numeric(a) && (a as number) < (b as number), mayThrow: always },
  lessThanInclusive: {
    test: (a, b) => numeric(a) && (a as number) <= (b as number),
    mayThrow: always,
  },
  greaterThan: { test: (a, b) => numeric(a) && (a as number) > (b as number), mayThrow: always },
  greaterThanInclusive: {
    test: (a, b) => numeric(a) && (a as number) >= (b as number),
    mayThrow: always,
  },
  dateBefore: { test: dateBefore, mayThrow: never },
  dateOnOrBefore: { test: dateOnOrBefore, mayThrow: never },
  dateAfter: { test: dateAfter, mayThrow: never },
  dateOnOrAfter: { test: dateOnOrAfter, mayThrow: never },
};

type Read = (facts: FactSource) => unknown;

/**
 * A fact, reached into by `path`. As in json-rules-engine, the path applies only when the fact is an
 * object or array; any other fact value is returned as it is.
 */
function compileRead(fact: string, path: string | undefined, at: string): Read {
  if (!path) return (facts) => facts(fact);
  const read = compilePath(path, `${at}.path`);
  return (facts) => {
    const v = facts(fact);
    return v !== null && typeof v === 'object' ? read(v) : v;
  };
}

function isFactRef(value: ConditionValue): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'a list';
  return v === null || typeof v !== 'object' ? JSON.stringify(v) : 'an object';
}

function operandError(c: FactCondition, at: string, value: unknown): EvaluationError {
  if (c.operator === 'in' || c.operator === 'notIn')
    return new EvaluationError(
      'condition.notAList',
      lt(
        `条件 ${at}：运算符 ${c.operator} 需要一个列表作为比较值，实际是 ${describeValue(value)}`,
        `condition at ${at}: operator ${c.operator} needs a list to look in, got ${describeValue(value)}`,
      ),
      at,
    );
  return new EvaluationError(
    'condition.notComparable',
    lt(
      `条件 ${at}：事实 ${c.fact} 的值不是可比较的数据`,
      `condition at ${at}: the value of fact ${c.fact} cannot be compared`,
    ),
    at,
  );
}

const PLAIN_TYPES: ReadonlySet<ValueType['type']> = new Set([
  'number',
  'boolean',
  'string',
  'date',
  'level',
]);

/**
 * A numeric comparison throws only on an object that cannot be turned into a primitive. It cannot
 * when validation typed both sides as plain values: evaluation delivers those types (the input
 * check holds facts and answers to theirs, nodes output theirs) or nothing at all.
 */
export function plainComparison(c: FactCondition, types: ConditionTypes | undefined): boolean {
  if (!types || !NUMERIC.has(c.operator)) return false;
  const t = types(c);
  const plain = (x: ValueType | undefined) => x !== undefined && PLAIN_TYPES.has(x.type);
  const value = isFactRef(c.value)
    ? plain(t.value)
    : c.value === null || typeof c.value !== 'object';
  return plain(t.fact) && value;
}

function compileFactCondition(c: FactCondition, at: string, types?: ConditionTypes): Compiled {
  const def = OPERATORS[c.operator];
  if (!def)
    throw new EvaluationError(
      'condition.operator',
      lt(
        `条件 ${at}：未知运算符 ${c.operator}`,
        `condition at ${at}: unknown operator ${c.operator}`,
      ),
      `${at}.operator`,
    );
  const op = def.test;
  const read = compileRead(c.fact, c.path, at);
  const ref = isFactRef(c.value) ? compileRead(c.value.fact, c.value.path, `${at}.value`) : null;
  const literal = c.value;
  const mayThrow = def.mayThrow(c.value) && !plainComparison(c, types);
  if (!mayThrow)
    return {
      test: ref ? (f) => op(read(f), ref(f)) : (f) => op(read(f), literal),
      mayThrow,
    };
  return {
    test: (f) => {
      const a = read(f);
      const b = ref ? ref(f) : literal;
      try {
        return op(a, b);
      } catch {
        throw operandError(c, at, b);
      }
    },
    mayThrow,
  };
}

function compileList(
  list: Condition[],
  at: string,
  some: boolean,
  types: ConditionTypes | undefined,
): Compiled {
  const parts = list.map((c, i) => compileNode(c, `${at}[${i}]`, types));
  // json-rules-engine passes an empty list, `any` as well as `all`.
  if (parts.length === 0) return { test: () => true, mayThrow: false };
  if (parts.length === 1) return parts[0] as Compiled;
  const tests = parts.map((p) => p.test);
  const mayThrow = parts.some((p) => p.mayThrow);
  if (!mayThrow)
    return {
      test: some
        ? (f) => {
            for (const t of tests) if (t(f)) return true;
            return false;
          }
        : (f) => {
            for (const t of tests) if (!t(f)) return false;
            return true;
          },
      mayThrow,
    };
  return {
    test: (f) => {
      // Every part runs, so that an error anywhere surfaces (see `Compiled`).
      let decided = false;
      for (const t of tests) if (t(f) === some) decided = true;
      return some ? decided : !decided;
    },
    mayThrow,
  };
}

function compileNode(c: Condition, at: string, types: ConditionTypes | undefined): Compiled {
  // The same precedence as json-rules-engine when a condition has more than one of these keys.
  if (Object.hasOwn(c, 'any'))
    return compileList((c as { any: Condition[] }).any, `${at}.any`, true, types);
  if (Object.hasOwn(c, 'all'))
    return compileList((c as { all: Condition[] }).all, `${at}.all`, false, types);
  if (Object.hasOwn(c, 'not')) {
    const inner = compileNode((c as { not: Condition }).not, `${at}.not`, types);
    const t = inner.test;
    return { test: (f) => !t(f), mayThrow: inner.mayThrow };
  }
  return compileFactCondition(c as FactCondition, at, types);
}

/**
 * Compiles a json-rules-engine condition into a synchronous test, once, to nested closures. The
 * result is what json-rules-engine 7 computes with `allowUndefinedFacts: true` and the safe path
 * resolver: a missing fact is `undefined`, `all` and `any` of nothing are true, numeric operators
 * apply only to facts that read as numbers, `contains` only to facts that are lists; the date
 * operators (ours, registered on json-rules-engine) hold only between two real dates. Where
 * json-rules-engine would fail (`in` on something that is not a list), the test throws an
 * `EvaluationError` located at `at`, the JSON path of the condition in the pack.
 *
 * @example
 * const adult = compileCondition({ all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] });
 * adult((fact) => ({ age: 30 })[fact]); // true
 */
export function compileCondition(
  c: Condition | TopLevelCondition,
  at = '$',
  /** The static types validation found, when known: comparisons of plain values then never throw. */
  types?: ConditionTypes,
): (facts: FactSource) => boolean {
  return compileNode(c, at, types).test;
}

/** The facts (scope roots) a condition reads, in first-use order, including `{ fact }` values. */
export function conditionFacts(c: Condition | TopLevelCondition): string[] {
  const out = new Set<string>();
  const visit = (x: Condition): void => {
    if ('any' in x) x.any.forEach(visit);
    else if ('all' in x) x.all.forEach(visit);
    else if ('not' in x) visit(x.not);
    else {
      out.add(x.fact);
      if (isFactRef(x.value)) out.add(x.value.fact);
    }
  };
  visit(c);
  return [...out];
}

const NUMERIC: ReadonlySet<Operator> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

/** The date operator that means what a numeric one was meant to on dates. */
const DATE_FOR: Partial<Record<Operator, Operator>> = {
  lessThan: 'dateBefore',
  lessThanInclusive: 'dateOnOrBefore',
  greaterThan: 'dateAfter',
  greaterThanInclusive: 'dateOnOrAfter',
};

/**
 * The static types of what a fact condition compares, when the caller knows them (validation
 * does): the fact with its path, and the value when it is a `{ fact }` reference.
 */
export type ConditionTypes = (c: FactCondition) => { fact?: ValueType; value?: ValueType };

/** [severity, code, zh-CN, en, the key of the fact condition it points at (default `value`)]. */
type Finding = [Problem['severity'], string, string, string, ('operator' | 'value')?];

/** Problems of comparing dates: a numeric operator on a date, a date operator on a non-date. */
function dateProblems(c: FactCondition, types: ConditionTypes | undefined): Finding[] {
  const v = c.value;
  const op = c.operator;
  const known = types?.(c) ?? {};
  const isDateType = (t: ValueType | undefined) => t?.type === 'date';
  const valueIsDate = isFactRef(v) ? isDateType(known.value) : isDate(v);
  const instead = DATE_FOR[op];
  if (instead && (isDateType(known.fact) || valueIsDate))
    return [
      [
        'error',
        'condition.numericOnDate',
        `${op} 比较的是数字，不是日期；请改用 ${instead}`,
        `${op} compares numbers, not dates; use ${instead}`,
        'operator',
      ],
    ];
  if (!(DATE_OPERATORS as readonly Operator[]).includes(op)) return [];
  // `any` and `string` may hold dates; a type known to be something else never does.
  const cannotBeDate = (t: ValueType | undefined) =>
    t !== undefined && !['date', 'string', 'any'].includes(t.type);
  const valueNotDate = isFactRef(v) ? cannotBeDate(known.value) : !isDate(v);
  if (cannotBeDate(known.fact) || valueNotDate)
    return [
      [
        'error',
        'condition.notADate',
        `${op} 只比较 YYYY-MM-DD 日期，此处一侧不是日期，条件永远不成立`,
        `${op} compares YYYY-MM-DD dates only; one side is not a date, so this never holds`,
      ],
    ];
  return [];
}

/** Problems of one fact condition's operator and value. */
function valueProblems(c: FactCondition, types: ConditionTypes | undefined): Finding[] {
  const dates = dateProblems(c, types);
  if (dates.length > 0) return dates;
  const v = c.value;
  const op = c.operator;
  if (isFactRef(v)) return [];
  if ((op === 'in' || op === 'notIn') && typeof v === 'string')
    return [
      [
        'warning',
        'condition.notAList',
        `${op} 在文本中查找子串；需要列表吗？`,
        `${op} looks for a substring of the text; was a list meant?`,
      ],
    ];
  if ((op === 'in' || op === 'notIn') && !Array.isArray(v))
    return [
      [
        'error',
        'condition.notAList',
        `${op} 需要列表，否则求值失败`,
        `${op} needs a list, or evaluation fails`,
      ],
    ];
  if (NUMERIC.has(op) && typeof v !== 'number')
    return [
      [
        'warning',
        'condition.notANumber',
        `${op} 与非数字比较`,
        `${op} compares with something that is not a number`,
      ],
    ];
  if ((op === 'contains' || op === 'doesNotContain') && Array.isArray(v))
    return [
      [
        'warning',
        'condition.listInList',
        `${op} 在事实列表中找一个列表，永远找不到`,
        `${op} looks for a list among the fact's items, which never holds`,
      ],
    ];
  return [];
}

/**
 * What in a condition is legal but almost surely not what its author meant, judged by
 * json-rules-engine's semantics: an `in` that can only fail, a list that always passes, a number
 * compared with text, a date compared as a number. `at` is the condition's JSON path; each
 * problem points inside it. `types`, when given, tells what the facts are, so that a numeric
 * operator on a `date` fact is caught as well as one on a literal date.
 */
export function conditionProblems(
  c: Condition | TopLevelCondition,
  at = '$',
  types?: ConditionTypes,
): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], code: string, path: string, zh: string, en: string) =>
    problems.push({ code, severity, path, message: lt(`${path}：${zh}`, `${path}: ${en}`) });
  const visitList = (list: Condition[], key: 'all' | 'any', path: string) => {
    if (list.length === 0)
      add(
        'warning',
        'condition.emptyList',
        `${path}.${key}`,
        `空的 ${key} 总是成立（json-rules-engine 的规则）`,
        `an empty ${key} always holds (as json-rules-engine evaluates it)`,
      );
    list.forEach((y, i) => visit(y, `${path}.${key}[${i}]`));
  };
  const visit = (x: Condition, path: string): void => {
    if ('any' in x) visitList(x.any, 'any', path);
    else if ('all' in x) visitList(x.all, 'all', path);
    else if ('not' in x) visit(x.not, `${path}.not`);
    else
      for (const [severity, code, zh, en, key = 'value'] of valueProblems(x, types))
        add(severity, code, `${path}.${key}`, zh, en);
  };
  visit(c, at);
  return problems;
}
