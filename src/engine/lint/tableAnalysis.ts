import type { LocalizedText } from '../../domain/index.ts';
import { parseUnaryTests, type ColumnType } from '../table/unaryTests.ts';

type UnaryTest = (value: unknown) => boolean;

/**
 * Gap and overlap analysis of a decision table's input cells.
 *
 * Every cell is a union of intervals (numbers, or positions on a scale) or a set of literals, and
 * the only places its truth can change are the constants written in the column's cells. So one
 * sample per constant, one between each two neighbours and one beyond each end tell exactly which
 * rows match anywhere on the line; the engine's own parser decides each sample, so the analysis
 * cannot drift from what the engine evaluates.
 */
export type AnalysisColumn = {
  type: ColumnType;
  /** Values outside these bounds cannot occur (a fact's min / max, a score range). */
  bounds?: { min?: number; max?: number } | undefined;
  /** Only whole numbers occur (an integer fact, a score of whole points): gaps between them are not gaps. */
  integer?: boolean | undefined;
};

export type CellError = { row: number; column: number; error: LocalizedText; at: number };
/** A region no row matches: per input column a unary test, `-` for any value. */
export type Gap = { cells: string[] };
/** Two rows that can both match the same input. */
export type Overlap = { rows: [number, number] };

export type TableAnalysis = {
  errors: CellError[];
  gaps: Gap[];
  overlaps: Overlap[];
  /** The gap search stopped early; there may be more gaps than listed. */
  truncated: boolean;
};

type Sample = { value: unknown; text: string; kind: 'point' | 'between' | 'below' | 'above' };
type Domain = { samples: Sample[]; ordered: boolean };

const NUMBER = /-?\d+(?:\.\d+)?/g;
const LITERAL = /"([^"]*)"|([A-Za-z_][A-Za-z0-9_-]*)/g;
/** Stands for every string not written in the column. */
const OTHER = '\u0000other';

function numberDomain(cells: readonly string[], col: AnalysisColumn): Domain {
  const constants = new Set<number>();
  for (const cell of cells) for (const m of cell.matchAll(NUMBER)) constants.add(Number(m[0]));
  const { min, max } = col.bounds ?? {};
  if (min !== undefined) constants.add(min);
  if (max !== undefined) constants.add(max);
  const sorted = [...constants].sort((a, b) => a - b);
  const samples: Sample[] = [];
  const first = sorted[0];
  if (first === undefined)
    return { samples: [{ value: 0, text: '', kind: 'between' }], ordered: true };
  // In an integer column each sample must be a whole number, and a stretch holding none is skipped.
  const whole = col.integer === true;
  samples.push({
    value: whole ? Math.ceil(first) - 1 : first - 1,
    text: String(first),
    kind: 'below',
  });
  sorted.forEach((c, i) => {
    if (!whole || Number.isInteger(c)) samples.push({ value: c, text: String(c), kind: 'point' });
    const next = sorted[i + 1];
    if (next === undefined) return;
    const between = whole ? Math.floor(c) + 1 : (c + next) / 2;
    if (between < next) samples.push({ value: between, text: '', kind: 'between' });
  });
  const last = sorted.at(-1) as number;
  samples.push({
    value: whole ? Math.floor(last) + 1 : last + 1,
    text: String(last),
    kind: 'above',
  });
  const inside = samples.filter(
    (s) =>
      (min === undefined || (s.value as number) >= min) &&
      (max === undefined || (s.value as number) <= max),
  );
  return { samples: inside, ordered: true };
}

function discreteDomain(cells: readonly string[], col: ColumnType): Domain {
  if (col.type === 'boolean')
    return {
      samples: [true, false].map((b) => ({ value: b, text: String(b), kind: 'point' })),
      ordered: false,
    };
  if (col.type === 'level')
    return {
      samples: col.levels.map((l) => ({ value: l, text: l, kind: 'point' })),
      ordered: false,
    };
  const values = new Set<string>();
  for (const cell of cells)
    for (const m of cell.matchAll(LITERAL)) {
      const v = m[1] ?? m[2];
      if (v !== undefined && v !== 'not') values.add(v);
    }
  const samples: Sample[] = [...values].map((v) => ({ value: v, text: `"${v}"`, kind: 'point' }));
  samples.push({ value: OTHER, text: '', kind: 'point' });
  return { samples, ordered: false };
}

/** A run of consecutive number samples as a DMN range: `[18..60)`, `< 18`, `>= 60`. */
function describeRun(samples: readonly Sample[], from: number, to: number): string {
  const lo = samples[from] as Sample;
  const hi = samples[to] as Sample;
  if (from === 0 && to === samples.length - 1) return '-';
  if (from === to && lo.kind === 'point') return lo.text;
  const loText = lo.kind === 'point' ? lo.text : (samples[from - 1]?.text ?? '');
  const hiText = hi.kind === 'point' ? hi.text : (samples[to + 1]?.text ?? '');
  if (lo.kind === 'below') return hi.kind === 'point' ? `<= ${hiText}` : `< ${hiText}`;
  if (hi.kind === 'above') return lo.kind === 'point' ? `>= ${loText}` : `> ${loText}`;
  return `${lo.kind === 'point' ? '[' : '('}${loText}..${hiText}${hi.kind === 'point' ? ']' : ')'}`;
}

