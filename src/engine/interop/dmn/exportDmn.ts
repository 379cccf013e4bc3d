import {
  lt,
  type GraphNode,
  type LocalizedText,
  type NodeOfKind,
  type Pack,
} from '../../../domain/index.ts';
import { indexPack } from '../../packIndex.ts';
import { nodeOutputTypes } from '../../validatePack.ts';
import { createValidateContext } from '../../validateContext.ts';
import { orderGraph } from '../../graphOrder.ts';
import { columnType } from '../../table/columns.ts';
import { parseUnaryCell, type UnaryBuilder } from '../../table/unaryTests.ts';
import type { ValueType } from '../../valueTypes.ts';

export type DmnExportNote = { path: string; nodeId?: string; message: LocalizedText };

export type DmnExport = {
  xml: string;
  /** What the DMN does not carry, located in the pack. */
  unsupported: DmnExportNote[];
  /** Each input data's name and the value reference it stands for. */
  inputs: Map<string, string>;
  /** Each decision's name and what it reproduces: a table's `result`, a classify `band`... */
  decisions: Map<
    string,
    { nodeId: string; kind: 'table' | 'classify' | 'matrix'; dimension?: number }
  >;
};

const HIT: Record<string, string> = {
  unique: 'UNIQUE',
  first: 'FIRST',
  priority: 'PRIORITY',
  any: 'ANY',
  collect: 'COLLECT',
  ruleOrder: 'RULE ORDER',
  outputOrder: 'OUTPUT ORDER',
};

/** The product's risk level, an input of every exported matrix. */
export const PRODUCT_RISK = 'product risk';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const feelString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const feelLiteral = (v: unknown) =>
  v === null || v === undefined ? 'null' : typeof v === 'string' ? feelString(v) : String(v);
/** A value reference as a FEEL name: `risk.total` -> `risk total`. */
const inputName = (ref: string) => ref.replace(/[.\-_]+/g, ' ');

function typeRefOf(t: ValueType | undefined): string | undefined {
  if (!t) return undefined;
  if (t.type === 'number' || t.type === 'boolean' || t.type === 'string') return t.type;
  if (t.type === 'level') return 'string';
  return undefined;
}

/** A table cell as DMN S-FEEL: level comparisons and ranges become the list of levels they cover. */
function dmnCell(cell: string, col: ReturnType<typeof columnType>): string | undefined {
  const levels = col.type === 'level' ? col.levels : [];
  const covered = (keep: (i: number) => boolean) => {
    const l = levels.filter((_, i) => keep(i)).map(feelString);
    // Covering no level at all, the cell matches nothing but a missing value.
    return l.length ? l.join(', ') : 'null';
  };
  const builder: UnaryBuilder<string> = {
    compare: (op, bound) =>
      col.type === 'level'
        ? covered((i) =>
            op === '<'
              ? i < bound
              : op === '<='
                ? i <= bound
                : op === '>'
                  ? i > bound
                  : op === '>='
                    ? i >= bound
                    : op === '='
                      ? i === bound
                      : i !== bound,
          )
        : op === '='
          ? String(bound)
          : `${op} ${bound}`,
    interval: (lo, loIn, hi, hiIn) =>
      col.type === 'level'
        ? covered((i) => (loIn ? i >= lo : i > lo) && (hiIn ? i <= hi : i < hi))
        : `${loIn ? '[' : '('}${lo}..${hi}${hiIn ? ']' : ')'}`,
    equals: (v) => feelLiteral(v),
    or: (items) => items.join(', '),
    not: (inner) => `not(${inner})`,
  };
  const parsed = parseUnaryCell(cell, col, builder);
  if (!parsed.ok) return undefined;
  return parsed.any ? '-' : parsed.value;
}

type Decision = { name: string; id: string; reads: string[]; table: string };

/**
 * Exports the pack's table nodes, classify bands and match matrices as DMN 1.3 decision tables,
 * with a DRG: each value they read from elsewhere is an input data named after its reference
 * (`risk.total` -> `risk total`), a table that reads another's result requires that decision.
 */
