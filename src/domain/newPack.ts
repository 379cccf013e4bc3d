import { lt, type LocalizedText } from './localized.ts';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from './pack.ts';
import type { GraphEdge, GraphNode, Verdict } from './graph.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import type { Scale } from './vocabulary.ts';
import type { EvaluationInput } from './evaluationInput.ts';
import type { Expectation } from './testCases.ts';

/** What a new pack is called and where it applies. */
export type NewPackInfo = {
  /** Lower-case slug, e.g. `my-firm-2026`. */
  id: string;
  title: LocalizedText;
  jurisdiction: string;
};

/** Which parts of a template a new pack keeps. */
export type TemplateParts = {
  questions: boolean;
  products: boolean;
  tests: boolean;
  personas: boolean;
};

export const NEW_PACK_VERSION = '0.1.0';

const level = (id: string, zh: string, en: string) => ({ id, label: lt(zh, en) });

/** The blank pack's scales: three client levels, three product risk levels (firm practice). */
function blankScales(): Scale[] {
  return [
    {
      id: 'clientLevel',
      label: lt('客户风险等级', 'Client risk level'),
      role: 'clientLevel',
      levels: [
        level('C1', '保守型', 'Conservative'),
        level('C2', '稳健型', 'Balanced'),
        level('C3', '积极型', 'Aggressive'),
      ],
    },
    {
      id: 'productRisk',
      label: lt('产品风险等级', 'Product risk level'),
      role: 'productRisk',
      levels: [
        level('R1', '低风险', 'Low risk'),
        level('R2', '中风险', 'Medium risk'),
        level('R3', '高风险', 'High risk'),
      ],
    },
  ];
}

function blankQuestionnaire(): Questionnaire {
  const question: Question = {
    id: 'Q1',
    type: 'single',
    text: lt('您的投资经验有多少年？', 'How many years of investment experience do you have?'),
    required: true,
    dimensions: [],
    weight: 1,
    options: [
      { id: 'A', label: lt('没有经验', 'None'), points: 0 },
      { id: 'B', label: lt('1 至 5 年', '1 to 5 years'), points: 1 },
      { id: 'C', label: lt('5 年以上', 'More than 5 years'), points: 2 },
    ],
  };
  return {
    id: 'risk',
    title: lt('风险承受能力问卷', 'Risk tolerance questionnaire'),
    validityMonths: 12,
    sections: [{ id: 'S1', title: lt('基本情况', 'About you'), questions: [question] }],
  };
}

/** Product risk at or below the client's level is allowed; above it, prohibited. */
export function diagonalCells(
  clientLevels: readonly string[],
  riskLevels: readonly string[],
): Record<string, Record<string, Verdict>> {
  return Object.fromEntries(
    clientLevels.map((c, ci) => [
      c,
      Object.fromEntries(riskLevels.map((r, ri) => [r, ri <= ci ? 'allowed' : 'prohibited'])),
    ]),
  );
}

const at = (x: number) => ({ x: x * 280, y: 0 });
const edge = (source: string, target: string): GraphEdge => ({
  id: `${source}-${target}`,
  source,
  target,
});

