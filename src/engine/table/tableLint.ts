import { lt, type LocalizedText } from '../../domain/index.ts';
import type { Literal, TableConfig } from './columns.ts';
import { parseUnaryTests, type ColumnType, type UnaryTest } from './unaryTests.ts';

export type TableFinding = {
  code: 'table.gap' | 'table.overlap';
  /** `rows` for overlaps; empty for gaps. */
  rows: string[];
  /** The input values that show it, by column id. */
  example: Record<string, unknown>;
  message: LocalizedText;
};

/** Beyond this many input combinations the table is not searched (the lint is a help, not a proof). */
const MAX_COMBINATIONS = 20_000;
const MAX_FINDINGS = 3;

/**
 * Values worth trying in one column: every value its cells name, and for numbers the values just
 * around each bound (integers when every bound is one, as scores and ages are). Values outside the
 * outermost bounds are not tried: a table need not cover impossible inputs.
 */
function representatives(cells: string[], col: ColumnType): unknown[] {
  if (col.type === 'boolean') return [true, false];
  if (col.type === 'level') return [...col.levels];
  if (col.type === 'string') {
    const words = new Set<string>();
    for (const c of cells)
      for (const m of c.matchAll(/"([^"]*)"|([A-Za-z_][A-Za-z0-9_-]*)/g)) {
        const w = m[1] ?? m[2];
        if (w !== undefined && w !== 'not') words.add(w);
      }
    return [...words, '\u0000other'];
  }
  const bounds = [
    ...new Set(cells.flatMap((c) => [...c.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0])))),
  ].sort((a, b) => a - b);
  if (bounds.length === 0) return [0];
  const integers = bounds.every(Number.isInteger);
  const values = new Set<number>(bounds);
  bounds.forEach((b, i) => {
    const next = bounds[i + 1];
    if (next === undefined) return;
    if (integers) {
      if (b + 1 < next) values.add(b + 1);
      if (next - 1 > b) values.add(next - 1);
    } else values.add((b + next) / 2);
  });
  return [...values].sort((a, b) => a - b);
}

/**
 * Searches a table for inputs no row matches (when there is no default output) and, for `unique`
 * tables, inputs that several rows match; for `any` tables, several rows that disagree.
 */
export function lintTable(config: TableConfig, columns: ColumnType[]): TableFinding[] {
  const tests: UnaryTest[][] = [];
  for (const row of config.rows) {
    const rowTests: UnaryTest[] = [];
    for (const [k, cell] of row.inputs.entries()) {
      const parsed = parseUnaryTests(cell, columns[k] ?? { type: 'string' });
      if (!parsed.ok) return [];
      rowTests.push(parsed.test);
    }
    tests.push(rowTests);
  }
  const reps = config.inputs.map((_, k) =>
    representatives(
      config.rows.map((r) => r.inputs[k] ?? '-'),
      columns[k] ?? { type: 'string' },
    ),
  );
  const total = reps.reduce((n, r) => n * r.length, 1);
  if (total > MAX_COMBINATIONS || config.rows.length === 0) return [];
  const findings: TableFinding[] = [];
  const gaps = config.defaultOutput === undefined;
  const overlaps = config.hitPolicy === 'unique' || config.hitPolicy === 'any';
  const values: unknown[] = new Array(reps.length);
  const seenOverlaps = new Set<string>();
  let gapCount = 0;
  const visit = (k: number): void => {
    if (findings.length >= MAX_FINDINGS * 2) return;
    if (k < reps.length) {
      for (const v of reps[k] as unknown[]) {
        values[k] = v;
        visit(k + 1);
      }
      return;
    }
    const matched = config.rows.filter((_, r) =>
      (tests[r] as UnaryTest[]).every((t, c) => t(values[c])),
    );
    const example = Object.fromEntries(config.inputs.map((col, c) => [col.id, values[c]]));
    const shown = config.inputs
      .map((col, c) => `${col.id} = ${JSON.stringify(values[c])}`)
      .join(', ');
    if (matched.length === 0 && gaps && gapCount < MAX_FINDINGS) {
      gapCount++;
      findings.push({
        code: 'table.gap',
        rows: [],
        example,
        message: lt(
          `没有行匹配 ${shown}（且没有默认输出）`,
          `no row matches ${shown} (and there is no default output)`,
        ),
      });
    }
    if (matched.length > 1 && overlaps) {
      const first = matched[0] as (typeof matched)[number];
      const other = matched.find((r) => !sameCells(r.outputs, first.outputs));
      // `any` tables may overlap where the rows agree.
      const ids =
        config.hitPolicy === 'unique'
          ? matched.map((r) => r.id)
          : other
            ? [first.id, other.id]
            : [];
      const key = ids.join(',');
      if (ids.length > 1 && !seenOverlaps.has(key) && seenOverlaps.size < MAX_FINDINGS) {
        seenOverlaps.add(key);
        findings.push({
          code: 'table.overlap',
          rows: ids,
          example,
          message: lt(
            `行 ${ids.join('、')} 同时匹配 ${shown}`,
            `rows ${ids.join(', ')} all match ${shown}`,
          ),
        });
      }
    }
  };
  visit(0);
  return findings;
}

function sameCells(a: Literal[], b: Literal[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
