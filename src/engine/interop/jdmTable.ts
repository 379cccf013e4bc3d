import type { NodeOfKind, Pack } from '../../domain/index.ts';
import type { PackIndex } from '../packIndex.ts';
import { columnType, type Literal, type TableConfig } from '../table/columns.ts';
import {
  parseUnaryCell,
  type ColumnType,
  type UnaryBuilder,
  type UnaryOp,
} from '../table/unaryTests.ts';
import type { Problem } from '../types.ts';
import { access, chain, isList, isNum, isStr, lit, member, ref, self } from './jdmExpr.ts';
import { expressionNode, transform, type BuiltNode } from './jdmGraph.ts';
import type { JdmExpression } from './jdmExpr.ts';

/** Says that part of a node is exported differently or not at all; `path` is relative to the node. */
export type TableReport = (
  path: string,
  en: string,
  zh: string,
  severity?: Problem['severity'],
) => void;

/**
 * One input cell as a ZEN boolean over `x`, the column's value, with the engine's semantics: a
 * value of the wrong type never matches a comparison, range or value (and so `not(...)` of it
 * holds), levels compare by their position on the scale, a text is also found in a list. Every
 * test is guarded so that ZEN never fails on a type; ranges and comparisons on levels become the
 * list of levels they cover, which reads as well as it runs.
 */
export function zenCell(x: string, column: ColumnType): UnaryBuilder<string> {
  const levels = column.type === 'level' ? column.levels : [];
  const onLevels = (holds: (rank: number) => boolean) => {
    const covered = levels.filter((_, i) => holds(i));
    return covered.length === 0 ? 'false' : `(${isStr(x)} and ${x} in ${lit(covered)})`;
  };
  const range = (lo: number, loIn: boolean, hi: number, hiIn: boolean) =>
    `${loIn ? '[' : '('}${lit(lo)}..${lit(hi)}${hiIn ? ']' : ')'}`;
  return {
    compare(op, bound) {
      if (column.type === 'level') return onLevels((r) => holds(op, r, bound));
      if (column.type !== 'number') return 'false';
      if (op === '=') return `(${x} == ${lit(bound)})`;
      return `(${isNum(x)} and ${x} ${op} ${lit(bound)})`;
    },
    interval(lo, loIn, hi, hiIn) {
      if (column.type === 'level')
        return onLevels((r) => (loIn ? r >= lo : r > lo) && (hiIn ? r <= hi : r < hi));
      if (column.type !== 'number') return 'false';
      return `(${isNum(x)} and ${x} in ${range(lo, loIn, hi, hiIn)})`;
    },
    equals(value) {
      if (typeof value !== 'string') return `(${x} == ${lit(value)})`;
      return `(${x} == ${lit(value)} or (${isList(x)} and contains(${x}, ${lit(value)})))`;
    },
    or: (items) => `(${items.join(' or ')})`,
    not: (inner) => `(not ${inner})`,
  };
}

