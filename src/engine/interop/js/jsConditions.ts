import type {
  Condition,
  ConditionValue,
  FactCondition,
  TopLevelCondition,
} from '../../../domain/index.ts';
import { plainComparison, type ConditionTypes } from '../../conditions.ts';
import { parsePath } from '../../safePath.ts';
import { lit } from './jsLiteral.ts';

/** What a condition needs from the module being built. */
export type ConditionEnv = {
  /** The expression of a scope root (`product` inside a match condition). */
  root(name: string): string;
  /** A hoisted constant holding `value`; the same object gives the same name. */
  constant(value: unknown): string;
};

type Env = ConditionEnv & { types: ConditionTypes | undefined };

type Emitted = { code: string; mayThrow: boolean };

const PLAIN: Record<string, string> = {
  contains: 'contains',
  doesNotContain: 'doesNotContain',
  dateBefore: 'dateBefore',
  dateOnOrBefore: 'dateOnOrBefore',
  dateAfter: 'dateAfter',
  dateOnOrAfter: 'dateOnOrAfter',
};

function isFactRef(value: ConditionValue): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

function read(fact: string, path: string | undefined, env: Env): string {
  const root = env.root(fact);
  if (!path) return root;
  const parsed = parsePath(path);
  // Validation refuses such a path before any export; the engine would not compile it either.
  if ('problem' in parsed) throw new Error(parsed.problem.en);
  return parsed.keys.length === 0 ? root : `readPath(${root}, ${env.constant(parsed.keys)})`;
}

function factCondition(c: FactCondition, at: string, env: Env): Emitted {
  const a = read(c.fact, c.path, env);
  const ref = isFactRef(c.value);
  const b = isFactRef(c.value)
    ? read(c.value.fact, c.value.path, env)
    : typeof c.value === 'object' && c.value !== null
      ? env.constant(c.value)
      : lit(c.value);
  const op = c.operator;
  if (op === 'equal') return { code: `(${a} === ${b})`, mayThrow: false };
  if (op === 'notEqual') return { code: `(${a} !== ${b})`, mayThrow: false };
  const plain = PLAIN[op];
  if (plain) return { code: `${plain}(${a}, ${b})`, mayThrow: false };
  if ((op === 'in' || op === 'notIn') && !ref && Array.isArray(c.value))
    return { code: `(${b}.indexOf(${a}) ${op === 'in' ? '>' : '==='} -1)`, mayThrow: false };
  // A comparison of values typed plain cannot throw (conditions.ts), and need not be guarded.
  if (plainComparison(c, env.types)) return { code: `OPS.${op}(${a}, ${b})`, mayThrow: false };
  // The numeric operators and `in` on what may not be a list: the engine's own error if they fail.
  const where = env.constant({ at, fact: c.fact });
  return { code: `guarded(${lit(op)}, ${a}, ${b}, ${where})`, mayThrow: true };
}

function list(parts: Condition[], at: string, some: boolean, env: Env): Emitted {
  const emitted = parts.map((c, i) => node(c, `${at}[${i}]`, env));
  if (emitted.length === 0) return { code: 'true', mayThrow: false };
  if (emitted.length === 1) return emitted[0] as Emitted;
  const mayThrow = emitted.some((e) => e.mayThrow);
  const codes = emitted.map((e) => e.code);
  // A list that may throw runs every part, as json-rules-engine does, before combining them.
  if (mayThrow) return { code: `${some ? 'some' : 'every'}([${codes.join(', ')}])`, mayThrow };
  return { code: `(${codes.join(some ? ' || ' : ' && ')})`, mayThrow };
}

function node(c: Condition, at: string, env: Env): Emitted {
  if (Object.hasOwn(c, 'any')) return list((c as { any: Condition[] }).any, `${at}.any`, true, env);
  if (Object.hasOwn(c, 'all'))
    return list((c as { all: Condition[] }).all, `${at}.all`, false, env);
  if (Object.hasOwn(c, 'not')) {
    const inner = node((c as { not: Condition }).not, `${at}.not`, env);
    return { code: `!${inner.code}`, mayThrow: inner.mayThrow };
  }
  return factCondition(c as FactCondition, at, env);
}

/**
 * A json-rules-engine condition as one JavaScript expression with the engine's semantics (see
 * `compileCondition`): `at` is its JSON path in the pack, named by the errors it may raise.
 */
export function emitCondition(
  c: Condition | TopLevelCondition,
  at: string,
  env: ConditionEnv,
  /** The types validation found, when the engine compiles with them (rules nodes do). */
  types?: ConditionTypes,
): string {
  return node(c, at, { ...env, types }).code;
}
