import { evaluateExpressionSync } from '@gorules/zen-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeOfKind } from '../../domain/index.ts';
import { buildTablePack, tableColumn } from '../../testing/tablePack.ts';
import { indexPack } from '../packIndex.ts';
import { parseUnaryCell, parseUnaryTests, type ColumnType } from '../table/unaryTests.ts';
import type { Problem } from '../types.ts';
import { exportJdm } from './exportJdm.ts';
import { tableNodes, zenCell } from './jdmTable.ts';

const LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'];
const COLUMNS: Record<string, ColumnType> = {
  number: { type: 'number' },
  level: { type: 'level', levels: LEVELS },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
};

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const OPS = ['<', '<=', '>', '>=', '=', '!='] as const;
const NUMBERS = [-1.5, 0, 2, 2.5, 18, 30, 45, 60];
const bracket = (lo: string, hi: string) =>
  fc
    .tuple(pick(['[', '(', ']']), pick([']', ')', '[']))
    .map(([open, close]) => `${open}${lo}..${hi}${close}`);

/** One item of a cell for a column type: a comparison, a range or a bare value. */
function itemArb(type: string): fc.Arbitrary<string> {
  switch (type) {
    case 'number':
      return fc.oneof(
        fc.tuple(pick(OPS), pick(NUMBERS)).map(([op, n]) => `${op} ${n}`),
        fc
          .tuple(pick(NUMBERS), pick(NUMBERS))
          .chain(([a, b]) => bracket(String(Math.min(a, b)), String(Math.max(a, b)))),
        pick(NUMBERS).map(String),
      );
    case 'level':
      return fc.oneof(
        fc.tuple(pick(OPS), pick(LEVELS)).map(([op, l]) => `${op}${l}`),
        fc
          .tuple(fc.nat(4), fc.nat(4))
          .chain(([a, b]) =>
            bracket(LEVELS[Math.min(a, b)] as string, LEVELS[Math.max(a, b)] as string),
          ),
        pick(LEVELS),
      );
    case 'string':
      return pick(['"a"', 'b', '"C1"', '"中文"', 'x-y']);
    default:
      return pick(['true', 'false']);
  }
}

/** A whole cell: a list of items, sometimes inside `not(...)`, sometimes `-`. */
const cellArb = (type: string) =>
  fc.oneof(
    { arbitrary: fc.constant('-'), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.array(itemArb(type), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([items, not]) => (not ? `not(${items.join(', ')})` : items.join(', '))),
      weight: 6,
    },
  );

