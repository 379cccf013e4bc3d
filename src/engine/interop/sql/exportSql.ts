import { lt, type GraphNode, type Pack } from '../../../domain/index.ts';
import { orderGraph } from '../../graphOrder.ts';
import { indexPack } from '../../packIndex.ts';
import type { Problem } from '../../types.ts';
import { inputCheckSql, type BadCell } from './sqlInputCheck.ts';
import { matchSql } from './sqlMatch.ts';
import { classifySql, questionnaireSql, rulesSql, scoreSql } from './sqlNodes.ts';
import { QueryBuilder, sqlLiteral, sqlName, Unsupported, type SqlDialect } from './sqlQuery.ts';

export { inputColumns, sqlLiteral, sqlName } from './sqlQuery.ts';
export type { SqlDialect } from './sqlQuery.ts';
export type { BadCell } from './sqlInputCheck.ts';
export type SqlExport = { sql: string; columns: string[]; unsupported: Problem[] };
/**
 * `inputCheck`: the query also refuses what the engine's input check refuses (DuckDB only), its
 * code in `error`; `bad` names the cells the reader could not type (see sqlInputCheck.ts).
 */
export type SqlExportOptions = { inputCheck?: { bad?: BadCell } };

/**
 * Exports a pack's decision as one SQL query over a table `input` of flattened inputs (the CLI's
 * CSV columns: `clientId`, `evaluationDate`, `assessmentDate`, `initiator`, `facts.<id>`,
 * `answers.<id>`, multiple choices and sets joined by `|`). The query returns `clientId`, each named
 * output, `flags` (joined by `|`), one verdict column per product and `error` (the code of what would
 * make the engine throw, else NULL). It is a chain of CTEs with CASE, COALESCE, GREATEST and
 * POSITION only: no functions of ours. Inputs are assumed to pass the engine's input check (the CLI
 * checks them). What SQL cannot hold (lists, reasons, text, tables) is reported in `unsupported` at
 * its JSON path, as the JDM export does.
 *
 * @example
 * const { sql } = exportSql(pack, 'duckdb');
 * await connection.run(`CREATE TABLE results AS ${sql}`);
 */
export function exportSql(
  pack: Pack,
  dialect: SqlDialect,
  options: SqlExportOptions = {},
): SqlExport {
  const index = indexPack(pack);
  const b = new QueryBuilder(index, dialect);
  const unsupported: Problem[] = [];
  const ordered = orderGraph(pack.graph);
  const order = ordered.ok ? ordered.order : [];
  const outputs: { name: string; sql: string }[] = [];
  const flags: string[] = [];
  let verdicts: string | undefined;
  for (const id of order) {
    const entry = index.nodes.get(id);
    if (!entry) continue;
    const node: GraphNode = entry.node;
    const path = `$.graph.nodes[${entry.index}]`;
    b.stage();
    try {
      if (node.kind === 'questionnaire') questionnaireSql(node, b, path);
      else if (node.kind === 'rules') rulesSql(node, b, path);
      else if (node.kind === 'score') scoreSql(node, b, path);
      else if (node.kind === 'classify') classifySql(node, b, path);
      else if (node.kind === 'match') matchSql(node, b, path);
      else if (node.kind === 'expression')
        throw new Unsupported(
          path,
          lt('表达式节点尚不导出为 SQL', 'expression nodes are not exported to SQL yet'),
        );
      else if (node.kind === 'table')
        throw new Unsupported(
          path,
          lt('决策表节点尚不导出为 SQL', 'table nodes are not exported to SQL yet'),
        );
      else if (node.kind === 'output') {
        node.config.outputs.forEach((o, i) => {
          const col = b.ref(o.ref, `${path}.config.outputs[${i}].ref`);
          outputs.push({ name: o.name, sql: col.sql });
          if (o.kind === 'flag')
            flags.push(`CASE WHEN ${col.sql} IS TRUE THEN ${sqlLiteral(o.name)} END`);
        });
        if (node.config.verdicts) verdicts = node.config.verdicts;
      }
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      unsupported.push({
        code: 'sql.unsupported',
        severity: 'error',
        path: e.path,
        nodeId: id,
        message: e.localized,
      });
    }
  }
  const verdictColumns = verdicts
    ? pack.products.items.flatMap((p) => {
        const col = b.columns.get(`${verdicts}.products.${p.id}.verdict`);
        return col ? [{ name: p.id, sql: col.sql }] : [];
      })
    : [];
  // PostgreSQL inlines CTEs: without MATERIALIZED each stage's expressions nest into the next.
  const materialized = dialect === 'postgres' ? 'MATERIALIZED ' : '';
  const ctes = b.stages
    .filter((s) => s.length > 0)
    .map(
      (s, i) =>
        `s${i + 1} AS ${materialized}(\n  SELECT *,\n    ${s.join(',\n    ')}\n  FROM ${i === 0 ? 'input' : `s${i}`}\n)`,
    );
  const last = ctes.length === 0 ? 'input' : `s${ctes.length}`;
  // The engine refuses an assessment dated after the evaluation (inputCheck.ts input.dateOrder)
  // before it evaluates anything: that code comes first.
  if (options.inputCheck) b.errors.unshift(...inputCheckSql(b, options.inputCheck.bad));
  else
    b.errors.unshift({
      when: '("assessmentDate" IS NOT NULL AND "assessmentDate" > "evaluationDate")',
      code: 'input.dateOrder',
    });
  const error =
    b.errors.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${b.errors.map((e) => `WHEN ${e.when} THEN ${sqlLiteral(e.code)}`).join(' ')} END`;
  const select = [
    '"clientId"',
    ...outputs.map((o) => `${o.sql} AS ${sqlName(o.name)}`),
    `${flags.length === 0 ? "''" : `concat_ws('|', ${flags.join(', ')})`} AS "flags"`,
    ...verdictColumns.map((v) => `${v.sql} AS ${sqlName(v.name)}`),
    `${error} AS "error"`,
  ];
  const sql = `${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT\n  ${select.join(',\n  ')}\nFROM ${last}`;
  return {
    sql,
    columns: [
      'clientId',
      ...outputs.map((o) => o.name),
      'flags',
      ...verdictColumns.map((v) => v.name),
      'error',
    ],
    unsupported,
  };
}
