import { PackSchema, lt } from '../../domain/index.ts';
import type { Pack, PackInput } from '../../domain/index.ts';

const t = (zh: string, en: string) => lt(zh, en);
const levels = (ids: string[]) => ids.map((id) => ({ id, label: t(id, id) }));
/** Allowed up to the client's own level, a warning one above, prohibited beyond. */
const matrix = () => {
  const cells: Record<string, Record<string, 'allowed' | 'warn' | 'prohibited'>> = {};
  ['C1', 'C2', 'C3', 'C4', 'C5'].forEach((c, ci) => {
    const row: Record<string, 'allowed' | 'warn' | 'prohibited'> = {};
    ['R1', 'R2', 'R3', 'R4', 'R5'].forEach((r, ri) => {
      row[r] = ri <= ci ? 'allowed' : ri === ci + 1 ? 'warn' : 'prohibited';
    });
    cells[c] = row;
  });
  return cells;
};
const reason = (code: string) => ({ code, text: t(`原因 ${code}`, `reason ${code}`) });

/**
 * A small pack whose rules nodes use every event kind, priorities, paths, fact-valued comparisons
 * and all ten operators, and whose match node has a `condition` dimension: the interop tests run
 * it through the compiled engine, json-rules-engine and the export.
 */
const input: PackInput = {
  format: 'suitability-pack',
  formatVersion: 1,
  id: 'interop-fixture',
  version: '1.0.0',
  title: t('互操作测试包', 'Interop fixture'),
  description: t('用于对照 json-rules-engine', 'Checked against json-rules-engine'),
  jurisdiction: 'test',
  locales: ['zh-CN', 'en'],
  vocabulary: {
    facts: [
      { id: 'age', type: 'number', label: t('年龄', 'Age'), min: 0, max: 100, integer: true },
      { id: 'professional', type: 'boolean', label: t('专业投资者', 'Professional') },
      {
        id: 'assets',
        type: 'number',
        label: t('金融资产', 'Financial assets'),
        min: 0,
        max: 10_000_000,
      },
      {
        id: 'goals',
        type: 'set',
        label: t('投资目标', 'Goals'),
        values: [
          { id: 'growth', label: t('增值', 'Growth') },
          { id: 'income', label: t('收益', 'Income') },
          { id: 'preserve', label: t('保本', 'Preserve') },
        ],
      },
      { id: 'segment', type: 'string', label: t('客群', 'Segment') },
    ],
    scales: [
      {
        id: 'clientLevel',
        role: 'clientLevel',
        label: t('客户等级', 'Client level'),
        levels: levels(['C1', 'C2', 'C3', 'C4', 'C5']),
      },
      {
        id: 'risk',
        role: 'productRisk',
        label: t('产品风险', 'Product risk'),
        levels: levels(['R1', 'R2', 'R3', 'R4', 'R5']),
      },
    ],
  },
  questionnaires: [
    {
      id: 'rq',
      title: t('风险问卷', 'Risk questionnaire'),
      validityMonths: 24,
      sections: [
        {
          id: 's1',
          title: t('第一部分', 'Part one'),
          questions: [
            {
              id: 'Q1',
              type: 'single',
              text: t('投资经验', 'Experience'),
              dimensions: ['experience'],
              options: [
                {
                  id: 'A',
                  label: t('无', 'None'),
                  points: 0,
                  knockout: { flag: 'noExperience', reason: t('无经验', 'No experience') },
                },
                { id: 'B', label: t('少', 'Some'), points: 10 },
                { id: 'C', label: t('多', 'Much'), points: 20 },
              ],
            },
            {
              id: 'Q2',
              type: 'numeric',
              text: t('可承受亏损（%）', 'Loss tolerated (%)'),
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
              text: t('投资过的品种', 'Products held'),
              required: false,
              scoring: 'sum',
              minSelected: 0,
              options: [
                { id: 'A', label: t('存款', 'Deposits'), points: 0 },
                { id: 'B', label: t('基金', 'Funds'), points: 10 },
                { id: 'C', label: t('期货', 'Futures'), points: 20 },
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
      { id: 'P1', name: t('存款', 'Deposit'), risk: 'R1' },
      { id: 'P2', name: t('债券基金', 'Bond fund'), risk: 'R2', tags: ['income'] },
      {
        id: 'P3',
        name: t('股票基金', 'Equity fund'),
        risk: 'R3',
        tags: ['growth'],
        attributes: { minAssets: 100000 },
      },
      {
        id: 'P4',
        name: t('期货', 'Futures'),
        risk: 'R5',
        complex: true,
        tags: ['growth'],
        attributes: { minAssets: 500000 },
      },
    ],
  },
  graph: {
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
          rules: [
            {
              name: 'lowTolerance',
              conditions: {
                not: { fact: 'score', path: '$.total', operator: 'greaterThan', value: 20 },
              },
              event: { type: 'cap', params: { level: 'C3', reason: reason('lowTolerance') } },
            },
            {
              name: 'minor',
              conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] },
              event: { type: 'cap', params: { level: 'C1', reason: reason('minor') } },
            },
            {
              name: 'senior',
              conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 70 }] },
              event: { type: 'cap', params: { level: 'C2', reason: reason('senior') } },
            },
            {
              name: 'noExperience',
              priority: 5,
              conditions: {
                any: [
                  { fact: 'score', path: '$.flags.noExperience', operator: 'equal', value: true },
                ],
              },
              event: { type: 'flag', params: { name: 'lowestCategory', reason: reason('ko') } },
            },
            {
              name: 'pro',
              priority: 3,
              conditions: {
                all: [
                  { fact: 'professional', operator: 'equal', value: true },
                  { fact: 'assets', operator: 'greaterThanInclusive', value: 5000000 },
                ],
              },
              event: { type: 'floor', params: { level: 'C4', reason: reason('pro') } },
            },
            {
              name: 'proLabel',
              priority: 3,
              conditions: { all: [{ fact: 'professional', operator: 'equal', value: true }] },
              event: { type: 'set', params: { name: 'segmentLabel', value: 'professional' } },
            },
            {
              name: 'vip',
              conditions: { all: [{ fact: 'segment', operator: 'in', value: ['vip', 'private'] }] },
              event: { type: 'set', params: { name: 'segmentLabel', value: 'vip' } },
            },
            {
              name: 'growth',
              conditions: {
                all: [
                  { fact: 'goals', operator: 'contains', value: 'growth' },
                  { fact: 'goals', operator: 'doesNotContain', value: 'preserve' },
                ],
              },
              event: { type: 'set', params: { name: 'bonus', value: 5 } },
            },
            {
              name: 'futures',
              conditions: {
                all: [
                  { fact: 'answers', path: '$.Q3', operator: 'contains', value: 'C' },
                  {
                    fact: 'score',
                    path: '$.byQuestion.Q1',
                    operator: 'greaterThan',
                    value: { fact: 'score', path: '$.byQuestion.Q2' },
                  },
                ],
              },
              event: { type: 'reason', params: reason('futuresHeld') },
            },
            {
              name: 'notRetired',
              conditions: {
                all: [
                  { fact: 'segment', operator: 'notIn', value: ['retired'] },
                  { fact: 'age', operator: 'lessThanInclusive', value: 60 },
                  { fact: 'age', operator: 'notEqual', value: 0 },
                ],
              },
              event: { type: 'flag', params: { name: 'working' } },
            },
          ],
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
              label: t('风险等级', 'Risk level'),
              client: 'level.level',
              clientScale: 'clientLevel',
              reason: reason('risk'),
              cells: matrix(),
            },
            {
              id: 'wealth',
              kind: 'condition',
              label: t('资产门槛', 'Asset threshold'),
              onFail: 'prohibited',
              reason: reason('wealth'),
              when: {
                any: [
                  {
                    fact: 'product',
                    path: '$.attributes.minAssets',
                    operator: 'equal',
                    value: null,
                  },
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
              label: t('复杂产品', 'Complex products'),
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
      { id: 'e1', source: 'in', target: 'score' },
      { id: 'e2', source: 'score', target: 'limits' },
      { id: 'e3', source: 'limits', target: 'level' },
      { id: 'e4', source: 'score', target: 'level' },
      { id: 'e5', source: 'level', target: 'alerts' },
      { id: 'e6', source: 'limits', target: 'alerts' },
      { id: 'e7', source: 'level', target: 'match' },
      { id: 'e8', source: 'match', target: 'out' },
      { id: 'e9', source: 'alerts', target: 'out' },
      { id: 'e10', source: 'limits', target: 'out' },
      { id: 'e11', source: 'in', target: 'limits' },
      { id: 'e12', source: 'in', target: 'match' },
    ],
  },
};

export function interopFixturePack(): Pack {
  return PackSchema.parse(input);
}