function blankGraph(): Pack['graph'] {
  const nodes: GraphNode[] = [
    {
      id: 'input',
      kind: 'input',
      label: lt('客户信息与答卷', 'Client facts and answers'),
      position: at(0),
      config: {},
    },
    {
      id: 'questionnaire',
      kind: 'questionnaire',
      label: lt('问卷评分', 'Questionnaire score'),
      position: at(1),
      config: { questionnaire: 'risk', knockoutZeroesScore: true },
    },
    {
      id: 'classify',
      kind: 'classify',
      label: lt('客户分级', 'Client level'),
      position: at(2),
      config: {
        input: 'questionnaire.total',
        scale: 'clientLevel',
        bands: [
          { level: 'C1', min: 0, max: 1 },
          { level: 'C2', min: 2, max: 3 },
          { level: 'C3', min: 4, max: 100 },
        ],
        caps: [],
        floors: [],
        rulesLimits: [],
      },
    },
    {
      id: 'match',
      kind: 'match',
      label: lt('产品匹配', 'Product matching'),
      position: at(3),
      config: {
        dimensions: [
          {
            id: 'risk',
            kind: 'matrix',
            label: lt('风险等级匹配', 'Risk level'),
            onFail: 'prohibited',
            exemptable: true,
            reason: {
              code: 'risk-mismatch',
              text: lt(
                '产品风险等级高于您的风险承受能力等级',
                "The product's risk level is above your risk-tolerance level",
              ),
            },
            client: 'classify.level',
            clientScale: 'clientLevel',
            cells: diagonalCells(['C1', 'C2', 'C3'], ['R1', 'R2', 'R3']),
          },
        ],
        policies: [],
      },
    },
    {
      id: 'output',
      kind: 'output',
      label: lt('结果', 'Result'),
      position: at(4),
      config: {
        verdicts: 'match',
        outputs: [
          {
            name: 'level',
            ref: 'classify.level',
            kind: 'value',
            label: lt('客户风险等级', 'Client risk level'),
          },
          { name: 'score', ref: 'questionnaire.total', kind: 'value', label: lt('得分', 'Score') },
        ],
      },
    },
  ];
  const edges = [
    edge('input', 'questionnaire'),
    edge('questionnaire', 'classify'),
    edge('classify', 'match'),
    edge('match', 'output'),
    edge('classify', 'output'),
    edge('questionnaire', 'output'),
  ];
  return { nodes, edges };
}

/**
 * A new pack from nothing: input → questionnaire → classify → match → output, one question, three
 * client levels, three product risk levels and one product, valid and ready to evaluate.
 */
export function blankPack(info: NewPackInfo): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: info.id,
    version: NEW_PACK_VERSION,
    title: info.title,
    description: lt('', ''),
    jurisdiction: info.jurisdiction,
    locales: ['zh-CN', 'en'],
    status: 'draft',
    changelog: [],
    vocabulary: { facts: [], scales: blankScales() },
    questionnaires: [blankQuestionnaire()],
    products: {
      riskScale: 'productRisk',
      items: [
        {
          id: 'product-1',
          name: lt('产品 1', 'Product 1'),
          risk: 'R1',
          complex: false,
          attributes: {},
          tags: [],
        },
      ],
    },
    graph: blankGraph(),
    tests: [],
    sampleClients: [],
  };
}

function withoutAnswers(input: EvaluationInput): EvaluationInput {
  return { ...input, answers: {} };
}

function withoutProducts(expect: Expectation): Expectation {
  const { products: _p, reasons: _r, checks: _c, ...rest } = expect;
  return rest;
}

/**
 * A new pack from `template`: its own id, title and jurisdiction, version 0.1.0, a draft with no
 * history, keeping only the parts asked for. Dropped questions also leave the kept tests' and
 * personas' answers; dropped products leave the kept tests' product expectations.
 */
export function packFromTemplate(template: Pack, info: NewPackInfo, keep: TemplateParts): Pack {
  const { integrity: _integrity, ...rest } = template;
  const questionnaires = keep.questions
    ? template.questionnaires
    : template.questionnaires.map((q) => ({
        ...q,
        sections: q.sections.map((s) => ({ ...s, questions: [] })),
      }));
  const tests = !keep.tests
    ? []
    : template.tests.map((t) => ({
        ...t,
        input: keep.questions ? t.input : withoutAnswers(t.input),
        expect: keep.products ? t.expect : withoutProducts(t.expect),
      }));
  const sampleClients = !keep.personas
    ? []
    : template.sampleClients.map((c) =>
        keep.questions ? c : { ...c, input: withoutAnswers(c.input) },
      );
  return {
    ...rest,
    id: info.id,
    title: info.title,
    jurisdiction: info.jurisdiction,
    version: NEW_PACK_VERSION,
    status: 'draft',
    changelog: [],
    questionnaires,
    products: keep.products ? template.products : { ...template.products, items: [] },
    tests,
    sampleClients,
  };
}

/** A lower-case slug from free text: `My Firm 2026` → `my-firm-2026` (empty when nothing fits). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
