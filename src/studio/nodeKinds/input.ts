import { defineMessages } from '../i18n/index.tsx';
import { InputNodeView } from '../graph/nodeViews/InputNodeView.tsx';
import { InputInspector } from '../inspectors/io/index.ts';
import type { NodeKindEntry } from './types.ts';

export const inputEntry: NodeKindEntry<'input'> = {
  kind: 'input',
  icon: '⇥',
  color: '#64748b',
  label: defineMessages({
    'zh-CN': { name: '输入', hint: '客户信息、问卷答案、评估日期与发起方' },
    en: { name: 'Input', hint: 'Client facts, answers, assessment date and initiator' },
  }),
  NodeView: InputNodeView,
  Inspector: InputInspector,
  createDefault: (_pack, id) => ({ id, kind: 'input', config: {}, position: { x: 0, y: 0 } }),
  handles: { target: false, source: true },
};
