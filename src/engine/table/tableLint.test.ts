import { describe, expect, it } from 'vitest';
import { TableConfigSchema, lt } from '../../domain/index.ts';
import { lintTable } from './tableLint.ts';
import type { ColumnType } from './unaryTests.ts';

const level: ColumnType = { type: 'level', levels: ['C1', 'C2', 'C3'] };
const table = (hitPolicy: string, rows: [string, string, string, number][], extra = {}) =>
  TableConfigSchema.parse({
    hitPolicy,
    inputs: [
      { id: 'score', label: lt('分', 'Score'), type: 'number', ref: 'q.total' },
      { id: 'lvl', label: lt('级', 'Level'), type: 'level', scale: 'C', ref: 'cls.level' },
    ],
    outputs: [{ id: 'o', label: lt('o', 'o'), type: 'number' }],
    rows: rows.map(([id, a, b, o]) => ({ id, inputs: [a, b], outputs: [o] })),
    ...extra,
  });
const lint = (t: ReturnType<typeof table>) => lintTable(t, [{ type: 'number' }, level]);

describe('table lint', () => {
  it('finds nothing in a complete, disjoint table', () => {
    const t = table('unique', [
      ['low', '< 20', '-', 1],
      ['mid', '[20..50]', 'not(C3)', 2],
      ['midTop', '[20..50]', 'C3', 3],
      ['high', '> 50', '-', 4],
    ]);
    expect(lint(t)).toEqual([]);
  });

  it('finds a gap between integer bounds, with an example input', () => {
    const t = table('first', [
      ['low', '<= 19', '-', 1],
      ['high', '>= 21', '-', 2],
    ]);
    const [gap, ...rest] = lint(t);
    expect(rest.length).toBeLessThanOrEqual(2);
    expect(gap).toMatchObject({ code: 'table.gap', example: { score: 20, lvl: 'C1' } });
    expect(gap?.message.en).toBe(
      'no row matches score = 20, lvl = "C1" (and there is no default output)',
    );
    expect(
      lint(
        table(
          'first',
          [
            ['low', '<= 19', '-', 1],
            ['high', '>= 21', '-', 2],
          ],
          { defaultOutput: [0] },
        ),
      ),
    ).toEqual([]);
  });

  it('finds overlapping rows of a unique table, and disagreeing ones of an any table', () => {
    const rows: [string, string, string, number][] = [
      ['a', '< 30', '-', 1],
      ['b', '>= 20', 'C2, C3', 2],
      ['c', '>= 20', 'C1', 2],
      ['d', '>= 30', 'C1', 2],
    ];
    const overlaps = lint(table('unique', rows)).filter((f) => f.code === 'table.overlap');
    expect(overlaps.map((f) => f.rows)).toEqual([
      ['a', 'c'],
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(overlaps[0]?.example).toEqual({ score: 20, lvl: 'C1' });
    // c and d agree, so an any table only minds a against b and c.
    const anyOverlaps = lint(table('any', rows)).filter((f) => f.code === 'table.overlap');
    expect(anyOverlaps.map((f) => f.rows)).toEqual([
      ['a', 'c'],
      ['a', 'b'],
    ]);
    expect(lint(table('first', rows)).filter((f) => f.code === 'table.overlap')).toEqual([]);
  });
});