function describeSet(samples: readonly Sample[], picked: readonly number[]): string {
  if (picked.length === samples.length) return '-';
  const texts = picked.map((i) => samples[i] as Sample);
  if (texts.some((s) => s.value === OTHER)) {
    const excluded = samples.filter((s, i) => s.value !== OTHER && !picked.includes(i));
    return `not(${excluded.map((s) => s.text).join(', ')})`;
  }
  return texts.map((s) => s.text).join(', ');
}

type Options = { maxGaps?: number; budget?: number; maxOverlaps?: number };

/** Finds invalid cells, uncovered input regions and overlapping rows of a table. */
export function analyzeTable(
  columns: readonly AnalysisColumn[],
  rows: readonly (readonly string[])[],
  options: Options = {},
): TableAnalysis {
  const { maxGaps = 20, budget = 50_000, maxOverlaps = 50 } = options;
  const errors: CellError[] = [];
  const tests: UnaryTest[][] = [];
  const anyCell: boolean[][] = [];
  const valid: number[] = [];
  rows.forEach((row, r) => {
    const rowTests: UnaryTest[] = [];
    const rowAny: boolean[] = [];
    let ok = true;
    columns.forEach((col, c) => {
      const parsed = parseUnaryTests(row[c] ?? '-', col.type);
      if (parsed.ok) {
        rowTests.push(parsed.test);
        rowAny.push(parsed.any);
      } else {
        ok = false;
        errors.push({ row: r, column: c, error: parsed.error, at: parsed.at });
      }
    });
    tests.push(rowTests);
    anyCell.push(rowAny);
    if (ok) valid.push(r);
  });

  const domains = columns.map((col, c) => {
    const cells = rows.map((row) => row[c] ?? '');
    return col.type.type === 'number' ? numberDomain(cells, col) : discreteDomain(cells, col.type);
  });
  // matches[r][c]: bit s is set when row r's cell in column c holds for sample s. Bitsets keep
  // the pairwise overlap check cheap on tables of hundreds of rows.
  const matches = new Map<number, Uint32Array[]>();
  for (const r of valid)
    matches.set(
      r,
      domains.map((d, c) => {
        const bits = new Uint32Array(Math.ceil(d.samples.length / 32));
        const test = tests[r]?.[c] as UnaryTest;
        d.samples.forEach((sample, i) => {
          if (test(sample.value)) bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
        });
        return bits;
      }),
    );
  const holds = (r: number, c: number, s: number) =>
    (((matches.get(r)?.[c]?.[s >>> 5] ?? 0) >>> (s & 31)) & 1) === 1;
  // A row whose cells from column c on are all "any" covers everything from there.
  const anyFrom = new Map<number, number>();
  for (const r of valid) {
    let from = columns.length;
    while (from > 0 && anyCell[r]?.[from - 1]) from--;
    anyFrom.set(r, from);
  }

  const gaps: Gap[] = [];
  let steps = 0;
  let truncated = false;
  const search = (c: number, alive: readonly number[], prefix: string[]): void => {
    if (gaps.length >= maxGaps || truncated) return;
    if (++steps > budget) {
      truncated = true;
      return;
    }
    if (alive.some((r) => (anyFrom.get(r) as number) <= c)) return;
    if (c === columns.length) return;
    const domain = domains[c] as Domain;
    const groups = new Map<string, { rows: number[]; samples: number[] }>();
    const ordered: { rows: number[]; from: number; to: number }[] = [];
    domain.samples.forEach((_, s) => {
      const next = alive.filter((r) => holds(r, c, s));
      const key = next.join(',');
      if (domain.ordered) {
        const last = ordered.at(-1);
        if (last && last.rows.join(',') === key && last.to === s - 1) last.to = s;
        else ordered.push({ rows: next, from: s, to: s });
      } else {
        const g = groups.get(key) ?? { rows: next, samples: [] };
        g.samples.push(s);
        groups.set(key, g);
      }
    });
    const branches = domain.ordered
      ? ordered.map((g) => ({ rows: g.rows, text: describeRun(domain.samples, g.from, g.to) }))
      : [...groups.values()].map((g) => ({
          rows: g.rows,
          text: describeSet(domain.samples, g.samples),
        }));
    for (const b of branches) {
      const cells = [...prefix, b.text];
      if (b.rows.length === 0) {
        if (gaps.length < maxGaps)
          gaps.push({ cells: [...cells, ...columns.slice(c + 1).map(() => '-')] });
      } else search(c + 1, b.rows, cells);
    }
  };
  if (columns.length > 0) search(0, valid, []);

  const overlaps: Overlap[] = [];
  outer: for (let i = 0; i < valid.length; i++) {
    for (let j = i + 1; j < valid.length; j++) {
      const a = matches.get(valid[i] as number) as Uint32Array[];
      const b = matches.get(valid[j] as number) as Uint32Array[];
      const meet = a.every((col, c) => {
        const other = b[c] as Uint32Array;
        for (let w = 0; w < col.length; w++)
          if (((col[w] as number) & (other[w] as number)) !== 0) return true;
        return false;
      });
      if (meet) {
        overlaps.push({ rows: [valid[i] as number, valid[j] as number] });
        if (overlaps.length >= maxOverlaps) break outer;
      }
    }
  }
  return { errors, gaps, overlaps, truncated };
}
