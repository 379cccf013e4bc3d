import { defineMessages } from '../i18n/index.tsx';
import { ScoreNodeView } from '../graph/nodeViews/ScoreNodeView.tsx';
import { ScoreInspector } from '../inspectors/score/index.ts';
import { defaultNumberRef } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const scoreEntry: NodeKindEntry<'score'> = {
  kind: 'score',
  icon: 'Σ',
  color: '#7c5cc4',
  label: defineMessages({
    'zh-CN': { name: '综合评分', hint: '以权重合并多个分数：加权求和、最小值、最大值、归一化' },
    en: { name: 'Score', hint: 'Combines numbers with weights: weighted sum, min, max, normalize' },
  }),
  NodeView: ScoreNodeView,
  Inspector: ScoreInspector,
  createDefault: (pack, id) => ({
    id,
    kind: 'score',
    position: { x: 0, y: 0 },
    config: {
      terms: [{ ref: defaultNumberRef(pack), weight: 1 }],
      combine: 'weightedSum',
      round: 'none',
    },
  }),
  handles: { target: true, source: true },
};
