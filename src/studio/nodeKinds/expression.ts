import { defineMessages } from '../i18n/index.tsx';
import { ExpressionNodeView } from '../graph/nodeViews/ExpressionNodeView.tsx';
import { ExpressionInspector } from '../inspectors/expression/index.ts';
import { defaultNumberRef } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const expressionEntry: NodeKindEntry<'expression'> = {
  kind: 'expression',
  icon: 'ƒ',
  color: '#8a6d1f',
  label: defineMessages({
    'zh-CN': { name: 'FEEL 表达式', hint: 'DMN 文字表达式（S-FEEL）：算术、比较、字符串' },
    en: {
      name: 'FEEL expression',
      hint: 'DMN literal expression (S-FEEL): arithmetic, comparisons, text',
    },
  }),
  NodeView: ExpressionNodeView,
  Inspector: ExpressionInspector,
  createDefault: (pack, id) => ({
    id,
    kind: 'expression',
    position: { x: 0, y: 0 },
    config: {
      expression: 'x * 1',
      type: 'number',
      names: [{ name: 'x', ref: defaultNumberRef(pack) }],
      functions: [],
    },
  }),
  handles: { target: true, source: true },
};
