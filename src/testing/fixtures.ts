import { lt, type EvaluationInputDraft, type Pack, type PackInput } from '../domain/index.ts';
import { compilePack, evaluate } from '../engine/index.ts';
import {
  CLIENT_LEVELS,
  RISK_LEVELS,
  matrixCells,
  option,
  packInput,
  parseBuilt,
  reason,
  scale,
} from './packBuilder.ts';

/** Shared builders of small, valid packs and clients for tests. Every call returns fresh objects. */

export { reason };

/**
 * A miniature CSRC-style pack: six questions (max 32 points), bands C1-C5, a knock-out capping at
 * C1 with the lowest-category flag, a rules node (age cap, firm-initiated flag), a match node with
 * a C x R matrix, a horizon check and the usual policies, and four products R1-R5.
 */
export function basePackInput(): PackInput {
  return packInput({
    id: 'mini',
    title: lt('迷你包', 'Mini pack'),
    description: lt('测试用', 'for tests'),
    jurisdiction: 'CN',
    vocabulary: {
      facts: [
        { id: 'age', type: 'number', label: lt('年龄', 'Age'), min: 0, max: 130, integer: true },
        { id: 'professional', type: 'boolean', label: lt('专业投资者', 'Professional') },
        { id: 'horizonFact', type: 'enum', scale: 'H', label: lt('期限', 'Horizon') },
        { id: 'varieties', type: 'set', scale: 'V', label: lt('品种', 'Varieties') },
        { id: 'nickname', type: 'string', label: lt('昵称', 'Nickname') },
        { id: 'birthday', type: 'date', label: lt('生日', 'Birthday') },
      ],
      scales: [
        scale('C', 'clientLevel', ['客户', 'Client'], CLIENT_LEVELS),
        scale('R', 'productRisk', ['风险', 'Risk'], RISK_LEVELS),
        scale('H', 'horizon', ['期限', 'Horizon'], ['H1', 'H2', 'H3']),
        scale('V', 'variety', ['品种', 'Variety'], ['VA', 'VB', 'VC']),
      ],
    },
    questionnaires: [
      {
        id: 'risk',
        title: lt('风险测评', 'Risk questionnaire'),
        validityMonths: 24,
        sections: [
          {
            id: 's1',
            title: lt('一', 'One'),
            questions: [
              {
                id: 'Q1',
                type: 'single',
                text: lt('收入', 'Income'),
                dimensions: ['financial'],
                options: [option('A', 0), option('B', 5), option('C', 10)],
              },
              {
                id: 'Q2',
                type: 'multiple',
                text: lt('经验', 'Experience'),
                dimensions: ['experience'],
                scoring: 'max',
                options: [option('A', 1), option('B', 4), option('C', 6)],
              },
              {
                id: 'Q3',
                type: 'numeric',
                text: lt('年龄', 'Age'),
                min: 0,
                max: 100,
                integer: true,
                bands: [
                  { min: 0, max: 30, points: 5 },
                  { min: 31, max: 60, points: 3 },
                  { min: 61, max: 100, points: 0 },
                ],
              },
              {
                id: 'Q4',
                type: 'yesno',
                text: lt('拒绝任何本金损失？', 'Refuse any loss of principal?'),
                dimensions: ['tolerance'],
                options: [
                  option('yes', 0, {
                    knockout: {
                      flag: 'noLoss',
                      reason: lt('您不能承受本金损失', 'you cannot bear any loss of principal'),
                    },
                  }),
                  option('no', 2),
                ],
              },
              {
                id: 'Q5',
                type: 'single',
                text: lt('追问', 'Follow-up'),
                required: true,
                showIf: { op: 'selected', question: 'Q1', options: ['C'] },
                options: [option('A', 0), option('B', 4)],
              },
              {
                id: 'Q6',
                type: 'single',
                text: lt('期限', 'Horizon'),
                bindFact: { fact: 'horizonFact' },
                options: [
                  option('S', 1, { factValue: 'H1' }),
                  option('M', 3, { factValue: 'H2' }),
                  option('L', 5, { factValue: 'H3' }),
                ],
              },
            ],
          },
        ],
      },
    ],
    products: {
      riskScale: 'R',
      horizonScale: 'H',
      varietyScale: 'V',
      items: [
        { id: 'P1', name: lt('货币基金', 'Money fund'), risk: 'R1', horizon: 'H1', variety: 'VA' },
        { id: 'P2', name: lt('股票基金', 'Equity fund'), risk: 'R3', horizon: 'H2', variety: 'VB' },
        {
          id: 'P3',
          name: lt('杠杆基金', 'Leveraged fund'),
          risk: 'R4',
          horizon: 'H3',
          variety: 'VC',
        },
        {
          id: 'P4',
          name: lt('结构化产品', 'Structured note'),
          risk: 'R5',
          horizon: 'H3',
          variety: 'VC',
        },
      ],
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'q', kind: 'questionnaire', config: { questionnaire: 'risk' } },
      {
        id: 'r',
        kind: 'rules',
        config: {
          scale: 'C',
          rules: [
            {
              name: 'senior',
              conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 70 }] },
              event: { type: 'cap', params: { level: 'C3', reason: reason('senior') } },
            },
            {
              name: 'firm',
              conditions: {
                all: [{ fact: 'context', path: '$.initiator', operator: 'equal', value: 'firm' }],
              },
              event: { type: 'flag', params: { name: 'firmInitiated' } },
            },
          ],
        },
      },
      {
        id: 'cls',
        kind: 'classify',
        config: {
          input: 'q.total',
          scale: 'C',
          bands: [
            { level: 'C1', min: 0, max: 5 },
            { level: 'C2', min: 6, max: 12 },
            { level: 'C3', min: 13, max: 19 },
            { level: 'C4', min: 20, max: 25 },
            { level: 'C5', min: 26, max: 32 },
          ],
          caps: [
            {
              when: 'q.flags.noLoss',
              level: 'C1',
              flag: 'lowestCategory',
              reason: reason('knockout'),
            },
          ],
          rulesLimits: ['r'],
        },
      },
      {
        id: 'm',
        kind: 'match',
        config: {
          dimensions: [
            {
              id: 'risk',
              kind: 'matrix',
              label: lt('风险', 'Risk'),
              client: 'cls.level',
              clientScale: 'C',
              cells: matrixCells((c, r) => (r <= c ? 'allowed' : 'warn')),
              reason: reason('riskMismatch'),
            },
            {
              id: 'horizon',
              kind: 'compare',
              label: lt('期限', 'Horizon'),
              client: 'q.facts.horizonFact',
              scale: 'H',
              productField: 'horizon',
              rule: 'productAtMostClient',
              reason: reason('horizonMismatch'),
            },
          ],
          policies: [
            { kind: 'blockAll', when: 'q.expired', reason: reason('expired') },
            { kind: 'exempt', when: 'professional', reason: reason('professional') },
            {
              kind: 'escalate',
              when: 'cls.flags.lowestCategory',
              from: 'warn',
              to: 'prohibited',
              reason: reason('lowest'),
            },
            {
              kind: 'escalate',
              when: 'r.firmInitiated',
              from: 'warn',
              to: 'prohibited',
              reason: reason('firm'),
            },
            {
              kind: 'flag',
              flag: 'enhancedProcedure',
              verdicts: ['warn'],
              productRiskAtLeast: 'R4',
              reason: reason('enhanced'),
            },
          ],
        },
      },
      {
        id: 'out',
        kind: 'output',
        config: {
          outputs: [
            { name: 'score', ref: 'q.total' },
            { name: 'level', ref: 'cls.level' },
            { name: 'lowestCategory', ref: 'cls.flags.lowestCategory', kind: 'flag' },
            { name: 'reassessmentDue', ref: 'q.expired', kind: 'flag' },
          ],
          verdicts: 'm',
        },
      },
    ],
    edges: [
      ['in', 'q'],
      ['in', 'r'],
      ['q', 'cls'],
      ['r', 'cls'],
      ['cls', 'm'],
      ['q', 'm'],
      ['r', 'm'],
      ['m', 'out'],
      ['cls', 'out'],
      ['q', 'out'],
    ],
  });
}

