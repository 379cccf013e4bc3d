import { defineMessages } from '../i18n/index.tsx';
import { OutputNodeView } from '../graph/nodeViews/OutputNodeView.tsx';
import { OutputInspector } from '../inspectors/io/index.ts';
import { lastNodeOfKind } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const outputEntry: NodeKindEntry<'output'> = {
  kind: 'output',
  icon: '⇤',
  color: '#334155',
  label: defineMessages({
    'zh-CN': { name: '输出', hint: '规则包对外提供的命名结果与产品结论' },
    en: { name: 'Output', hint: 'The named results and product verdicts the pack exposes' },
  }),
  NodeView: OutputNodeView,
  Inspector: OutputInspector,
  createDefault: (pack, id) => {
    const classify = lastNodeOfKind(pack, 'classify');
    const match = lastNodeOfKind(pack, 'match');
    return {
      id,
      kind: 'output',
      position: { x: 0, y: 0 },
      config: {
        outputs: classify ? [{ name: 'level', ref: `${classify.id}.level`, kind: 'value' }] : [],
        ...(match ? { verdicts: match.id } : {}),
      },
    };
  },
  handles: { target: true, source: false },
};