function holds(op: UnaryOp, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Whether any other node reads the table's `matched` (or the whole output): then it is exported. */
function readsMatched(pack: Pack, tableId: string): boolean {
  const result = new RegExp(`^${tableId}\\.result(\\.|\\[|$)`);
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string')
      return v === tableId || (v.startsWith(`${tableId}.`) && !result.test(v));
    if (Array.isArray(v)) return v.some(walk);
    if (v === null || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    if (o['fact'] === tableId) {
      const path = typeof o['path'] === 'string' ? o['path'] : '$';
      if (!/^\$\.result(\.|\[|$)/.test(path)) return true;
      return Object.entries(o).some(([k, x]) => k !== 'fact' && walk(x));
    }
    return Object.values(o).some(walk);
  };
  return pack.graph.nodes.some((n) => n.id !== tableId && 'config' in n && walk(n.config));
}

const ERRORS = {
  noMatch: 'table.noMatch',
  notUnique: 'table.notUnique',
  anyConflict: 'table.anyConflict',
} as const;

/** `{"code": ..., "nodeId": ..., "rows": ...}`: the engine's evaluation error, as data. */
const error = (code: string, nodeId: string, rows: string) =>
  `{"code": ${lit(code)}, "nodeId": ${lit(nodeId)}, "rows": ${rows}}`;

/**
 * A table node as a JDM decision table and an expression node. The table has one boolean input
 * column per input (written over the value reference, so no `field`) and collects every matching
 * row with its id, or takes the first one where that is all the engine's hit policy needs and
 * nothing reads `matched`. The expression node then applies the hit policy, the default output
 * and the aggregation, and sets `error` (`{ code, nodeId, rows }`) where the engine would throw.
 */
export function tableNodes(
  node: NodeOfKind<'table'>,
  index: PackIndex,
  report: TableReport,
): { nodes: BuiltNode[]; fallible: boolean } {
  const c = node.config;
  const rowsKey = `_${node.id}-rows`;
  const listed = c.outputs[0]?.values;
  const firstHit =
    (c.hitPolicy === 'first' || (c.hitPolicy === 'priority' && !listed)) &&
    !readsMatched(index.pack, node.id);
  const types = c.inputs.map((col) => columnType(col, index));
  const rules = c.rows.map((row, r) => {
    const rule: Record<string, string> = { _id: row.id };
    row.inputs.forEach((cell, k) => {
      const col = c.inputs[k];
      if (!col) return;
      const parsed = parseUnaryCell(
        cell,
        types[k] ?? { type: 'string' },
        zenCell(ref(col.ref), types[k] ?? { type: 'string' }),
      );
      if (!parsed.ok)
        report(`config.rows[${r}].inputs[${k}]`, parsed.error.en, parsed.error['zh-CN']);
      rule[`i${k}`] = parsed.ok && !parsed.any ? parsed.value : parsed.ok ? '' : 'false';
    });
    c.outputs.forEach((_, k) => (rule[`o${k}`] = lit(row.outputs[k] ?? null)));
    if (!firstHit) rule['row'] = lit(row.id);
    return rule;
  });
  const table: BuiltNode = {
    id: rowsKey,
    type: 'decisionTableNode',
    content: {
      ...transform(rowsKey),
      hitPolicy: firstHit ? 'first' : 'collect',
      inputs: c.inputs.map((col, k) => ({ id: `i${k}`, name: col.id })),
      outputs: [
        ...c.outputs.map((col, k) => ({ id: `o${k}`, name: col.id, field: col.id })),
        ...(firstHit ? [] : [{ id: 'row', name: 'row', field: '_row' }]),
      ],
      rules,
    },
  };
  const R = access([rowsKey]);
  const fallback = c.defaultOutput
    ? `{${c.outputs.map((col, k) => `${lit(col.id)}: ${lit(c.defaultOutput?.[k] ?? null)}`).join(', ')}}`
    : null;
  const value = (row: string) =>
    c.outputs.length === 1 && c.outputs[0]
      ? `${row}${member(c.outputs[0].id)}`
      : `{${c.outputs.map((col) => `${lit(col.id)}: ${row}${member(col.id)}`).join(', ')}}`;
  // A default, or a row of nothing but `-`, means the table cannot fail to match.
  const alwaysHits =
    !!fallback || c.rows.some((row) => row.inputs.every((x) => /^\s*-?\s*$/.test(x)));
  const lines: JdmExpression[] = [];
  const errors: (readonly [string, string])[] = [];
  if (firstHit) {
    const hit = fallback ? `(${R} != null ? ${R} : ${fallback})` : R;
    if (!alwaysHits) errors.push([`${R} == null`, error(ERRORS.noMatch, node.id, '[]')]);
    lines.push({ key: 'result', value: value(hit) });
  } else {
    // The default output acts as one matched row; `matched` lists the real ones only.
    lines.push({ key: 'matched', value: `map(${R}, #._row)` });
    lines.push({ key: '_hits', value: fallback ? `(len(${R}) > 0 ? ${R} : [${fallback}])` : R });
    if (!alwaysHits) errors.push([`len(${R}) == 0`, error(ERRORS.noMatch, node.id, '[]')]);
    lines.push(...hitPolicyLines(c, node.id, value, errors, report));
  }
  if (errors.length > 0) lines.push({ key: 'error', value: chain(errors, 'null') });
  return {
    nodes: [table, expressionNode(node.id, node.id, lines)],
    fallible: errors.length > 0,
  };
}

/** The `result` of a collecting table by its hit policy, over `$._hits` (matches or the default). */
function hitPolicyLines(
  c: TableConfig,
  nodeId: string,
  value: (row: string) => string,
  errors: (readonly [string, string])[],
  report: TableReport,
): JdmExpression[] {
  const hits = self('_hits');
  const first = `${hits}[0]`;
  const R = self('matched');
  switch (c.hitPolicy) {
    case 'first':
      return [{ key: 'result', value: value(first) }];
    case 'unique':
      errors.push([`len(${R}) > 1`, error(ERRORS.notUnique, nodeId, R)]);
      return [{ key: 'result', value: value(first) }];
    case 'any': {
      const same = (row: string) =>
        c.outputs
          .map((col) => `${row}${member(col.id)} == ${first}${member(col.id)}`)
          .join(' and ');
      const other = `filter(${hits}, not (${same('#')}))`;
      errors.push([
        `len(${other}) > 0`,
        error(ERRORS.anyConflict, nodeId, `[${first}._row, ${other}[0]._row]`),
      ]);
      return [{ key: 'result', value: value(first) }];
    }
    case 'priority': {
      const values = c.outputs[0]?.values ?? [];
      const col = member(c.outputs[0]?.id ?? '');
      // First listed value ranks highest; values not listed come last; ties keep row order.
      const rank = (row: string) =>
        chain(
          values.map((v, i) => [`${row}${col} == ${lit(v)}`, String(i)] as const),
          String(values.length),
        );
      return [
        { key: '_best', value: `(len(${hits}) > 0 ? min(map(${hits}, ${rank('#')})) : null)` },
        { key: 'result', value: value(`filter(${hits}, ${rank('#')} == ${self('_best')})[0]`) },
      ];
    }
    case 'ruleOrder':
      return [{ key: 'result', value: `map(${hits}, ${value('#')})` }];
    case 'outputOrder':
      report(
        'config.hitPolicy',
        'output order is exported as rule order (ZEN has no sort by a value list)',
        '输出顺序按行顺序导出（ZEN 无法按取值列表排序）',
      );
      return [{ key: 'result', value: `map(${hits}, ${value('#')})` }];
    case 'collect':
      return collectLines(c, hits, value, report);
  }
}

function collectLines(
  c: TableConfig,
  hits: string,
  value: (row: string) => string,
  report: TableReport,
): JdmExpression[] {
  if (c.aggregation === 'list') return [{ key: 'result', value: `map(${hits}, ${value('#')})` }];
  if (c.aggregation === 'count') return [{ key: 'result', value: `len(${hits})` }];
  const col = member(c.outputs[0]?.id ?? '');
  const nums = `map(filter(${hits}, ${isNum(`#${col}`)}), #${col})`;
  if (c.aggregation === 'sum') {
    const cells: Literal[] = [
      ...c.rows.map((r) => r.outputs[0] ?? null),
      c.defaultOutput?.[0] ?? null,
    ];
    if (cells.some((v) => typeof v === 'number' && !Number.isInteger(v)))
      report(
        'config.aggregation',
        'ZEN adds decimals exactly (0.1 + 0.2 = 0.3), JavaScript in binary floating point',
        'ZEN 按十进制精确相加（0.1 + 0.2 = 0.3），JavaScript 按二进制浮点数相加',
        'warning',
      );
    return [{ key: 'result', value: `sum(${nums})` }];
  }
  return [
    { key: '_numbers', value: nums },
    {
      key: 'result',
      value: `(len(${self('_numbers')}) == 0 ? null : ${c.aggregation}(${self('_numbers')}))`,
    },
  ];
}
