import type { ValueRange } from './valueRange.ts';

/** An interval of the number line, each end open or closed. */
export type Span = { lo: number; loOpen: boolean; hi: number; hiOpen: boolean };

/**
 * A piece of a fact's range on which every comparison with the conditions' constants comes out
 * the same: a constant itself, or the open stretch between two neighbouring constants. `at` is a
 * value inside it, so testing `at` tells what the conditions say of the whole piece.
 */
export type Cell = Span & { at: number };

export const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+∞' : '-∞');

/** `[0, 130]`, `(5, 10]`: how a span reads in a message. */
export const spanText = (s: Span) =>
  s.lo === s.hi && !s.loOpen && !s.hiOpen
    ? fmt(s.lo)
    : `${s.loOpen ? '(' : '['}${fmt(s.lo)}, ${fmt(s.hi)}${s.hiOpen ? ')' : ']'}`;

// Beyond 2^53 adding 1 is lost to rounding, but every double there is a whole number: the
// neighbouring double is then the next whole number.
const bits = new BigInt64Array(1);
const float = new Float64Array(bits.buffer);
function neighbour(x: number, up: boolean): number {
  float[0] = x;
  bits[0] = (bits[0] ?? 0n) + (x > 0 === up ? 1n : -1n);
  return float[0] ?? x;
}
const after = (n: number, a: number) => (n > a ? n : neighbour(a, true));
const before = (n: number, b: number) => (n < b ? n : neighbour(b, false));

/** A step away from `x` that floating point can represent, however large `x` is. */
const away = (x: number) => Math.max(1, Math.abs(x));

/**
 * Cuts `range` at `constants` into cells. Testing one value per cell is exact for conditions that
 * compare with these constants only: between two neighbouring constants nothing changes. On a
 * whole-number range an open stretch holds the whole numbers strictly inside it, as a closed span.
 */
export function numberCells(range: ValueRange, constants: readonly number[]): Cell[] {
  const { min, max, integer } = range;
  const points = [...new Set([...constants, min, max])]
    .filter((p) => Number.isFinite(p) && p >= min && p <= max)
    .sort((a, b) => a - b);
  const cells: Cell[] = [];
  const point = (p: number) => {
    if (!integer || Number.isInteger(p))
      cells.push({ lo: p, loOpen: false, hi: p, hiOpen: false, at: p });
  };
  const between = (a: number, b: number) => {
    if (integer) {
      const first = a === -Infinity ? a : after(Math.floor(a) + 1, a);
      const last = b === Infinity ? b : before(Math.ceil(b) - 1, b);
      const at = Number.isFinite(first) ? first : Number.isFinite(last) ? last : 0;
      if (first <= last) cells.push({ lo: first, loOpen: false, hi: last, hiOpen: false, at });
      return;
    }
    // Halving first, and the clamps, keep stretches near ±1e308 from overflowing.
    const at =
      a === -Infinity
        ? b === Infinity
          ? 0
          : Math.max(b - away(b), -Number.MAX_VALUE)
        : b === Infinity
          ? Math.min(a + away(a), Number.MAX_VALUE)
          : a / 2 + b / 2;
    // Two neighbouring doubles have nothing between them.
    if (at > a && at < b) cells.push({ lo: a, loOpen: true, hi: b, hiOpen: true, at });
  };
  if (points.length === 0) {
    if (min <= max) between(-Infinity, Infinity);
    return cells;
  }
  if (min === -Infinity) between(-Infinity, points[0] as number);
  points.forEach((p, i) => {
    point(p);
    const next = points[i + 1];
    if (next !== undefined) between(p, next);
  });
  if (max === Infinity) between(points[points.length - 1] as number, Infinity);
  return cells;
}

/** The smallest span holding every span given; undefined for none. */
export function hull(spans: readonly Span[]): Span | undefined {
  let out: Span | undefined;
  for (const s of spans) {
    if (!out) {
      out = { lo: s.lo, loOpen: s.loOpen, hi: s.hi, hiOpen: s.hiOpen };
      continue;
    }
    if (s.lo < out.lo || (s.lo === out.lo && !s.loOpen)) [out.lo, out.loOpen] = [s.lo, s.loOpen];
    if (s.hi > out.hi || (s.hi === out.hi && !s.hiOpen)) [out.hi, out.hiOpen] = [s.hi, s.hiOpen];
  }
  return out;
}

/** Whether some x of `a` and some y of `b` have x < y (x <= y with `orEqual`). */
export function someBelow(a: Span, b: Span, orEqual: boolean): boolean {
  return a.lo < b.hi || (orEqual && a.lo === b.hi && !a.loOpen && !b.hiOpen);
}

/** Whether `a` and `b` share a value (a whole one when `integer`). */
export function meet(a: Span, b: Span, integer: boolean): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  if (integer) {
    const first = loOpen ? Math.floor(lo) + 1 : Math.ceil(lo);
    const last = hiOpen ? Math.ceil(hi) - 1 : Math.floor(hi);
    return first <= last;
  }
  return lo < hi || (lo === hi && !loOpen && !hiOpen);
}
