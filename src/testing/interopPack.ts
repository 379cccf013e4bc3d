import { lt, type Pack } from '../domain/index.ts';
import {
  CLIENT_LEVELS,
  RISK_LEVELS,
  matrixCells,
  packInput,
  parseBuilt,
  type PackParts,
  reason,
  scale,
} from './packBuilder.ts';
import { limitsRules } from './interopRules.ts';

const parts: PackParts = {
  id: 'interop-fixture',
  title: lt('互操作测试包', 'Interop fixture'),
  description: lt('用于对照 json-rules-engine', 'Checked against json-rules-engine'),
  jurisdiction: 'test',
  vocabulary: {
    facts: [
      { id: 'age', type: 'number', label: lt('年龄', 'Age'), min: 0, max: 100, integer: true },
      { id: 'professional', type: 'boolean', label: lt('专业投资者', 'Professional') },
      {
        id: 'assets',
        type: 'number',
        label: lt('金融资产', 'Financial assets'),
        min: 0,
        max: 10_000_000,
      },
      {
        id: 'goals',
        type: 'set',
        label: lt('投资目标', 'Goals'),
        values: [
          { id: 'growth', label: lt('增值', 'Growth') },
          { id: 'income', label: lt('收益', 'Income') },
          { id: 'preserve', label: lt('保本', 'Preserve') },
        ],
      },
      { id: 'segment', type: 'string', label: lt('客群', 'Segment') },
    ],
    scales: [
      scale('clientLevel', 'clientLevel', ['客户等级', 'Client level'], CLIENT_LEVELS),
      scale('risk', 'productRisk', ['产品风险', 'Product risk'], RISK_LEVELS),
    ],
  },
  questionnaires: [
    {
      id: 'rq',
      title: lt('风险问卷', 'Risk questionnaire'),
      validityMonths: 24,
      sections: [
        {
          id: 's1',
          title: lt('第一部分', 'Part one'),
          questions: [
            {
              id: 'Q1',
              type: 'single',
              text: lt('投资经验', 'Experience'),
              dimensions: ['experience'],
              options: [
                {
                  id: 'A',
                  label: lt('无', 'None'),
                  points: 0,
                  knockout: { flag: 'noExperience', reason: lt('无经验', 'No experience') },
                },
                { id: 'B', label: lt('少', 'Some'), points: 10 },
                { id: 'C', label: lt('多', 'Much'), points: 20 },
              ],
            },
            {
              id: 'Q2',
              type: 'numeric',
              text: lt('可承受亏损（%）', 'Loss tolerated (%)'),
              min: 0,
              max: 100,
              bands: [
                { min: 0, max: 9, points: 0 },
                { min: 10, max: 29, points: 15 },
                { min: 30, max: 100, points: 30 },
              ],
            },
            {
              id: 'Q3',
              type: 'multiple',
              text: lt('投资过的品种', 'Products held'),
              required: false,
              scoring: 'sum',
              minSelected: 0,
              options: [
                { id: 'A', label: lt('存款', 'Deposits'), points: 0 },
                { id: 'B', label: lt('基金', 'Funds'), points: 10 },
                { id: 'C', label: lt('期货', 'Futures'), points: 20 },
              ],
            },
          ],
        },
      ],
    },
  ],
  products: {
    riskScale: 'risk',
    items: [
      { id: 'P1', name: lt('存款', 'Deposit'), risk: 'R1' },
      { id: 'P2', name: lt('债券基金', 'Bond fund'), risk: 'R2', tags: ['income'] },
      {
        id: 'P3',
        name: lt('股票基金', 'Equity fund'),
        risk: 'R3',
        tags: ['growth'],
        attributes: { minAssets: 100000 },
      },
      {
        id: 'P4',
        name: lt('期货', 'Futures'),
        risk: 'R5',
        complex: true,
        tags: ['growth'],
        attributes: { minAssets: 500000 },
      },
    ],
  },
  nodes: [
    { id: 'in', kind: 'input' },
    {
      id: 'score',
      kind: 'questionnaire',
      config: { questionnaire: 'rq', knockoutZeroesScore: false },
    },
    {
      id: 'limits',
      kind: 'rules',
      config: {
        scale: 'clientLevel',
        outputs: [
          { name: 'segmentLabel', type: 'string', default: 'retail' },
          { name: 'bonus', type: 'number', default: 0 },
        ],
        rules: limitsRules,
      },
    },
    {
      id: 'level',
      kind: 'classify',
      config: {
        input: 'score.total',
        scale: 'clientLevel',
        bands: [
          { level: 'C1', min: 0, max: 9 },
          { level: 'C2', min: 10, max: 19 },
          { level: 'C3', min: 20, max: 34 },
          { level: 'C4', min: 35, max: 49 },
          { level: 'C5', min: 50, max: 1000 },
        ],
        rulesLimits: ['limits'],
      },
    },
    {
      id: 'alerts',
      kind: 'rules',
      config: {
        rules: [
          {
            name: 'aggressive',
            conditions: {
              all: [{ fact: 'level', path: '$.level', operator: 'in', value: ['C4', 'C5'] }],
            },
            event: { type: 'flag', params: { name: 'review', reason: reason('aggressive') } },
          },
          {
            name: 'capped',
            priority: 2,
            conditions: {
              any: [
                { fact: 'level', path: '$.capped', operator: 'equal', value: true },
                { fact: 'limits', path: '$.lowestCategory', operator: 'equal', value: true },
              ],
            },
            event: { type: 'flag', params: { name: 'limited' } },
          },
        ],
      },
    },
    {
      id: 'match',
      kind: 'match',
      config: {
        dimensions: [
          {
            id: 'risk',
            kind: 'matrix',
            label: lt('风险等级', 'Risk level'),
            client: 'level.level',
            clientScale: 'clientLevel',
            reason: reason('risk'),
            cells: matrixCells((c, r) =>
              r <= c ? 'allowed' : r === c + 1 ? 'warn' : 'prohibited',
            ),
          },
          {
            id: 'wealth',
            kind: 'condition',
            label: lt('资产门槛', 'Asset threshold'),
            onFail: 'prohibited',
            reason: reason('wealth'),
            when: {
              any: [
                { fact: 'product', path: '$.attributes.minAssets', operator: 'equal', value: null },
                {
                  not: {
                    fact: 'product',
                    path: '$.attributes.minAssets',
                    operator: 'greaterThan',
                    value: { fact: 'assets' },
                  },
                },
              ],
            },
          },
          {
            id: 'complexity',
            kind: 'condition',
            label: lt('复杂产品', 'Complex products'),
            onFail: 'warn',
            reason: reason('complex'),
            when: {
              any: [
                { fact: 'product', path: '$.complex', operator: 'equal', value: false },
                { fact: 'professional', operator: 'equal', value: true },
              ],
            },
          },
        ],
      },
    },
    {
      id: 'out',
      kind: 'output',
      config: {
        outputs: [
          { name: 'level', ref: 'level.level' },
          { name: 'score', ref: 'score.total' },
          { name: 'segmentLabel', ref: 'limits.segmentLabel' },
          { name: 'bonus', ref: 'limits.bonus' },
          { name: 'lowestCategory', ref: 'limits.lowestCategory', kind: 'flag' },
          { name: 'working', ref: 'limits.working', kind: 'flag' },
          { name: 'review', ref: 'alerts.review', kind: 'flag' },
          { name: 'limited', ref: 'alerts.limited', kind: 'flag' },
        ],
        verdicts: 'match',
      },
    },
  ],
  edges: [
    ['in', 'score'],
    ['score', 'limits'],
    ['limits', 'level'],
    ['score', 'level'],
    ['level', 'alerts'],
    ['limits', 'alerts'],
    ['level', 'match'],
    ['match', 'out'],
    ['alerts', 'out'],
    ['limits', 'out'],
    ['in', 'limits'],
    ['in', 'match'],
  ],
};

/**
 * A small pack whose rules nodes use every event kind, priorities, paths, fact-valued comparisons
 * and all ten operators, and whose match node has a `condition` dimension: the interop tests run
 * it through the compiled engine, json-rules-engine and the export. Its matrix allows up to the
 * client's level, warns one above and prohibits beyond.
 */
export function interopFixturePack(): Pack {
  return parseBuilt(packInput(parts));
}
