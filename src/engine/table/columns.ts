import type { NodeConfig } from '../../domain/index.ts';
import type { PackIndex } from '../packIndex.ts';
import { T, type ValueType } from '../valueTypes.ts';
import type { ColumnType } from './unaryTests.ts';

export type TableConfig = NodeConfig<'table'>;
export type TableColumn = TableConfig['outputs'][number];
export type Literal = string | number | boolean | null;

export function columnType(col: TableColumn, index: PackIndex): ColumnType {
  if (col.type === 'level')
    return { type: 'level', levels: (col.scale && index.scales.get(col.scale)?.ids) || [] };
  return { type: col.type };
}

export function columnValueType(col: TableColumn): ValueType {
  if (col.type === 'level') return col.scale ? T.level(col.scale) : T.string;
  return col.type === 'number' ? T.number : col.type === 'boolean' ? T.boolean : T.string;
}

/** Whether an output cell's literal fits its column. */
export function literalFits(value: Literal, col: ColumnType): boolean {
  if (value === null) return true;
  if (col.type === 'level') return typeof value === 'string' && col.levels.includes(value);
  return typeof value === col.type;
}

/** The shape of a table's `result`: one value, an object per column, or a list of those. */
export function resultType(config: TableConfig): ValueType {
  const one =
    config.outputs.length === 1 && config.outputs[0]
      ? columnValueType(config.outputs[0])
      : T.record(Object.fromEntries(config.outputs.map((c) => [c.id, columnValueType(c)])));
  if (config.hitPolicy === 'ruleOrder' || config.hitPolicy === 'outputOrder') return T.list(one);
  if (config.hitPolicy === 'collect')
    return config.aggregation === 'list'
      ? T.list(one)
      : config.aggregation === 'count'
        ? T.number
        : one;
  return one;
}
