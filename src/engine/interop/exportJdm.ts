import { lt, type GraphNode, type Pack } from '../../domain/index.ts';
import { orderGraph } from '../graphOrder.ts';
import { indexPack, type PackIndex } from '../packIndex.ts';
import { baseRootType } from '../refTypes.ts';
import { jsonPathKeys } from '../scope.ts';
import type { Problem } from '../types.ts';
import { nodeOutputTypes } from '../validatePack.ts';
import { typeAtPath } from '../valueTypes.ts';
import { access, lit, ref, self, type ConditionEnv } from './jdmExpr.ts';
import {
  expressionNode,
  transform,
  type BuiltNode,
  type JdmGraph,
  type JdmNode,
} from './jdmGraph.ts';
import { matchExpressions } from './jdmMatch.ts';
import { omittedReads } from './jdmOmitted.ts';
import type { JdmExpression } from './jdmExpr.ts';
import { questionnaireExpressions } from './jdmQuestionnaire.ts';
import { classifyExpressions, namesWhere, rulesExpressions, scoreExpressions } from './jdmRules.ts';
import { tableNodes } from './jdmTable.ts';

export type { JdmGraph, JdmNode } from './jdmGraph.ts';
export type JdmExport = { jdm: JdmGraph; unsupported: Problem[] };

/** Keys of the evaluation input, the decision's input: a fact or node of that name would clash. */
const INPUT_KEYS = [
  'facts',
  'answers',
  'context',
  'clientId',
  'evaluationDate',
  'assessmentDate',
  'initiator',
];

function conditionEnv(index: PackIndex): ConditionEnv {
  const outputs = nodeOutputTypes(index.pack);
  return {
    isDate(fact, path) {
      const root =
        baseRootType(index, fact) ??
        (outputs.has(fact) ? { type: 'record' as const, keys: outputs.get(fact) } : undefined);
      if (!root) return false;
      const t = typeAtPath(root, path ? jsonPathKeys(path) : []);
      return t.ok && t.type.type === 'date';
    },
  };
}

/**
 * Exports a pack as a GoRules JDM decision graph that zen-engine runs: the evaluation input goes in
 * as it is (`{ facts, answers, evaluationDate, ... }`), and the decision returns `{ outputs, flags,
 * products }` with each product's `verdict`, `checks` and `flags`, as `evaluate` does. Nodes run in
 * one chain in the pack's topological order, each adding its output under its own id; questionnaire
 * scoring, rules, scores, caps and floors, and matching are expression nodes, score bands and the
 * matching matrix are decision tables, and so is each table node (a first-hit or collecting JDM
 * table, then an expression node for the hit policy). Where a table node would make the engine
 * throw, the decision returns `error: { code, nodeId, rows }` and null outputs instead; `error` is
 * there only when some table can fail. What JDM cannot express, or this export does not yet, is
 * listed in `unsupported`, located by JSON path; text (reasons, rationale) and the knock-out list
 * are never exported, and a node that reads them is an error at the reading reference.
 *
 * @example
 * const { jdm, unsupported } = exportJdm(pack);
 * const result = await new ZenEngine().createDecision(jdm).evaluate(input); // result.result.outputs.level
 */