/** A parsed base pack, optionally changed first (the change edits the raw JSON-like input). */
export function buildPack(change?: (pack: PackInput) => void): Pack {
  return parseBuilt(basePackInput(), change);
}

/** Answers worth 5+4+3+2+3 = 17 points (C3), horizon H2, assessed today. */
export function baseClient(overrides: Partial<EvaluationInputDraft> = {}): EvaluationInputDraft {
  return {
    clientId: 'c1',
    facts: { age: 40, professional: false },
    answers: { Q1: 'B', Q2: ['A', 'B'], Q3: 45, Q4: 'no', Q6: 'M' },
    evaluationDate: '2026-06-01',
    assessmentDate: '2026-01-10',
    initiator: 'client',
    ...overrides,
  };
}

/** The graph node with this id, typed loosely for edits in tests. */
export function nodeOf(
  pack: PackInput,
  id: string,
): { config: Record<string, unknown> } & Record<string, unknown> {
  const node = (pack.graph.nodes as Record<string, unknown>[]).find((n) => n['id'] === id);
  if (!node) throw new Error(`no node ${id}`);
  return node as { config: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Adds a node to a pack input, wired from `from` and into the output node, so that tests can
 * exercise one node kind inside a real graph.
 */
export function addNode(
  pack: PackInput,
  node: Record<string, unknown>,
  from: string[] = ['in'],
): void {
  const nodes = pack.graph.nodes as unknown[];
  nodes.splice(nodes.length - 1, 0, node);
  const id = node['id'] as string;
  for (const source of from) pack.graph.edges.push({ id: `${source}-${id}`, source, target: id });
  pack.graph.edges.push({ id: `${id}-out`, source: id, target: 'out' });
}

/** The output of one node for one client, read from the trace. */
export function nodeOutput(pack: Pack, input: EvaluationInputDraft, nodeId: string): unknown {
  const result = evaluate(compilePack(pack), input, { trace: true });
  return result.trace?.find((t) => t.nodeId === nodeId)?.output;
}
