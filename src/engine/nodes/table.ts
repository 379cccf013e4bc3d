import { lt } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T } from '../valueTypes.ts';
import { EvaluationError, type Scope } from '../types.ts';
import { parseUnaryTests, type UnaryTest } from '../table/unaryTests.ts';
import {
  columnType,
  columnValueType,
  literalFits,
  resultType,
  type Literal,
  type TableConfig,
} from '../table/columns.ts';
import { compileHitPolicy, type Row } from '../table/hitPolicies.ts';

export type TableOutput = { result: unknown; matched: string[] };

function rowValue(config: TableConfig, cells: Literal[]): unknown {
  if (config.outputs.length === 1) return cells[0] ?? null;
  const value: Record<string, Literal> = {};
  config.outputs.forEach((c, i) => (value[c.id] = cells[i] ?? null));
  return value;
}

export const tableKind: NodeKindDef<'table'> = {
  kind: 'table',
  outputs: (node) => ({ result: resultType(node.config), matched: T.list(T.string) }),
  validate(node, ctx) {
    const c = node.config;
    const cols = [...c.inputs, ...c.outputs];
    cols.forEach((col, i) => {
      const at =
        i < c.inputs.length ? `config.inputs[${i}]` : `config.outputs[${i - c.inputs.length}]`;
      if (col.type === 'level') {
        if (!col.scale)
          ctx.error(
            'table.noScale',
            at,
            lt('level 列需要 scale', 'a level column needs its scale'),
          );
        else ctx.scale(col.scale, `${at}.scale`);
      }
    });
    c.inputs.forEach((col, i) => ctx.ref(col.ref, `config.inputs[${i}].ref`, columnValueType(col)));
    const inTypes = c.inputs.map((col) => columnType(col, ctx.index));
    const outTypes = c.outputs.map((col) => columnType(col, ctx.index));
    const ids = new Set<string>();
    c.rows.forEach((row, r) => {
      if (ids.has(row.id))
        ctx.error(
          'table.duplicateRow',
          `config.rows[${r}].id`,
          lt(`行号“${row.id}”重复`, `row id "${row.id}" is used twice`),
        );
      ids.add(row.id);
      row.inputs.forEach((cell, k) => {
        const t = inTypes[k];
        if (!t) return;
        const parsed = parseUnaryTests(cell, t);
        if (!parsed.ok) ctx.error('table.cell', `config.rows[${r}].inputs[${k}]`, parsed.error);
      });
      row.outputs.forEach((cell, k) => {
        const t = outTypes[k];
        if (t && !literalFits(cell, t))
          ctx.error(
            'table.outputType',
            `config.rows[${r}].outputs[${k}]`,
            lt(
              `输出值 ${JSON.stringify(cell)} 不符合列类型 ${t.type}`,
              `output ${JSON.stringify(cell)} does not fit a ${t.type} column`,
            ),
          );
      });
    });
    c.defaultOutput?.forEach((cell, k) => {
      const t = outTypes[k];
      if (t && !literalFits(cell, t))
        ctx.error(
          'table.outputType',
          `config.defaultOutput[${k}]`,
          lt('默认输出不符合列类型', `default output does not fit a ${t.type} column`),
        );
    });
    if (c.defaultOutput && c.defaultOutput.length !== c.outputs.length)
      ctx.error(
        'table.defaultLength',
        'config.defaultOutput',
        lt('默认输出的个数与输出列不一致', 'default output has the wrong number of cells'),
      );
    const numericAgg = c.hitPolicy === 'collect' && ['sum', 'min', 'max'].includes(c.aggregation);
    if (numericAgg && (c.outputs.length !== 1 || c.outputs[0]?.type !== 'number'))
      ctx.error(
        'table.aggregation',
        'config.aggregation',
        lt(
          'sum / min / max 汇总需要恰好一个数字输出列',
          'sum / min / max need exactly one number output column',
        ),
      );
    return ctx.problems;
  },
  reads: (node) => node.config.inputs.map((c) => c.ref),
  compile(node, ctx) {
    const c = node.config;
    const getters = c.inputs.map((col) => ctx.getter(col.ref));
    const types = c.inputs.map((col) => columnType(col, ctx.index));
    const rows = c.rows.map((row) => {
      const tests: UnaryTest[] = [];
      row.inputs.forEach((cell, k) => {
        const parsed = parseUnaryTests(cell, types[k] ?? { type: 'string' });
        if (!parsed.ok) throw new Error(parsed.error.en);
        if (!parsed.any) tests.push(parsed.test);
      });
      const cols = row.inputs
        .map((cell, k) => ({ cell, k }))
        .filter((x) => x.cell.trim() !== '-' && x.cell.trim() !== '');
      return {
        id: row.id,
        tests,
        cols: cols.map((x) => x.k),
        cells: row.outputs,
        value: rowValue(c, row.outputs),
      };
    });
    const dmn = ctx.index.pack.semantics === 'dmn';
    const hit = compileHitPolicy(c, node.id, ctx.path, dmn);
    const fallback: Row | undefined = c.defaultOutput
      ? { id: 'default', cells: c.defaultOutput, value: rowValue(c, c.defaultOutput) }
      : undefined;
    const values: unknown[] = new Array(getters.length);
    return (scope: Scope): TableOutput => {
      for (let k = 0; k < getters.length; k++)
        values[k] = (getters[k] as (s: Scope) => unknown)(scope);
      const matched: Row[] = [];
      for (const row of rows) {
        let ok = true;
        for (let t = 0; t < row.tests.length && ok; t++)
          ok = (row.tests[t] as UnaryTest)(values[row.cols[t] as number]);
        if (ok) matched.push(row);
      }
      if (matched.length === 0) {
        if (!fallback && dmn) return { result: null, matched: [] };
        if (!fallback)
          throw new EvaluationError(
            'table.noMatch',
            lt(
              `决策表“${node.id}”没有行匹配：${c.inputs.map((col, k) => `${col.ref} = ${JSON.stringify(values[k])}`).join('，')}`,
              `no row of table "${node.id}" matches ${c.inputs.map((col, k) => `${col.ref} = ${JSON.stringify(values[k])}`).join(', ')}`,
            ),
            `${ctx.path}.config.rows`,
            node.id,
          );
        return { result: hit([fallback]), matched: [] };
      }
      return { result: hit(matched), matched: matched.map((r) => r.id) };
    };
  },
  fired: (_node, output) => (output as TableOutput).matched,
};
