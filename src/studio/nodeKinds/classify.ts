import { defineMessages } from '../i18n/index.tsx';
import { ClassifyNodeView } from '../graph/nodeViews/ClassifyNodeView.tsx';
import { ClassifyInspector } from '../inspectors/classify/index.ts';
import { clientLevelScale, defaultNumberRef, evenBands } from './defaults.ts';
import type { NodeKindEntry } from './types.ts';

export const classifyEntry: NodeKindEntry<'classify'> = {
  kind: 'classify',
  icon: '▤',
  color: '#d1497b',
  label: defineMessages({
    'zh-CN': { name: '分级', hint: '分数区间映射到等级（如 C1–C5），并应用上限与下限' },
    en: { name: 'Classify', hint: 'Score bands to a level (e.g. C1–C5), with caps and floors' },
  }),
  NodeView: ClassifyNodeView,
  Inspector: ClassifyInspector,
  createDefault: (pack, id) => {
    const scale = clientLevelScale(pack);
    const levels = scale?.levels.map((l) => l.id) ?? ['C1'];
    return {
      id,
      kind: 'classify',
      position: { x: 0, y: 0 },
      config: {
        input: defaultNumberRef(pack),
        scale: scale?.id ?? 'levels',
        bands: evenBands(levels),
        caps: [],
        floors: [],
        rulesLimits: [],
      },
    };
  },
  handles: { target: true, source: true },
};
