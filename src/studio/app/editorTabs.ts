import type { EditorTab } from './route.ts';

/**
 * The tabs the editor shows, in order. The graph tab joins when the graph editor is mounted;
 * simulate, tests, population and versions join as they are built.
 */
export const AVAILABLE_TABS: readonly EditorTab[] = ['json'];

export const TAB_LABELS: Record<EditorTab, { 'zh-CN': string; en: string }> = {
  graph: { 'zh-CN': '决策图', en: 'Graph' },
  json: { 'zh-CN': 'JSON', en: 'JSON' },
  simulate: { 'zh-CN': '模拟', en: 'Simulate' },
  tests: { 'zh-CN': '测试', en: 'Tests' },
  population: { 'zh-CN': '客群分析', en: 'Population' },
  versions: { 'zh-CN': '版本', en: 'Versions' },
};
