import { describe, expect, it } from 'vitest';
import { PackSchema, applyChange, invertChange, lt, type Pack } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import {
  addColumn,
  insertRow,
  moveColumn,
  moveRow,
  newRow,
  parseOutputCell,
  removeColumn,
  removeRow,
  setAnnotation,
  setColumnField,
  setInputCell,
  setOutputCell,
  setTableField,
  type TableConfig,
} from './tableEdits.ts';

const config: TableConfig = {
  hitPolicy: 'unique',
  aggregation: 'list',
  inputs: [
    { id: 'score', label: lt('分', 'Score'), type: 'number', ref: 'score.total' },
    { id: 'ko', label: lt('否决', 'KO'), type: 'boolean', ref: 'score.knockedOut' },
  ],
  outputs: [{ id: 'level', label: lt('等级', 'Level'), type: 'string' }],
  rows: [
    { id: 'r1', inputs: ['< 10', 'false'], outputs: ['C1'] },
    { id: 'r2', inputs: ['>= 10', 'false'], outputs: ['C2'] },
  ],
  defaultOutput: ['C1'],
};

const pack: Pack = applyChange(PackSchema.parse(miniPack), {
  type: 'insert',
  path: ['graph', 'nodes'],
  index: 0,
  value: { id: 't', kind: 'table', position: { x: 0, y: 0 }, config },
});
const base = ['graph', 'nodes', 0, 'config'];
const tableOf = (p: Pack) => {
  const node = p.graph.nodes[0];
  if (node?.kind !== 'table') throw new Error('table node expected');
  return node.config;
};

describe('table column edits', () => {
  it('adding an input column adds an "any" cell to every row', () => {
    const col = { id: 'age', label: lt('年龄', 'Age'), type: 'number' as const, ref: 'age' };
    const t = tableOf(applyChange(pack, addColumn(base, config, 'inputs', col)));
    expect(t.inputs.map((c) => c.id)).toEqual(['score', 'ko', 'age']);
    expect(t.rows.map((r) => r.inputs)).toEqual([
      ['< 10', 'false', '-'],
      ['>= 10', 'false', '-'],
    ]);
  });

  it('adding an output column extends rows and the default output', () => {
    const col = { id: 'note', label: lt('备注', 'Note'), type: 'string' as const };
    const t = tableOf(applyChange(pack, addColumn(base, config, 'outputs', col)));
    expect(t.rows[0]?.outputs).toEqual(['C1', null]);
    expect(t.defaultOutput).toEqual(['C1', null]);
  });

  it('moving and removing keep cells with their column', () => {
    const moved = tableOf(applyChange(pack, moveColumn(base, config, 'inputs', 0, 1)));
    expect(moved.inputs.map((c) => c.id)).toEqual(['ko', 'score']);
    expect(moved.rows[1]?.inputs).toEqual(['false', '>= 10']);
    const removed = tableOf(applyChange(pack, removeColumn(base, config, 'inputs', 1)));
    expect(removed.rows.map((r) => r.inputs)).toEqual([['< 10'], ['>= 10']]);
  });

  it('a new row has a fresh id and blank cells', () => {
    expect(newRow(config)).toEqual({ id: 'r3', inputs: ['-', '-'], outputs: [null] });
  });

  it('output cells are typed by their column', () => {
    const num = { id: 'n', label: lt('', ''), type: 'number' as const };
    const level = { id: 'l', label: lt('', ''), type: 'level' as const };
    expect(parseOutputCell('12.5', num, [])).toBe(12.5);
    expect(parseOutputCell('x', num, [])).toBeUndefined();
    expect(parseOutputCell('C2', level, ['C1', 'C2'])).toBe('C2');
    expect(parseOutputCell('C9', level, ['C1', 'C2'])).toBeUndefined();
    expect(parseOutputCell('', level, [])).toBeNull();
  });
});

describe('row and cell edits', () => {
  const roundTrip = (change: Parameters<typeof applyChange>[1]) => {
    const after = applyChange(pack, change);
    expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
    return tableOf(after);
  };

  it('insert a blank row where asked, move and remove rows', () => {
    const inserted = roundTrip(insertRow(base, config, 1));
    expect(inserted.rows.map((r) => r.id)).toEqual(['r1', 'r3', 'r2']);
    expect(inserted.rows[1]).toEqual({ id: 'r3', inputs: ['-', '-'], outputs: [null] });
    expect(roundTrip(moveRow(base, 0, 1)).rows.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(roundTrip(removeRow(base, 0)).rows.map((r) => r.id)).toEqual(['r2']);
  });

  it('set cells, the default output and annotations, and say so in words', () => {
    const input = setInputCell(base, 1, 0, '  ');
    expect(roundTrip(input).rows[1]?.inputs[0]).toBe('-');
    expect(input).toMatchObject({ text: { en: 'row 2 input 1: -' } });
    expect(roundTrip(setOutputCell(base, 0, 0, 'C3')).rows[0]?.outputs[0]).toBe('C3');
    const fallback = setOutputCell(base, 'default', 0, null);
    expect(roundTrip(fallback).defaultOutput).toEqual([null]);
    expect(fallback).toMatchObject({ text: { en: 'default output 1: null' } });
    expect(roundTrip(setAnnotation(base, 0, 'why')).rows[0]?.annotation).toBe('why');
    expect(tableOf(applyChange(pack, setAnnotation(base, 0, ''))).rows[0]).not.toHaveProperty(
      'annotation',
    );
  });

  it('table and column settings', () => {
    expect(roundTrip(setTableField(base, 'hitPolicy', 'first')).hitPolicy).toBe('first');
    const renamed = roundTrip(setColumnField(base, 'inputs', 0, 'id', 'total'));
    expect(renamed.inputs[0]?.id).toBe('total');
  });
});
