import type { EditorTab } from './route.ts';

/**
 * The tabs the editor shows, in order; simulate, tests, population and versions join this list
 * as they are built (and get a view in EditorScreen).
 */
export const AVAILABLE_TABS: readonly EditorTab[] = ['graph', 'json'];

export const TAB_LABELS: Record<EditorTab, { 'zh-CN': string; en: string }> = {
  graph: { 'zh-CN': '决策图', en: 'Graph' },
  json: { 'zh-CN': 'JSON', en: 'JSON' },
  simulate: { 'zh-CN': '模拟', en: 'Simulate' },
  tests: { 'zh-CN': '测试', en: 'Tests' },
  population: { 'zh-CN': '客群分析', en: 'Population' },
  versions: { 'zh-CN': '版本', en: 'Versions' },
};
