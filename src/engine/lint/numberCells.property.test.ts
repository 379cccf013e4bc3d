import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberCells, type Cell } from './numberCells.ts';

const inCell = (c: Cell, x: number) =>
  (c.loOpen ? x > c.lo : x >= c.lo) && (c.hiOpen ? x < c.hi : x <= c.hi);

const bound = fc.oneof(
  fc.integer({ min: -6, max: 6 }).map((n) => n / 2),
  fc.constantFrom(-Infinity, Infinity),
);
const range = fc
  .tuple(bound, bound, fc.boolean())
  .filter(([a, b]) => a <= b && a !== Infinity && b !== -Infinity)
  .map(([min, max, integer]) => ({ min, max, integer }));
const constants = fc.array(
  fc.oneof(
    fc.integer({ min: -8, max: 8 }).map((n) => n / 2),
    fc.double({ noNaN: true }),
  ),
  { maxLength: 5 },
);
/** Numbers to place: near the constants and bounds used above, and anywhere at all. */
const probe = fc.oneof(
  fc.integer({ min: -40, max: 40 }).map((n) => n / 8),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('cells of a range (seeded)', () => {
  it('every value of the range lies in exactly one cell, and each cell holds its own value', () => {
    let placed = 0;
    fc.assert(
      fc.property(range, constants, fc.array(probe, { maxLength: 12 }), (r, cs, xs) => {
        const cells = numberCells(r, cs);
        for (const c of cells) {
          expect(inCell(c, c.at)).toBe(true);
          expect(c.at >= r.min && c.at <= r.max).toBe(true);
          if (r.integer) expect(Number.isInteger(c.at)).toBe(true);
        }
        for (const x of xs) {
          if (x < r.min || x > r.max || (r.integer && !Number.isInteger(x))) continue;
          placed++;
          expect(cells.filter((c) => inCell(c, x)).length, `${x} in ${JSON.stringify(r)}`).toBe(1);
          // No constant lies strictly inside a cell: comparing with it is the same all over.
          const cell = cells.find((c) => inCell(c, x)) as Cell;
          for (const k of cs) expect([x < k, x === k]).toEqual([cell.at < k, cell.at === k]);
        }
      }),
      { seed: 20260601, numRuns: 2000 },
    );
    expect(placed).toBeGreaterThan(2000);
  });

  it('cuts the widest stretches without overflow, and huge whole numbers without rounding', () => {
    const wide = numberCells({ min: -Infinity, max: Infinity, integer: false }, [-1e308, 1e308]);
    for (const x of [0, -1.5e308, 1.5e308])
      expect(wide.filter((c) => inCell(c, x))).toHaveLength(1);
    const huge = -18008242173146284;
    const below = numberCells({ min: -Infinity, max: 0, integer: true }, [huge]);
    expect(below.filter((c) => inCell(c, huge))).toHaveLength(1);
    expect(below.every((c) => c.at === huge || !inCell(c, huge))).toBe(true);
  });
});