export function exportDmn(pack: Pack): DmnExport {
  const index = indexPack(pack);
  const outputs = nodeOutputTypes(pack);
  const ordered = orderGraph(pack.graph);
  const order = ordered.ok ? ordered.order : pack.graph.nodes.map((n) => n.id);
  const unsupported: DmnExportNote[] = [];
  const inputs = new Map<string, string>();
  const inputTypes = new Map<string, string | undefined>();
  const decisions: DmnExport['decisions'] = new Map();
  const built: Decision[] = [];
  const inputIds = new Map<string, string>();
  const inputId = (name: string) => {
    if (!inputIds.has(name)) inputIds.set(name, `#i${inputIds.size + 1}`);
    return inputIds.get(name) as string;
  };
  const tableNodes = new Set(pack.graph.nodes.filter((n) => n.kind === 'table').map((n) => n.id));

  const refType = (node: GraphNode, ref: string): ValueType | undefined => {
    const entry = index.nodes.get(node.id);
    if (!entry) return undefined;
    const upstream = ordered.ok
      ? (ordered.ancestors.get(node.id) ?? new Set<string>())
      : new Set<string>();
    const ctx = createValidateContext(
      index,
      node.id,
      `$.graph.nodes[${entry.index}]`,
      upstream,
      (n) => outputs.get(n),
    );
    return ctx.ref(ref, 'x');
  };
  /** The FEEL text that reads `ref`, adding its input data (or the decision it names). */
  const read = (node: GraphNode, ref: string, reads: string[]): string => {
    const [root, key, col] = ref.split('.');
    if (root && tableNodes.has(root) && key === 'result') {
      reads.push(`#d-${root}`);
      return col ? `${root}.${col}` : root;
    }
    const name = inputName(ref);
    inputs.set(name, ref);
    inputTypes.set(name, typeRefOf(refType(node, ref)));
    reads.push(inputId(name));
    return name;
  };

  const tableXml = (
    id: string,
    hit: string,
    aggregation: string | undefined,
    ins: { label: string; text: string; typeRef: string | undefined }[],
    outs: { name: string; typeRef: string | undefined; values?: unknown[]; default?: unknown }[],
    rules: { id: string; ins: string[]; outs: unknown[] }[],
  ) =>
    [
      `    <decisionTable id="${xml(id)}" hitPolicy="${hit}"${aggregation ? ` aggregation="${aggregation}"` : ''}>`,
      ...ins.map(
        (c, k) =>
          `      <input id="${xml(id)}-in${k}" label="${xml(c.label)}"><inputExpression${c.typeRef ? ` typeRef="${c.typeRef}"` : ''}><text>${xml(c.text)}</text></inputExpression></input>`,
      ),
      ...outs.map(
        (o, k) =>
          `      <output id="${xml(id)}-out${k}" name="${xml(o.name)}"${o.typeRef ? ` typeRef="${o.typeRef}"` : ''}>` +
          (o.values
            ? `<outputValues><text>${xml(o.values.map(feelLiteral).join(', '))}</text></outputValues>`
            : '') +
          (o.default !== undefined
            ? `<defaultOutputEntry><text>${xml(feelLiteral(o.default))}</text></defaultOutputEntry>`
            : '') +
          `</output>`,
      ),
      ...rules.map(
        (r) =>
          `      <rule id="${xml(id)}-${xml(r.id)}">` +
          r.ins.map((c) => `<inputEntry><text>${xml(c)}</text></inputEntry>`).join('') +
          r.outs
            .map((v) => `<outputEntry><text>${xml(feelLiteral(v))}</text></outputEntry>`)
            .join('') +
          `</rule>`,
      ),
      `    </decisionTable>`,
    ].join('\n');

  const exportTable = (node: NodeOfKind<'table'>, at: string) => {
    const c = node.config;
    const reads: string[] = [];
    const cols = c.inputs.map((col) => columnType(col, index));
    const listInput = c.inputs.findIndex((col) => refType(node, col.ref)?.type === 'list');
    if (listInput >= 0) {
      unsupported.push({
        path: `${at}.config.inputs[${listInput}]`,
        nodeId: node.id,
        message: lt(
          '读取列表（多选答案）的列不导出：DMN 不在列表中查找',
          'a column reading a list (a multiple-choice answer) is not exported: DMN does not look inside lists',
        ),
      });
      return;
    }
    const ins = c.inputs.map((col) => ({
      label: col.label.en,
      text: read(node, col.ref, reads),
      typeRef: col.type === 'level' ? 'string' : col.type,
    }));
    const rules = c.rows.map((row) => ({
      id: row.id,
      ins: row.inputs.map((cell, k) => dmnCell(cell, cols[k] ?? { type: 'string' }) ?? '-'),
      outs: row.outputs,
    }));
    const outs = c.outputs.map((o, k) => ({
      name: o.id,
      typeRef: o.type === 'level' ? 'string' : o.type,
      ...(o.values ? { values: o.values } : {}),
      ...(c.defaultOutput ? { default: c.defaultOutput[k] ?? null } : {}),
    }));
    const aggregation =
      c.hitPolicy === 'collect' && c.aggregation !== 'list'
        ? c.aggregation.toUpperCase()
        : undefined;
    built.push({
      name: node.id,
      id: `d-${node.id}`,
      reads,
      table: tableXml(`t-${node.id}`, HIT[c.hitPolicy] ?? 'UNIQUE', aggregation, ins, outs, rules),
    });
    decisions.set(node.id, { nodeId: node.id, kind: 'table' });
  };

  const exportClassify = (node: NodeOfKind<'classify'>, at: string) => {
    const reads: string[] = [];
    const name = `${node.id} band`;
    const c = node.config;
    built.push({
      name,
      id: `d-${node.id}-band`,
      reads,
      table: tableXml(
        `t-${node.id}-band`,
        'FIRST',
        undefined,
        [{ label: 'score', text: read(node, c.input, reads), typeRef: 'number' }],
        [{ name: 'band', typeRef: 'string' }],
        c.bands.map((b, i) => ({ id: `b${i}`, ins: [`[${b.min}..${b.max}]`], outs: [b.level] })),
      ),
    });
    decisions.set(name, { nodeId: node.id, kind: 'classify' });
    if (c.caps.length || c.floors.length || c.rulesLimits.length)
      unsupported.push({
        path: `${at}.config`,
        nodeId: node.id,
        message: lt(
          '上限、下限不导出：决策只给出分段的级别',
          'caps and floors are not exported: the decision gives the band level',
        ),
      });
  };

  const exportMatch = (node: NodeOfKind<'match'>, at: string) => {
    const risks = index.scales.get(pack.products.riskScale)?.ids ?? [];
    node.config.dimensions.forEach((d, i) => {
      if (d.kind !== 'matrix') return;
      const reads: string[] = [];
      const levels = index.scales.get(d.clientScale)?.ids ?? [];
      const client = read(node, d.client, reads);
      inputs.set(PRODUCT_RISK, `${pack.products.riskScale}`);
      inputTypes.set(PRODUCT_RISK, 'string');
      reads.push(inputId(PRODUCT_RISK));
      const rules = levels.flatMap((level) =>
        risks.map((risk) => ({
          id: `${level}x${risk}`,
          ins: [feelString(level), feelString(risk)],
          outs: [d.cells[level]?.[risk] ?? d.onFail],
        })),
      );
      const name = `${node.id} ${d.id}`;
      built.push({
        name,
        id: `d-${node.id}-${d.id}`,
        reads,
        table: tableXml(
          `t-${node.id}-${d.id}`,
          'UNIQUE',
          undefined,
          [
            { label: 'client level', text: client, typeRef: 'string' },
            { label: 'product risk', text: PRODUCT_RISK, typeRef: 'string' },
          ],
          [{ name: 'verdict', typeRef: 'string', values: ['prohibited', 'warn', 'allowed'] }],
          rules,
        ),
      });
      decisions.set(name, { nodeId: node.id, kind: 'matrix', dimension: i });
    });
    if (node.config.dimensions.some((d) => d.kind !== 'matrix') || node.config.policies.length)
      unsupported.push({
        path: `${at}.config`,
        nodeId: node.id,
        message: lt(
          '只导出矩阵维度；其他维度与政策不导出',
          'only matrix dimensions are exported; other dimensions and the policies are not',
        ),
      });
  };

  for (const id of order) {
    const entry = index.nodes.get(id);
    if (!entry) continue;
    const at = `$.graph.nodes[${entry.index}]`;
    const node = entry.node;
    if (node.kind === 'table') exportTable(node, at);
    else if (node.kind === 'classify') exportClassify(node, at);
    else if (node.kind === 'match') exportMatch(node, at);
  }

  const requirement = (href: string) =>
    href.startsWith('#d-')
      ? `      <informationRequirement><requiredDecision href="${xml(href)}"/></informationRequirement>`
      : `      <informationRequirement><requiredInput href="${xml(href)}"/></informationRequirement>`;
  const body = [
    ...built.map((d) =>
      [
        `  <decision id="${xml(d.id)}" name="${xml(d.name)}">`,
        ...[...new Set(d.reads)].map(requirement),
        d.table,
        `  </decision>`,
      ].join('\n'),
    ),
    ...[...inputs.keys()].map((name) => {
      const t = inputTypes.get(name);
      return `  <inputData id="${inputId(name).slice(1)}" name="${xml(name)}"><variable name="${xml(name)}"${t ? ` typeRef="${t}"` : ''}/></inputData>`;
    }),
  ];
  const title = pack.title.en;
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="${xml(pack.id)}" name="${xml(title)}" namespace="urn:suitability:${xml(pack.id)}:${xml(pack.version)}">`,
    ...body,
    '</definitions>',
    '',
  ].join('\n');
  return { xml: text, unsupported, inputs, decisions };
}
