import { lt, type NodeConfig, type Pack, type PackInput } from '../domain/index.ts';
import { addNode, buildPack, nodeOf } from './fixtures.ts';

/** A table column; `extra` adds its `ref` (inputs), `scale` (level columns) or `values`. */
type ColumnType = NodeConfig<'table'>['outputs'][number]['type'];

export const tableColumn = (id: string, type: ColumnType, extra: Record<string, unknown> = {}) => ({
  id,
  label: lt(id, id),
  type,
  ...extra,
});

/**
 * The base pack with a table node `t` (its whole config given) reading the input and the
 * classification `cls`. Each reference in `read` becomes an output `t0`, `t1`... of the output
 * node, so that a test sees what a reference to the table sees.
 */
export function buildTablePack(config: Record<string, unknown>, read: string[] = []): Pack {
  return buildPack((p: PackInput) => {
    addNode(p, { id: 't', kind: 'table', config }, ['in', 'cls']);
    const outputs = nodeOf(p, 'out').config['outputs'] as unknown[];
    read.forEach((ref, i) => outputs.push({ name: `t${i}`, ref }));
  });
}
