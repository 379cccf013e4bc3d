import { DATE_OPERATORS } from '../../domain/index.ts';
import type {
  Condition,
  FactCondition,
  Operator,
  Product,
  TopLevelCondition,
} from '../../domain/index.ts';
import { compileCondition } from '../conditions.ts';

/** `all` of nothing is true in json-rules-engine; its negation is false. Both keep list positions. */
const TRUE: Condition = { all: [] };
const FALSE: Condition = { not: { all: [] } };

const NEVER_THROW: readonly Operator[] = [
  'equal',
  'notEqual',
  'contains',
  'doesNotContain',
  ...DATE_OPERATORS,
];

type Folded = { c: Condition; constant?: boolean };

function isFact(c: Condition): c is FactCondition {
  return !Object.hasOwn(c, 'all') && !Object.hasOwn(c, 'any') && !Object.hasOwn(c, 'not');
}

/** Conditions that can never throw, whatever the facts hold (see the operators in conditions.ts). */
function neverThrows(c: Condition): boolean {
  if (Object.hasOwn(c, 'all')) return (c as { all: Condition[] }).all.every(neverThrows);
  if (Object.hasOwn(c, 'any')) return (c as { any: Condition[] }).any.every(neverThrows);
  if (Object.hasOwn(c, 'not')) return neverThrows((c as { not: Condition }).not);
  const f = c as FactCondition;
  if (NEVER_THROW.includes(f.operator)) return true;
  return (f.operator === 'in' || f.operator === 'notIn') && Array.isArray(f.value);
}

function foldFact(c: FactCondition, product: Product): Folded {
  const literal = c.value === null || typeof c.value !== 'object' || Array.isArray(c.value);
  if (c.fact !== 'product' || !literal || !neverThrows(c)) return { c };
  const value = compileCondition({ all: [c] })((name) =>
    name === 'product' ? product : undefined,
  );
  return { c: value ? TRUE : FALSE, constant: value };
}

function fold(c: Condition, product: Product): Folded {
  if (isFact(c)) return foldFact(c, product);
  if (Object.hasOwn(c, 'not')) {
    const inner = fold((c as { not: Condition }).not, product);
    if (inner.constant === undefined) return { c: { ...c, not: inner.c } as Condition };
    return { c: inner.constant ? FALSE : TRUE, constant: !inner.constant };
  }
  const some = Object.hasOwn(c, 'any');
  const list = some ? (c as { any: Condition[] }).any : (c as { all: Condition[] }).all;
  if (list.length === 0) return { c };
  const parts = list.map((x) => fold(x, product));
  // A part that decides the list (true in `any`, false in `all`) decides it only when no other
  // part could throw: the engine, like json-rules-engine, evaluates every part that might.
  const decides = parts.some((p) => p.constant === some);
  if (decides && parts.every((p) => p.constant !== undefined || neverThrows(p.c)))
    return { c: some ? TRUE : FALSE, constant: some };
  if (parts.every((p) => p.constant !== undefined)) {
    const value = some ? parts.some((p) => p.constant) : parts.every((p) => p.constant);
    return { c: value ? TRUE : FALSE, constant: value };
  }
  const folded = parts.map((p) => p.c);
  return { c: (some ? { ...c, any: folded } : { ...c, all: folded }) as Condition };
}

/**
 * A match condition with the product's own facts read now, at compile time: `product` parts become
 * constants, and a condition that no longer depends on the client is `true` or `false`. List
 * positions are kept, so that an error at evaluation still names the right JSON path.
 *
 * @example
 * foldProduct({ any: [{ fact: 'product', path: '$.attributes.pro', operator: 'notEqual', value: true }, ...] }, product)
 * // true for a product that is not professional-only
 */
export function foldProduct(
  condition: TopLevelCondition,
  product: Product,
): TopLevelCondition | boolean {
  const folded = fold(condition, product);
  return folded.constant ?? (folded.c as TopLevelCondition);
}
