import type { NodeConfig, PackChange, PathKey } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { moveItem, removeItem, setField, setItemField } from '../common/listEdits.ts';
import { intent } from '../common/paths.ts';

export type TableConfig = NodeConfig<'table'>;
type Side = 'inputs' | 'outputs';
type Row = TableConfig['rows'][number];
type Cell = Row['outputs'][number];
export type InputColumn = TableConfig['inputs'][number];
export type OutputColumn = TableConfig['outputs'][number];

function moveIn<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

/**
 * Column edits touch the column list and every row (and the default output) together, as one
 * undoable step that sets whole arrays: a 500-row table is two changes, not 500.
 */
function columnsChange(
  base: readonly PathKey[],
  config: TableConfig,
  side: Side,
  columns: unknown[],
  rowCells: (cells: readonly (string | Cell)[]) => (string | Cell)[],
  label: string,
): PackChange {
  const rows = config.rows.map((r) => ({ ...r, [side]: rowCells(r[side]) }));
  const changes: PackChange[] = [
    { type: 'set', path: [...base, side], value: columns },
    { type: 'set', path: [...base, 'rows'], value: rows },
  ];
  if (side === 'outputs' && config.defaultOutput)
    changes.push({
      type: 'set',
      path: [...base, 'defaultOutput'],
      value: rowCells(config.defaultOutput),
    });
  return { type: 'batch', changes, label };
}

export function addColumn(
  base: readonly PathKey[],
  config: TableConfig,
  side: Side,
  column: InputColumn | OutputColumn,
): PackChange {
  const blank = side === 'inputs' ? '-' : null;
  return columnsChange(
    base,
    config,
    side,
    [...config[side], column],
    (cells) => [...cells, blank],
    'add column',
  );
}

export function removeColumn(
  base: readonly PathKey[],
  config: TableConfig,
  side: Side,
  index: number,
): PackChange {
  const drop = <T>(list: readonly T[]) => list.filter((_, i) => i !== index);
  return columnsChange(base, config, side, drop(config[side]), drop, 'delete column');
}

export function moveColumn(
  base: readonly PathKey[],
  config: TableConfig,
  side: Side,
  from: number,
  to: number,
): PackChange {
  const move = <T>(list: readonly T[]) => moveIn(list, from, to);
  return columnsChange(base, config, side, move(config[side]), move, 'move column');
}

/** A row that matches anything and outputs nothing yet, with the next free id. */
export function newRow(config: TableConfig): Row {
  const used = new Set(config.rows.map((r) => r.id));
  let n = config.rows.length + 1;
  while (used.has(`r${n}`)) n++;
  return {
    id: `r${n}`,
    inputs: config.inputs.map(() => '-'),
    outputs: config.outputs.map(() => null),
  };
}

/** Output cells are JSON literals typed by their column; text that does not fit is undefined. */
export function parseOutputCell(
  text: string,
  column: OutputColumn,
  levels: readonly string[],
): Cell | undefined {
  const v = text.trim();
  if (v === '' || v === 'null') return null;
  switch (column.type) {
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : undefined;
    case 'level':
      return levels.includes(v) ? v : undefined;
    case 'string':
      return v.replace(/^"(.*)"$/, '$1');
  }
}

const rows = (base: readonly PathKey[]) => ({ path: [...base, 'rows'], noun: lt('规则行', 'row') });

/** A new blank row (see `newRow`) at `index`: after row `index - 1`, or at the end. */
export function insertRow(
  base: readonly PathKey[],
  config: TableConfig,
  index: number,
): PackChange {
  return intent('add row', lt(`插入规则行 ${index + 1}`, `inserted row ${index + 1}`), {
    type: 'insert',
    path: [...base, 'rows'],
    index,
    value: newRow(config),
  });
}

export function removeRow(base: readonly PathKey[], index: number): PackChange {
  return removeItem(rows(base), index);
}

export function moveRow(base: readonly PathKey[], from: number, to: number): PackChange {
  return moveItem(rows(base), from, to);
}

/** An input cell's test, `-` (anything) when left empty. */
export function setInputCell(
  base: readonly PathKey[],
  row: number,
  column: number,
  text: string,
): PackChange {
  const value = text.trim() || '-';
  return intent(
    'input cell',
    lt(
      `规则行 ${row + 1} 条件 ${column + 1} 改为 ${value}`,
      `row ${row + 1} input ${column + 1}: ${value}`,
    ),
    { type: 'set', path: [...base, 'rows', row, 'inputs', column], value },
  );
}

/** An output cell of row `row`, or of the default output when `row` is `'default'`. */
export function setOutputCell(
  base: readonly PathKey[],
  row: number | 'default',
  column: number,
  value: Cell,
): PackChange {
  const shown = JSON.stringify(value);
  const [path, text] =
    row === 'default'
      ? [
          [...base, 'defaultOutput', column],
          lt(`默认输出 ${column + 1} 改为 ${shown}`, `default output ${column + 1}: ${shown}`),
        ]
      : [
          [...base, 'rows', row, 'outputs', column],
          lt(
            `规则行 ${row + 1} 输出 ${column + 1} 改为 ${shown}`,
            `row ${row + 1} output ${column + 1}: ${shown}`,
          ),
        ];
  return intent('output cell', text, { type: 'set', path, value });
}

/** A row's annotation; empty text removes it. */
export function setAnnotation(base: readonly PathKey[], row: number, text: string): PackChange {
  return setItemField(rows(base), row, 'annotation', text || undefined);
}

/** The hit policy, aggregation, or the default output switched on (blank cells) or off. */
export function setTableField(
  base: readonly PathKey[],
  key: 'hitPolicy' | 'aggregation' | 'defaultOutput',
  value: unknown,
): PackChange {
  return setField(base, key, value);
}

/** One field of column `index` on `side` (id, label, type, scale, ref). */
export function setColumnField(
  base: readonly PathKey[],
  side: Side,
  index: number,
  key: string,
  value: unknown,
): PackChange {
  const noun = side === 'inputs' ? lt('条件列', 'input column') : lt('输出列', 'output column');
  return setItemField({ path: [...base, side], noun }, index, key, value);
}
