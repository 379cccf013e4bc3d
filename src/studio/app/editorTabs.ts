import { lazy, type ComponentType } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import type { EditorTab, EditorTabProps } from './route.ts';

/** One tab of the editor: adding a tab is adding an entry to EDITOR_TAB_REGISTRY, nothing else. */
export type EditorTabEntry = {
  id: EditorTab;
  label: LocalizedText;
  Component: ComponentType<EditorTabProps>;
};

export const TAB_LABELS: Record<EditorTab, LocalizedText> = {
  graph: { 'zh-CN': '决策图', en: 'Graph' },
  json: { 'zh-CN': 'JSON', en: 'JSON' },
  simulate: { 'zh-CN': '模拟', en: 'Simulate' },
  tests: { 'zh-CN': '测试', en: 'Tests' },
  population: { 'zh-CN': '客群分析', en: 'Population' },
  monitoring: { 'zh-CN': '监控', en: 'Monitoring' },
  versions: { 'zh-CN': '版本', en: 'Versions' },
  settings: { 'zh-CN': '规则包设置', en: 'Pack settings' },
};

// Each view loads with its tab, not with the shell: Monaco and React Flow are large.
const tab = (id: EditorTab, Component: ComponentType<EditorTabProps>): EditorTabEntry => ({
  id,
  label: TAB_LABELS[id],
  Component,
});

/** The tabs the editor shows, in order. */
export const EDITOR_TAB_REGISTRY: readonly EditorTabEntry[] = [
  tab(
    'graph',
    lazy(() => import('./GraphTab.tsx')),
  ),
  tab(
    'json',
    lazy(() => import('../json/JsonView.tsx')),
  ),
  tab(
    'simulate',
    lazy(() => import('../simulate/SimulateTab.tsx')),
  ),
  tab(
    'tests',
    lazy(() => import('../testcases/TestsTab.tsx')),
  ),
  tab(
    'population',
    lazy(() => import('../population/PopulationTab.tsx')),
  ),
  tab(
    'monitoring',
    lazy(() => import('../monitoring/MonitoringTab.tsx')),
  ),
  tab(
    'versions',
    lazy(() => import('../versions/VersionsTab.tsx')),
  ),
  tab(
    'settings',
    lazy(() => import('../settings/SettingsTab.tsx')),
  ),
];

export const AVAILABLE_TABS: readonly EditorTab[] = EDITOR_TAB_REGISTRY.map((t) => t.id);
