import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUnaryTests } from '../table/unaryTests.ts';
import { analyzeTable, type AnalysisColumn } from './tableAnalysis.ts';

const num: AnalysisColumn = { type: { type: 'number' } };
const level: AnalysisColumn = { type: { type: 'level', levels: ['C1', 'C2', 'C3'] } };
const bool: AnalysisColumn = { type: { type: 'boolean' } };
const str: AnalysisColumn = { type: { type: 'string' } };

describe('analyzeTable: gaps', () => {
  it('finds the uncovered interval between two numeric ranges', () => {
    const a = analyzeTable([num], [['[0..20]'], ['(30..100]']]);
    expect(a.gaps.map((g) => g.cells)).toEqual([['< 0'], ['(20..30]'], ['> 100']]);
  });

  it('respects the bounds of the column', () => {
    const bounded = { ...num, bounds: { min: 0, max: 100 } };
    const a = analyzeTable([bounded], [['[0..20]'], ['(20..100]']]);
    expect(a.gaps).toEqual([]);
    const b = analyzeTable([bounded], [['[0..20)'], ['(20..100]']]);
    expect(b.gaps.map((g) => g.cells)).toEqual([['20']]);
  });

  it('a catch-all row covers everything', () => {
    expect(
      analyzeTable(
        [num, bool],
        [
          ['< 5', 'true'],
          ['-', '-'],
        ],
      ).gaps,
    ).toEqual([]);
  });

  it('reports gaps in combination with other columns', () => {
    const a = analyzeTable(
      [num, bool],
      [
        ['< 50', 'false'],
        ['>= 50', 'false'],
        ['< 50', 'true'],
      ],
    );
    expect(a.gaps.map((g) => g.cells)).toEqual([['>= 50', 'true']]);
  });

  it('names missing levels and other strings', () => {
    expect(analyzeTable([level], [['C1, C2']]).gaps.map((g) => g.cells)).toEqual([['C3']]);
    expect(analyzeTable([str], [['"a","b"']]).gaps.map((g) => g.cells)).toEqual([
      ['not("a", "b")'],
    ]);
  });

  it('every reported gap is really matched by no row (seeded)', () => {
    const bound = fc.integer({ min: 0, max: 10 });
    const cell = fc.oneof(
      fc.constant('-'),
      bound.map((n) => `< ${n}`),
      bound.map((n) => `>= ${n}`),
      fc.tuple(bound, bound).map(([a, b]) => `[${Math.min(a, b)}..${Math.max(a, b)}]`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
        const a = analyzeTable([num, num], rows);
        const tests = rows.map((row) =>
          row.map((c) => {
            const p = parseUnaryTests(c, { type: 'number' });
            if (!p.ok) throw new Error(c);
            return p.test;
          }),
        );
        const covered = (x: number, y: number) => tests.some(([t1, t2]) => t1?.(x) && t2?.(y));
        const gapTests = a.gaps.map((gap) =>
          gap.cells.map((c) => {
            const p = parseUnaryTests(c, { type: 'number' });
            if (!p.ok) throw new Error(`gap text does not parse: ${c}`);
            return p.test;
          }),
        );
        // Exactly the points in no row are in a reported gap.
        for (let x = -2; x <= 12; x += 0.5)
          for (let y = -2; y <= 12; y += 0.5) {
            const inGap = gapTests.some(([gx, gy]) => gx?.(x) && gy?.(y));
            expect(inGap).toBe(!covered(x, y));
          }
      }),
      { seed: 4242, numRuns: 150 },
    );
  });
});

describe('analyzeTable: overlaps and errors', () => {
  it('finds rows that can both match', () => {
    const a = analyzeTable(
      [num, level],
      [
        ['[0..20]', 'C1'],
        ['[20..40]', 'C1, C2'],
        ['[0..20)', 'C3'],
      ],
    );
    expect(a.overlaps).toEqual([{ rows: [0, 1] }]);
  });

  it('touching open and closed ends do not overlap', () => {
    expect(analyzeTable([num], [['[0..20)'], ['[20..40]']]).overlaps).toEqual([]);
  });

  it('reports invalid cells with row, column and position, leaving the row out', () => {
    const a = analyzeTable(
      [num, level],
      [
        ['< x', 'C1'],
        ['-', 'C9'],
      ],
    );
    expect(a.errors.map((e) => [e.row, e.column])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(a.errors[1]?.error.en).toContain('C9');
    expect(a.overlaps).toEqual([]);
  });

  it('stays fast on 500 rows x 20 columns', () => {
    const columns = Array.from({ length: 20 }, () => num);
    const rows = Array.from({ length: 500 }, (_, r) =>
      columns.map((_, c) => (c === 0 ? `[${r}..${r + 1})` : c % 3 === 0 ? `>= ${c}` : '-')),
    );
    const a = analyzeTable(columns, rows);
    expect(a.overlaps).toEqual([]);
    expect(a.gaps.length).toBeGreaterThan(0);
  });
});

describe('analyzeTable: integer columns', () => {
  const whole: AnalysisColumn = {
    type: { type: 'number' },
    integer: true,
    bounds: { min: 0, max: 30 },
  };

  it('sees no gap between ranges that meet at consecutive whole numbers', () => {
    expect(analyzeTable([whole], [['[0..10]'], ['[11..20]'], ['>= 21']]).gaps).toEqual([]);
    expect(analyzeTable([whole], [['< 10.5'], ['> 10.5']]).gaps).toEqual([]);
  });

  it('still finds a gap holding a whole number, and the same gap as fractional', () => {
    const rows = [['[0..10]'], ['[12..30]']];
    expect(analyzeTable([whole], rows).gaps.map((g) => g.cells)).toEqual([['(10..12)']]);
    const real = { ...whole, integer: false };
    expect(analyzeTable([real], [['[0..10]'], ['[11..30]']]).gaps.map((g) => g.cells)).toEqual([
      ['(10..11)'],
    ]);
  });
});
