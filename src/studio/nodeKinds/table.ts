import { lt } from '../../domain/index.ts';
import { defineMessages } from '../i18n/index.tsx';
import { TableNodeView } from '../graph/nodeViews/TableNodeView.tsx';
import { TableInspector } from '../inspectors/table/index.ts';
import { defaultNumberRef } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const tableEntry: NodeKindEntry<'table'> = {
  kind: 'table',
  icon: '▦',
  color: '#1f9d8a',
  label: defineMessages({
    'zh-CN': { name: '决策表', hint: 'DMN 决策表：输入列条件、输出列与命中策略' },
    en: { name: 'Decision table', hint: 'DMN table: input tests, outputs and a hit policy' },
  }),
  NodeView: TableNodeView,
  Inspector: TableInspector,
  createDefault: (pack, id) => ({
    id,
    kind: 'table',
    position: { x: 0, y: 0 },
    config: {
      hitPolicy: 'first',
      aggregation: 'list',
      inputs: [
        { id: 'in1', label: lt('输入', 'Input'), type: 'number', ref: defaultNumberRef(pack) },
      ],
      outputs: [{ id: 'out1', label: lt('结果', 'Result'), type: 'string' }],
      rows: [{ id: 'r1', inputs: ['-'], outputs: [''] }],
    },
  }),
  handles: { target: true, source: true },
};
