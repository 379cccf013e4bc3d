import { DATE_OPERATORS, type FactCondition, type Operator } from '../../domain/index.ts';
import { DATE_OPERATOR_TESTS } from '../dateOperators.ts';
import type { Domain } from './conditionDomain.ts';
import { hull, meet, numberCells, someBelow, type Cell, type Span } from './numberCells.ts';

/**
 * One comparison of a condition as lint reads it: `negated` when an odd number of `not`s (or of
 * `not`s turned inward over `all` / `any`) stand above it. `path` is where to point at it.
 */
export type Atom = { c: FactCondition; negated: boolean; path: string };

/**
 * What a fact can still hold once some atoms are known to be true: values of a known set, or
 * numbers in cells (whole ones when `integer`) and, when `absent`, missing.
 */
export type Left = { values: unknown[] } | { cells: Cell[]; absent: boolean; integer: boolean };

export const COMPARISONS: ReadonlySet<Operator> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);
const isDateOperator = (op: Operator): op is (typeof DATE_OPERATORS)[number] =>
  (DATE_OPERATORS as readonly Operator[]).includes(op);

/** json-rules-engine's check before a numeric comparison: a number can be read from the fact. */
const numeric = (v: unknown) => !Number.isNaN(Number.parseFloat(v as string));

/**
 * `op` between a fact value `a` and a compared value `b`, exactly as the engine evaluates it;
 * undefined where lint does not judge (`in` on a text, which looks for a substring).
 */
export function holds(op: Operator, a: unknown, b: unknown): boolean | undefined {
  switch (op) {
    case 'equal':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'in':
      return Array.isArray(b) ? b.includes(a) : undefined;
    case 'notIn':
      return Array.isArray(b) ? !b.includes(a) : undefined;
    case 'contains':
      return Array.isArray(a) && a.includes(b);
    case 'doesNotContain':
      return Array.isArray(a) && !a.includes(b);
    case 'lessThan':
      return numeric(a) && (a as number) < (b as number);
    case 'lessThanInclusive':
      return numeric(a) && (a as number) <= (b as number);
    case 'greaterThan':
      return numeric(a) && (a as number) > (b as number);
    case 'greaterThanInclusive':
      return numeric(a) && (a as number) >= (b as number);
    default:
      return isDateOperator(op) ? DATE_OPERATOR_TESTS[op](a, b) : undefined;
  }
}

/** A condition compared with a literal, not with another fact (`{ "fact": ... }`). */
export const isLiteral = (c: FactCondition) =>
  c.value === null || typeof c.value !== 'object' || Array.isArray(c.value);

/** Whether the atom holds for the fact value `v`; undefined when lint does not judge it. */
export function atomHolds(atom: Atom, v: unknown): boolean | undefined {
  const h = holds(atom.c.operator, v, atom.c.value);
  return h === undefined ? undefined : h !== atom.negated;
}

/** Atoms whose truth on a number (or a missing value) the constants they name decide. */
function onNumbers(a: Atom): boolean {
  const { operator: op, value } = a.c;
  if (COMPARISONS.has(op)) return typeof value === 'number';
  if (op === 'in' || op === 'notIn') return Array.isArray(value);
  return true;
}

function constants(atoms: readonly Atom[]): number[] {
  return atoms.flatMap((a) => {
    const v = a.c.value;
    return (Array.isArray(v) ? v : [v]).filter((x): x is number => typeof x === 'number');
  });
}

const ANY_NUMBER = { min: -Infinity, max: Infinity, integer: false };

/**
 * What a fact of `domain` can hold while every literal atom of `atoms` is true. `left` is
 * undefined when the fact's values are not known: then only `empty` (nothing can satisfy the
 * atoms) is certain.
 */
export function restrict(
  atoms: readonly Atom[],
  domain: Domain | undefined,
): { left?: Left; empty: boolean } {
  const keep = (values: readonly unknown[]) => {
    const left = values.filter((v) => atoms.every((a) => atomHolds(a, v) !== false));
    return { left: { values: left }, empty: left.length === 0 };
  };
  if (domain && 'values' in domain) return keep(domain.values);
  if (domain) {
    const judged = atoms.filter(onNumbers);
    const cells = numberCells(domain.range, constants(judged)).filter((cell) =>
      judged.every((a) => atomHolds(a, cell.at)),
    );
    const absent =
      domain.absent && [undefined, null].some((v) => judged.every((a) => atomHolds(a, v)));
    const left = { cells, absent, integer: domain.range.integer };
    return { left, empty: cells.length === 0 && !absent };
  }
  // Not known: a positive `equal` / `in` pins the fact to its values, which are then all it can be.
  for (const a of atoms) {
    const v = a.c.value;
    if (a.negated) continue;
    if (a.c.operator === 'equal') return { empty: keep([v]).empty };
    if (a.c.operator === 'in' && Array.isArray(v)) return { empty: keep(v).empty };
  }
  // Else anything: whatever is not read as a number fails every comparison, as missing does.
  const judged = atoms.filter(
    (a) => COMPARISONS.has(a.c.operator) && typeof a.c.value === 'number',
  );
  const cells = numberCells(ANY_NUMBER, constants(judged));
  const some = [...cells.map((c) => c.at), undefined].some((v) =>
    judged.every((a) => atomHolds(a, v)),
  );
  return { empty: !some };
}

