import { lt, type NodeOfKind, type Pack } from '../../domain/index.ts';
import type { ColumnType } from '../table/unaryTests.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validateContext.ts';
import { analyzeTable, type AnalysisColumn } from './tableAnalysis.ts';
import type { ValueRange } from './valueRange.ts';

const finite = (n: number) => (Number.isFinite(n) ? n : undefined);

/** The analysis view of a table's input columns: scale levels, bounds and integrality of refs. */
export function tableColumns(
  pack: Pack,
  node: NodeOfKind<'table'>,
  rangeOf: (ref: string) => ValueRange | undefined,
): AnalysisColumn[] {
  return node.config.inputs.map((c) => {
    const type: ColumnType =
      c.type === 'level'
        ? {
            type: 'level',
            levels:
              pack.vocabulary.scales.find((s) => s.id === c.scale)?.levels.map((l) => l.id) ?? [],
          }
        : { type: c.type };
    const range = c.type === 'number' ? rangeOf(c.ref) : undefined;
    return {
      type,
      bounds: range && { min: finite(range.min), max: finite(range.max) },
      integer: range?.integer,
    };
  });
}

/**
 * Decision tables: without a default output, an input no row matches is an evaluation error
 * (`table.noMatch`); with hit policy `unique`, two rows that can match the same input are one
 * (`table.notUnique`); with `any`, two such rows that give different outputs are one
 * (`table.anyConflict`). Other hit policies expect overlaps.
 */
export function lintTable(
  pack: Pack,
  node: NodeOfKind<'table'>,
  at: string,
  rangeOf: (ref: string) => ValueRange | undefined,
): Problem[] {
  const c = node.config;
  const out: Problem[] = [];
  const analysis = analyzeTable(
    tableColumns(pack, node, rangeOf),
    c.rows.map((r) => r.inputs),
  );
  // Unparsable cells are validation's `table.cell` errors; a table with one is not analysed further.
  if (analysis.errors.length > 0) return out;
  const columns = c.inputs.map((i) => i.id).join(' | ');
  // With DMN semantics these inputs give a null result instead of an error: worth a warning.
  const dmn = pack.semantics === 'dmn';
  const fails = dmn
    ? lt('这样的输入得到空结果（DMN 语义）', 'such an input gives a null result (DMN semantics)')
    : lt('这样的输入会使评估报错', 'such an input makes evaluation fail');
  const failing = dmn ? 'warning' : 'error';
  if (c.defaultOutput === undefined)
    for (const gap of analysis.gaps) {
      const cells = gap.cells.join(' | ');
      out.push(
        problem(
          'lint.table.gap',
          `${at}.config.rows`,
          lt(
            `没有任何行匹配输入 ${cells}（列 ${columns}），且没有默认输出：${fails['zh-CN']}`,
            `no row matches inputs ${cells} (columns ${columns}) and there is no default output: ${fails.en}`,
          ),
          failing,
          node.id,
        ),
      );
    }
  if (analysis.truncated)
    out.push(
      problem(
        'lint.table.truncated',
        `${at}.config.rows`,
        lt(
          '决策表太大，空档检查没有做完，可能还有未列出的空档',
          'the table is too large to check completely; there may be more gaps than listed',
        ),
        'info',
        node.id,
      ),
    );
  for (const { rows } of analysis.overlaps) {
    const [i, j] = rows;
    const a = c.rows[i];
    const b = c.rows[j];
    if (!a || !b) continue;
    const sameOutput = JSON.stringify(a.outputs) === JSON.stringify(b.outputs);
    if (c.hitPolicy === 'unique')
      out.push(
        problem(
          'lint.table.overlap',
          `${at}.config.rows[${j}]`,
          lt(
            `行 ${a.id} 与 ${b.id} 可能同时匹配，而命中策略为 unique：${fails['zh-CN']}`,
            `rows ${a.id} and ${b.id} can match the same input under hit policy unique: ${fails.en}`,
          ),
          failing,
          node.id,
        ),
      );
    else if (c.hitPolicy === 'any' && !sameOutput)
      out.push(
        problem(
          'lint.table.conflict',
          `${at}.config.rows[${j}]`,
          lt(
            `行 ${a.id} 与 ${b.id} 可能同时匹配但输出不同，而命中策略为 any：${fails['zh-CN']}`,
            `rows ${a.id} and ${b.id} can match the same input with different outputs under hit policy any: ${fails.en}`,
          ),
          failing,
          node.id,
        ),
      );
  }
  return out;
}
