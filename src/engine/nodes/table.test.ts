import { describe, expect, it } from 'vitest';
import { baseClient, nodeOutput } from '../../testing/fixtures.ts';
import { buildTablePack, tableColumn } from '../../testing/tablePack.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { EvaluationError } from '../types.ts';

type Row = [id: string, age: string, level: string, out: (string | number | null)[]];

/** A table on age and client level with the given rows; outputs `o` (and `p` when two columns). */
function tablePack(config: Record<string, unknown>, rows: Row[], outputs = 1) {
  return buildTablePack({
    inputs: [
      tableColumn('age', 'number', { ref: 'age' }),
      tableColumn('lvl', 'level', { scale: 'C', ref: 'cls.level' }),
    ],
    outputs: [tableColumn('o', 'number'), tableColumn('p', 'string')].slice(0, outputs),
    rows: rows.map(([id, age, level, out]) => ({ id, inputs: [age, level], outputs: out })),
    ...config,
  });
}

const client = (age: number) => baseClient({ facts: { age } }); // level C3
const run = (pack: ReturnType<typeof tablePack>, age: number) =>
  nodeOutput(pack, client(age), 't') as { result: unknown; matched: string[] };

const rows: Row[] = [
  ['young', '< 30', '-', [1]],
  ['mid', '[30..60]', '>= C3', [2]],
  ['any', '-', 'C3', [3]],
  ['old', '> 60', 'not(C1)', [4]],
];

describe('table hit policies', () => {
  it('unique: one match is the result; several is an error naming the rows', () => {
    const pack = tablePack(
      { hitPolicy: 'unique' },
      rows.filter((r) => r[0] !== 'any'),
    );
    expect(run(pack, 25)).toEqual({ result: 1, matched: ['young'] });
    const broken = tablePack({ hitPolicy: 'unique' }, rows);
    try {
      evaluate(compilePack(broken), client(40));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvaluationError);
      const err = e as EvaluationError;
      expect(err.code).toBe('table.notUnique');
      expect(err.message).toContain('mid, any');
      expect(err.path).toBe('$.graph.nodes[5].config.rows');
      expect(err.nodeId).toBe('t');
    }
  });

  it('first: the first match in row order', () => {
    expect(run(tablePack({ hitPolicy: 'first' }, rows), 40)).toEqual({
      result: 2,
      matched: ['mid', 'any'],
    });
  });

  it('priority: by the listed output values, else row order', () => {
    const listed = tablePack(
      { hitPolicy: 'priority', outputs: [tableColumn('o', 'number', { values: [3, 2, 1, 4] })] },
      rows,
    );
    expect(run(listed, 40).result).toBe(3);
    expect(run(tablePack({ hitPolicy: 'priority' }, rows), 40).result).toBe(2);
  });

  it('any: matches that agree are fine, disagreeing ones are an error', () => {
    const agree: Row[] = [
      ['a', '< 50', '-', [7]],
      ['b', '> 10', '-', [7]],
    ];
    expect(run(tablePack({ hitPolicy: 'any' }, agree), 40)).toEqual({
      result: 7,
      matched: ['a', 'b'],
    });
    const disagree: Row[] = [
      ['a', '< 50', '-', [7]],
      ['b', '> 10', '-', [8]],
    ];
    expect(() =>
      evaluate(compilePack(tablePack({ hitPolicy: 'any' }, disagree)), client(40)),
    ).toThrow(/rows a and b give different outputs/);
  });

  it('collect with list, sum, min, max and count', () => {
    const collect = (aggregation: string) =>
      run(tablePack({ hitPolicy: 'collect', aggregation }, rows), 70).result;
    expect(collect('list')).toEqual([3, 4]);
    expect(collect('sum')).toBe(7);
    expect(collect('min')).toBe(3);
    expect(collect('max')).toBe(4);
    expect(collect('count')).toBe(2);
  });

  it('ruleOrder: every match in row order, objects when there are several output columns', () => {
    const two: Row[] = [
      ['a', '-', '-', [1, 'x']],
      ['b', '> 60', '-', [2, 'y']],
    ];
    expect(run(tablePack({ hitPolicy: 'ruleOrder' }, two, 2), 70).result).toEqual([
      { o: 1, p: 'x' },
      { o: 2, p: 'y' },
    ]);
  });

  it('no match uses the default output, or is an error without one', () => {
    const few: Row[] = [['young', '< 30', '-', [1]]];
    expect(run(tablePack({ hitPolicy: 'first', defaultOutput: [0] }, few), 40)).toEqual({
      result: 0,
      matched: [],
    });
    expect(() => evaluate(compilePack(tablePack({ hitPolicy: 'first' }, few)), client(40))).toThrow(
      expect.objectContaining({
        code: 'table.noMatch',
        message: expect.stringContaining('age = 40'),
      }),
    );
  });

  it('validation refuses sum over a string column and rows with unknown levels', () => {
    const pack = tablePack(
      { hitPolicy: 'collect', aggregation: 'sum' },
      [['a', '-', 'C9', [1, 'x']]],
      2,
    );
    expect(() => compilePack(pack)).toThrow(
      /sum \/ min \/ max need exactly one number output column/,
    );
  });
});
