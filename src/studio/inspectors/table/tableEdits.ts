import type { NodeConfig, PackChange, PathKey } from '../../../domain/index.ts';

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
