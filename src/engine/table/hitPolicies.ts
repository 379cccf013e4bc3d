import { lt } from '../../domain/index.ts';
import { EvaluationError } from '../types.ts';
import type { Literal, TableConfig } from './columns.ts';

export type Row = { id: string; cells: Literal[]; value: unknown };

function sameCells(a: Literal[], b: Literal[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The position of a row's first output in that column's listed values (unlisted: last). */
function priorityRank(config: TableConfig): ((r: Row) => number) | undefined {
  const listed = config.outputs[0]?.values;
  if (!listed) return undefined;
  return (r) => {
    const i = listed.indexOf(r.cells[0] as string);
    return i < 0 ? listed.length : i;
  };
}

/**
 * Applies the hit policy to the matched rows (in row order). A broken `unique` or `any` table is
 * an evaluation error naming the rows (with `dmn` semantics its result is null, as in DMN); `path`
 * locates the table in the pack.
 */
export function compileHitPolicy(
  config: TableConfig,
  nodeId: string,
  path: string,
  dmn = false,
): (matched: Row[]) => unknown {
  switch (config.hitPolicy) {
    case 'unique':
      return (rows) => {
        if (rows.length > 1 && dmn) return null;
        if (rows.length > 1)
          throw new EvaluationError(
            'table.notUnique',
            lt(
              `唯一命中表“${nodeId}”同时命中了多行：${rows.map((r) => r.id).join('、')}`,
              `unique table "${nodeId}" matched several rows: ${rows.map((r) => r.id).join(', ')}`,
            ),
            `${path}.config.rows`,
            nodeId,
          );
        return rows[0]?.value;
      };
    case 'first':
      return (rows) => rows[0]?.value;
    case 'any':
      return (rows) => {
        const [first] = rows;
        const other = rows.find((r) => first && !sameCells(r.cells, first.cells));
        if (first && other && dmn) return null;
        if (first && other)
          throw new EvaluationError(
            'table.anyConflict',
            lt(
              `“任一”命中表“${nodeId}”中行 ${first.id} 与 ${other.id} 的输出不一致`,
              `any-hit table "${nodeId}": rows ${first.id} and ${other.id} give different outputs`,
            ),
            `${path}.config.rows`,
            nodeId,
          );
        return first?.value;
      };
    case 'priority': {
      const rank = priorityRank(config);
      if (!rank) return (rows) => rows[0]?.value;
      return (rows) => {
        let best = rows[0];
        for (const r of rows) if (best && rank(r) < rank(best)) best = r;
        return best?.value;
      };
    }
    case 'ruleOrder':
      return (rows) => rows.map((r) => r.value);
    case 'outputOrder': {
      const rank = priorityRank(config);
      if (!rank) return (rows) => rows.map((r) => r.value);
      // A stable sort: rows of equal priority keep their row order.
      return (rows) =>
        rows
          .map((r, i) => ({ r, i, k: rank(r) }))
          .sort((a, b) => a.k - b.k || a.i - b.i)
          .map((x) => x.r.value);
    }
    case 'collect': {
      const agg = config.aggregation;
      if (agg === 'list') return (rows) => rows.map((r) => r.value);
      if (agg === 'count') return (rows) => rows.length;
      return (rows) => {
        const nums = rows.map((r) => r.cells[0]).filter((v): v is number => typeof v === 'number');
        if (agg === 'sum') return nums.reduce((s, n) => s + n, 0);
        if (nums.length === 0) return null;
        return agg === 'min' ? Math.min(...nums) : Math.max(...nums);
      };
    }
  }
}