export function exportJdm(pack: Pack): JdmExport {
  const index = indexPack(pack);
  const unsupported: Problem[] = [];
  const problem = (
    path: string,
    nodeId: string | undefined,
    en: string,
    zh: string,
    severity: Problem['severity'] = 'error',
  ) => {
    // A condition dimension is written once per product: report its problem once.
    if (unsupported.some((p) => p.path === path && p.message.en === en)) return;
    unsupported.push({
      code: 'jdm.unsupported',
      severity,
      path,
      ...(nodeId ? { nodeId } : {}),
      message: lt(zh, en),
    });
  };
  const env = conditionEnv(index);
  const built: BuiltNode[] = [];

  const scope: JdmExpression[] = [
    { key: 'context.evaluationDate', value: 'evaluationDate' },
    { key: 'context.assessmentDate', value: 'assessmentDate ?? evaluationDate' },
    { key: 'context.initiator', value: 'initiator ?? "client"' },
    { key: 'context.clientId', value: 'clientId' },
  ];
  pack.vocabulary.facts.forEach((f, i) => {
    if (INPUT_KEYS.includes(f.id))
      problem(
        `$.vocabulary.facts[${i}].id`,
        undefined,
        `fact "${f.id}" clashes with a key of the input`,
        `事实“${f.id}”与输入的键重名`,
      );
    else scope.push({ key: f.id, value: access(['facts', f.id]) });
  });

  const ordered = orderGraph(pack.graph);
  const order = ordered.ok ? ordered.order : [];
  if (!ordered.ok) problem('$.graph', undefined, 'the graph has a cycle', '决策图有环');
  const outputNodes: GraphNode[] = [];
  /** Table nodes that can fail as the engine fails: the result carries their first error. */
  const fallible: string[] = [];
  for (const id of order) {
    const entry = index.nodes.get(id);
    if (!entry) continue;
    const { node } = entry;
    const at = `$.graph.nodes[${entry.index}]`;
    const report = (
      path: string,
      en: string,
      zh: string,
      severity: Problem['severity'] = 'error',
    ) => problem(`${at}.${path}`, node.id, en, zh, severity);
    if (INPUT_KEYS.includes(node.id)) {
      report(
        'id',
        `node id "${node.id}" clashes with a key of the input`,
        `节点 id“${node.id}”与输入的键重名`,
      );
      continue;
    }
    switch (node.kind) {
      case 'input':
        scope.push(
          { key: `${node.id}.facts`, value: 'facts' },
          { key: `${node.id}.answers`, value: 'answers' },
          { key: `${node.id}.context`, value: '$.context' },
        );
        break;
      case 'questionnaire': {
        const q = index.questionnaires.get(node.config.questionnaire)?.questionnaire;
        if (!q) break;
        built.push(
          expressionNode(
            node.id,
            node.id,
            questionnaireExpressions(q, index, node.config.knockoutZeroesScore, env, report),
          ),
        );
        report(
          'config',
          'the knock-out list (knockouts) is not exported',
          '淘汰清单（knockouts）不导出',
          'info',
        );
        break;
      }
      case 'rules': {
        const levels = node.config.scale ? (index.scales.get(node.config.scale)?.ids ?? []) : [];
        const info = (path: string, en: string, zh: string) =>
          report(path, en, zh, en.startsWith('reasons') ? 'info' : 'error');
        built.push(
          expressionNode(node.id, node.id, rulesExpressions(node.config, levels, env, info)),
        );
        break;
      }
      case 'score':
        built.push(
          expressionNode(
            node.id,
            node.id,
            scoreExpressions(node.config, (p, en, zh) => report(p, en, zh, 'warning')),
          ),
        );
        break;
      case 'classify': {
        const levels = index.scales.get(node.config.scale)?.ids ?? [];
        built.push({
          id: `_${node.id}-bands`,
          type: 'decisionTableNode',
          content: {
            ...transform(node.id),
            hitPolicy: 'first',
            inputs: [{ id: 'score', name: 'score', field: ref(node.config.input) }],
            outputs: [
              { id: 'band', name: 'band', field: 'band' },
              { id: 'bandRank', name: 'bandRank', field: 'bandRank' },
            ],
            rules: node.config.bands.map((b, i) => ({
              _id: `band${i}`,
              score: `[${b.min}..${b.max}]`,
              band: lit(b.level),
              bandRank: String(levels.indexOf(b.level)),
            })),
          },
        });
        built.push(
          expressionNode(node.id, node.id, classifyExpressions(node.config, node.id, levels)),
        );
        report(
          'config',
          'reasons are not exported; a score in no band gives a null level instead of an error',
          '原因不导出；不在任何分段的分数得到空级别而不是错误',
          'info',
        );
        break;
      }
      case 'match': {
        const risks = index.scales.get(pack.products.riskScale)?.ids ?? [];
        const matrixKey = (i: number) => `_${node.id}-matrix${i}`;
        node.config.dimensions.forEach((d, i) => {
          if (d.kind !== 'matrix') return;
          const levels = index.scales.get(d.clientScale)?.ids ?? [];
          built.push({
            id: matrixKey(i),
            type: 'decisionTableNode',
            content: {
              ...transform(matrixKey(i)),
              hitPolicy: 'first',
              inputs: [{ id: 'client', name: 'client level', field: ref(d.client) }],
              outputs: risks.map((r, k) => ({ id: `r${k}`, name: r, field: r })),
              rules: levels.map((level) => {
                const row: Record<string, string> = { _id: level, client: lit(level) };
                risks.forEach((r, k) => (row[`r${k}`] = lit(d.cells[level]?.[r] ?? null)));
                return row;
              }),
            },
          });
        });
        built.push(
          expressionNode(
            node.id,
            node.id,
            matchExpressions(node.config, index, env, matrixKey, report),
          ),
        );
        report(
          'config',
          'verdict reasons are not exported (text)',
          '裁决原因（文本）不导出',
          'info',
        );
        break;
      }
      case 'output':
        outputNodes.push(node);
        break;
      case 'expression':
        report(
          'config.expression',
          'FEEL literal expressions are not exported to JDM',
          'FEEL 文字表达式不导出到 JDM',
        );
        break;
      case 'table': {
        const table = tableNodes(node, index, report);
        built.push(...table.nodes);
        if (table.fallible) {
          fallible.push(node.id);
          report(
            'config',
            'where the engine fails (no match without a default, several rows in a unique table, disagreeing rows in an any table) the decision returns error { code, nodeId, rows } and null outputs',
            '引擎报错之处（无匹配且无默认值、唯一命中表匹配多行、任一命中表各行输出不一致），决策返回 error { code, nodeId, rows } 且输出为空',
            'info',
          );
        }
        break;
      }
    }
  }
  // The notes above say what is left out; reading it is an error, where it is read.
  unsupported.push(...omittedReads(index));
  if (outputNodes.length !== 1)
    problem(
      '$.graph',
      undefined,
      'the export needs exactly one output node',
      '导出需要恰好一个输出节点',
    );
  const final: JdmExpression[] = [];
  const out = outputNodes[0];
  if (out?.kind === 'output') {
    for (const o of out.config.outputs) final.push({ key: `outputs.${o.name}`, value: ref(o.ref) });
    final.push({
      key: 'flags',
      value: namesWhere(
        out.config.outputs
          .filter((o) => o.kind === 'flag')
          .map((o) => [o.name, `${ref(o.ref)} == true`] as const),
      ),
    });
    if (out.config.verdicts)
      final.push({ key: 'products', value: ref(`${out.config.verdicts}.products`) });
  }
  if (fallible.length > 0) {
    // The engine stops at the first failing node, in the order the chain runs them.
    const error = [...fallible.map((id) => ref(`${id}.error`)), 'null'].join(' ?? ');
    final.forEach((l) => (l.value = `(${self('error')} != null ? null : ${l.value})`));
    final.unshift({ key: 'error', value: error });
  }
  const chain: BuiltNode[] = [
    { id: '_request', type: 'inputNode', content: {} },
    expressionNode('_scope', null, scope),
    ...built,
    expressionNode('_result', null, final, false),
    { id: '_response', type: 'outputNode', content: {} },
  ];
  const nodes: JdmNode[] = chain.map((b, i) => ({
    id: b.id,
    name: b.id,
    type: b.type,
    position: { x: i * 240, y: 100 },
    content: b.content,
  }));
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    sourceId: (nodes[i] as JdmNode).id,
    targetId: n.id,
    type: 'edge' as const,
  }));
  return { jdm: { contentType: 'application/vnd.gorules.decision', nodes, edges }, unsupported };
}