/** Values a column may meet: of its type, of another type, lists (multiple choice), missing. */
const valueArb = fc.oneof(
  pick(NUMBERS),
  pick([...LEVELS, 'a', 'b', 'x-y', '中文', '', '2']),
  fc.array(pick(['a', 'b', 'C1', 'C3']), { maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('decision table cells as ZEN expressions', () => {
  it('match exactly the values the engine matches, on every column type, and never fail in ZEN', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        pick(Object.keys(COLUMNS)).chain((type) =>
          fc.tuple(fc.constant(type), cellArb(type), fc.array(valueArb, { maxLength: 6 })),
        ),
        ([type, cell, values]) => {
          const column = COLUMNS[type] as ColumnType;
          const engine = parseUnaryTests(cell, column);
          const zen = parseUnaryCell(cell, column, zenCell('x', column));
          if (!engine.ok || !zen.ok) throw new Error(`${cell} does not parse`);
          for (const v of values) {
            const expected = engine.test(v);
            const actual = zen.any
              ? true
              : evaluateExpressionSync(zen.value, v === undefined ? {} : { x: v });
            expect({ cell, v, match: actual }).toEqual({ cell, v, match: expected });
            if (expected) matched++;
          }
        },
      ),
      { seed: 4242, numRuns: 600 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('write level ranges as the list of levels they cover, numbers as guarded ZEN ranges', () => {
    const level = (cell: string) =>
      parseUnaryCell(
        cell,
        COLUMNS['level'] as ColumnType,
        zenCell('cls.level', COLUMNS['level'] as ColumnType),
      );
    expect(level('>= C4')).toMatchObject({
      value: '(type(cls.level) == "string" and cls.level in ["C4","C5"])',
    });
    expect(level('< C1')).toMatchObject({ value: 'false' });
    const num = parseUnaryCell('(1..5]', { type: 'number' }, zenCell('age', { type: 'number' }));
    expect(num).toMatchObject({ value: '(type(age) == "number" and age in (1..5])' });
  });
});

type TableConfig = NodeOfKind<'table'>['config'];

/** Table `t` on age and client level; `read` adds outputs reading it. */
function tablePack(config: Partial<TableConfig>, read: string[] = ['t.result']) {
  return buildTablePack(
    {
      hitPolicy: 'first',
      inputs: [
        tableColumn('age', 'number', { ref: 'age' }),
        tableColumn('lvl', 'level', { scale: 'C', ref: 'cls.level' }),
      ],
      outputs: [tableColumn('o', 'number')],
      rows: [
        { id: 'young', inputs: ['< 30', '-'], outputs: [1] },
        { id: 'high', inputs: ['-', '>= C4'], outputs: [2] },
      ],
      ...config,
    },
    read,
  );
}

function exported(config: Partial<TableConfig>, read?: string[]) {
  const pack = tablePack(config, read);
  const node = pack.graph.nodes.find((n) => n.id === 't') as NodeOfKind<'table'>;
  const problems: [string, Problem['severity']][] = [];
  const out = tableNodes(node, indexPack(pack), (path, _en, _zh, severity = 'error') =>
    problems.push([path, severity]),
  );
  const [table, expression] = out.nodes;
  const lines = (expression?.content['expressions'] as { key: string; value: string }[]).map(
    (l) => l.key,
  );
  return { table: table?.content ?? {}, lines, fallible: out.fallible, problems };
}

describe('table nodes as JDM', () => {
  it('a first-hit table read only for its result is a JDM first-hit table', () => {
    const { table, lines } = exported({ hitPolicy: 'first', defaultOutput: [0] });
    expect(table['hitPolicy']).toBe('first');
    expect(lines).toEqual(['result']);
  });

  it('collects every match, with its row id, where matched rows or the hit policy need them', () => {
    expect(exported({ hitPolicy: 'first' }, ['t.matched']).table['hitPolicy']).toBe('collect');
    for (const hitPolicy of ['unique', 'any', 'collect', 'ruleOrder'] as const) {
      const { table, lines } = exported({ hitPolicy });
      expect(table['hitPolicy']).toBe('collect');
      expect(lines).toContain('matched');
    }
    const listed = exported({
      hitPolicy: 'priority',
      outputs: [tableColumn('o', 'number', { values: [2, 1] })],
    });
    expect(listed.table['hitPolicy']).toBe('collect');
  });

  it('collects for a rule that reads matched rows, not for one that reads the result', () => {
    const policy = (path: string) => {
      const pack = tablePack({ hitPolicy: 'first', defaultOutput: [0] });
      pack.graph.nodes.splice(pack.graph.nodes.length - 1, 0, {
        id: 'reader',
        kind: 'rules',
        position: { x: 0, y: 0 },
        config: {
          outputs: [],
          rules: [
            {
              name: 'r',
              priority: 1,
              conditions: { all: [{ fact: 't', path, operator: 'notEqual', value: null }] },
              event: { type: 'flag', params: { name: 'seen' } },
            },
          ],
        },
      });
      pack.graph.edges.push({ id: 't-reader', source: 't', target: 'reader' });
      return exportJdm(pack).jdm.nodes.find((n) => n.id === '_t-rows')?.content['hitPolicy'];
    };
    expect(policy('$.result')).toBe('first');
    expect(policy('$.matched[0]')).toBe('collect');
    expect(policy('$')).toBe('collect');
  });

  it('sets error where the engine would throw, only where it can', () => {
    expect(exported({ hitPolicy: 'unique', defaultOutput: [0] })).toMatchObject({
      fallible: true,
    });
    expect(exported({ hitPolicy: 'first', defaultOutput: [0] }).fallible).toBe(false);
    expect(exported({ hitPolicy: 'first' }).fallible).toBe(true);
    const catchAll = { id: 'else', inputs: ['-', ' '], outputs: [0] };
    const rows = [{ id: 'young', inputs: ['< 30', '-'], outputs: [1] }, catchAll];
    expect(exported({ hitPolicy: 'collect', rows }).fallible).toBe(false);
  });

  it('reports a cell it cannot parse at the cell, and a decimal sum ZEN adds exactly', () => {
    const rows = [{ id: 'bad', inputs: ['< abc', '-'], outputs: [0.5] }];
    expect(exported({ hitPolicy: 'collect', aggregation: 'sum', rows }).problems).toEqual([
      ['config.rows[0].inputs[0]', 'error'],
      ['config.aggregation', 'warning'],
    ]);
  });

  it('exportJdm gates the result on the first table error and says so', () => {
    const { jdm, unsupported } = exportJdm(tablePack({ hitPolicy: 'unique' }));
    expect(unsupported.filter((p) => p.severity === 'error')).toEqual([]);
    expect(unsupported.find((p) => p.nodeId === 't')).toMatchObject({ severity: 'info' });
    const result = jdm.nodes.find((n) => n.id === '_result');
    const [first, ...rest] = result?.content['expressions'] as { key: string; value: string }[];
    expect(first).toMatchObject({ key: 'error', value: 't.error ?? null' });
    for (const line of rest) expect(line.value).toMatch(/^\(\$\.error != null \? null : /);
  });
});
