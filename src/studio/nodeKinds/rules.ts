import { defineMessages } from '../i18n/index.tsx';
import { RulesNodeView } from '../graph/nodeViews/RulesNodeView.tsx';
import { RulesInspector } from '../inspectors/rules/index.ts';
import { clientLevelScale } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const rulesEntry: NodeKindEntry<'rules'> = {
  kind: 'rules',
  icon: '⚖',
  color: '#c0612b',
  label: defineMessages({
    'zh-CN': { name: '规则', hint: '条件规则：设置标记、上限 / 下限和原因' },
    en: { name: 'Rules', hint: 'Condition rules that set flags, caps / floors and reasons' },
  }),
  NodeView: RulesNodeView,
  Inspector: RulesInspector,
  createDefault: (pack, id) => {
    const scale = clientLevelScale(pack);
    return {
      id,
      kind: 'rules',
      position: { x: 0, y: 0 },
      config: { ...(scale ? { scale: scale.id } : {}), outputs: [], rules: [] },
    };
  },
  handles: { target: true, source: true },
};
