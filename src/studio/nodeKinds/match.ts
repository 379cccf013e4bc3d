import { lt, type Verdict } from '../../domain/index.ts';
import { defineMessages } from '../i18n/index.tsx';
import { MatchNodeView } from '../graph/nodeViews/MatchNodeView.tsx';
import { MatchInspector } from '../inspectors/match/index.ts';
import { clientLevelScale, lastNodeOfKind, productRiskScale } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

/** The CSRC rule as a start: a client may buy products up to their own rank on the scales. */
function diagonalCells(levels: string[], risks: string[]): Record<string, Record<string, Verdict>> {
  const cells: Record<string, Record<string, Verdict>> = {};
  levels.forEach((level, i) => {
    const row: Record<string, Verdict> = {};
    risks.forEach((risk, j) => {
      const scaled =
        levels.length > 1 ? (j * (levels.length - 1)) / Math.max(risks.length - 1, 1) : 0;
      row[risk] = scaled <= i ? 'allowed' : 'prohibited';
    });
    cells[level] = row;
  });
  return cells;
}

export const matchEntry: NodeKindEntry<'match'> = {
  kind: 'match',
  icon: '⊞',
  color: '#b8860b',
  label: defineMessages({
    'zh-CN': { name: '产品匹配', hint: '等级 × 风险矩阵、期限与品种规则，得出每个产品的结论' },
    en: {
      name: 'Match',
      hint: 'Level × risk matrix, horizon and variety rules: a verdict per product',
    },
  }),
  NodeView: MatchNodeView,
  Inspector: MatchInspector,
  createDefault: (pack, id) => {
    const levels = clientLevelScale(pack);
    const risks = productRiskScale(pack);
    const classify = lastNodeOfKind(pack, 'classify');
    return {
      id,
      kind: 'match',
      position: { x: 0, y: 0 },
      config: {
        dimensions: [
          {
            id: 'risk',
            kind: 'matrix',
            label: lt('风险等级匹配', 'Risk level'),
            onFail: 'prohibited',
            reason: {
              code: 'riskMismatch',
              text: lt('产品风险等级高于客户风险承受能力', 'Product risk above the client level'),
            },
            exemptable: true,
            client: classify ? `${classify.id}.level` : 'level',
            clientScale: levels?.id ?? 'levels',
            cells: diagonalCells(
              levels?.levels.map((l) => l.id) ?? [],
              risks?.levels.map((l) => l.id) ?? [],
            ),
          },
        ],
        policies: [],
      },
    };
  },
  handles: { target: true, source: true },
};