/** Numbers a side compares as, and whether some value of it fails every comparison. */
type Image = { span: Span | undefined; inert: boolean };

/** Whether a fact value takes part in a numeric comparison as a number (`"12abc"` does not). */
export const readsAsNumber = (v: unknown) => numeric(v) && !Number.isNaN(Number(v));

/** A side as the fact of a comparison: compared only when a number can be read from it. */
function asFact(side: Left): Image {
  if ('cells' in side) return { span: hull(side.cells), inert: side.absent };
  const nums = side.values.filter(readsAsNumber).map(Number);
  return { span: hull(nums.map(point)), inert: nums.length < side.values.length };
}

/** A side as the value compared with: JavaScript's `<` turns it into a number (`null` is 0). */
function asValue(side: Left): Image {
  if ('cells' in side) {
    const spans: Span[] = side.absent ? [...side.cells, point(0)] : side.cells;
    return { span: hull(spans), inert: side.absent };
  }
  const nums = side.values.map(Number).filter((n) => !Number.isNaN(n));
  return { span: hull(nums.map(point)), inert: nums.length < side.values.length };
}

const point = (n: number): Span => ({ lo: n, loOpen: false, hi: n, hiOpen: false });

/** Each side's numbers, missing markers and other values, for `equal` across two sides. */
function parts(side: Left) {
  if ('cells' in side)
    return { spans: side.cells as Span[], rest: side.absent ? [undefined, null] : [] };
  const isNum = (v: unknown) => typeof v === 'number';
  return {
    spans: side.values.filter(isNum).map((v) => point(v as number)),
    rest: side.values.filter((v) => !isNum(v)),
  };
}

const single = (side: Left) =>
  'cells' in side
    ? !side.absent && side.cells.length === 1 && side.cells[0]?.lo === side.cells[0]?.hi
    : side.values.length === 1;

/**
 * Whether `a op b` can be true and whether it can be false, for a fact of side `a` compared with
 * another of side `b` (`{ "fact": ... }`). Undefined where lint does not judge the operator.
 */
export function pairOutcomes(
  op: Operator,
  a: Left,
  b: Left,
): { canTrue: boolean; canFalse: boolean } | undefined {
  if ('values' in a && 'values' in b) {
    const results = a.values.flatMap((x) => b.values.map((y) => holds(op, x, y)));
    if (results.includes(undefined)) return undefined;
    return { canTrue: results.includes(true), canFalse: results.includes(false) };
  }
  if (COMPARISONS.has(op)) {
    const x = asFact(a);
    const y = asValue(b);
    const below = (p: Image, q: Image, orEqual: boolean) =>
      p.span !== undefined && q.span !== undefined && someBelow(p.span, q.span, orEqual);
    const inert = x.inert || y.inert;
    if (op === 'lessThan')
      return { canTrue: below(x, y, false), canFalse: inert || below(y, x, true) };
    if (op === 'lessThanInclusive')
      return { canTrue: below(x, y, true), canFalse: inert || below(y, x, false) };
    if (op === 'greaterThan')
      return { canTrue: below(y, x, false), canFalse: inert || below(x, y, true) };
    return { canTrue: below(y, x, true), canFalse: inert || below(x, y, false) };
  }
  if (op !== 'equal' && op !== 'notEqual') return undefined;
  const p = parts(a);
  const q = parts(b);
  const whole = ('cells' in a && a.integer) || ('cells' in b && b.integer);
  const canEqual =
    p.rest.some((v) => q.rest.includes(v)) ||
    p.spans.some((s) => q.spans.some((t) => meet(s, t, whole)));
  const alwaysEqual = single(a) && single(b) && canEqual;
  return op === 'equal'
    ? { canTrue: canEqual, canFalse: !alwaysEqual }
    : { canTrue: !alwaysEqual, canFalse: canEqual };
}
