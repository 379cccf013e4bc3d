import type { Command, CommandContext } from './types.ts';
import { EDITOR_TAB_REGISTRY, type EditorTabEntry } from '../app/editorTabs.ts';
import { selectRedoText, selectUndoText } from '../state/index.ts';

const inPack = (ctx: CommandContext) =>
  ctx.route.screen === 'pack' && ctx.studio.packStore.state.pack !== null;

/** Alt+1, Alt+2... go to the editor's tabs in registry order. */
function tabCommand(entry: EditorTabEntry, index: number): Command {
  const { id, label } = entry;
  return {
    id: `view.tab.${id}`,
    group: 'view',
    label: { 'zh-CN': `切换到“${label['zh-CN']}”标签`, en: `Go to the ${label.en} tab` },
    ...(index < 9 ? { shortcut: [`Alt+${index + 1}`] } : {}),
    enabled: (ctx) => ctx.route.screen === 'pack' && ctx.availableTabs.includes(id),
    perform: (ctx) => {
      if (ctx.route.screen === 'pack') ctx.navigate({ ...ctx.route, tab: id });
    },
  };
}

export const CORE_COMMANDS: Command[] = [
  {
    id: 'edit.undo',
    group: 'edit',
    label: { 'zh-CN': '撤销', en: 'Undo' },
    shortcut: ['Mod+Z'],
    enabled: (ctx) => inPack(ctx) && ctx.studio.packStore.state.history.undo.length > 0,
    detail: (ctx) => selectUndoText(ctx.studio.packStore.state),
    perform: (ctx) => void ctx.studio.packStore.undo(),
  },
  {
    id: 'edit.redo',
    group: 'edit',
    label: { 'zh-CN': '重做', en: 'Redo' },
    shortcut: ['Mod+Shift+Z', 'Ctrl+Y'],
    enabled: (ctx) => inPack(ctx) && ctx.studio.packStore.state.history.redo.length > 0,
    detail: (ctx) => selectRedoText(ctx.studio.packStore.state),
    perform: (ctx) => void ctx.studio.packStore.redo(),
  },
  {
    id: 'file.save',
    group: 'file',
    label: { 'zh-CN': '立即保存', en: 'Save now' },
    shortcut: ['Mod+S'],
    whileTyping: true,
    enabled: inPack,
    perform: (ctx) => ctx.studio.packStore.flush(),
  },
  {
    id: 'file.export',
    group: 'file',
    label: { 'zh-CN': '导出规则包文件', en: 'Export pack file' },
    shortcut: ['Mod+Shift+E'],
    whileTyping: true,
    enabled: inPack,
    perform: (ctx) => ctx.exportPack(),
  },
  {
    id: 'file.newPack',
    group: 'file',
    label: { 'zh-CN': '新建规则包…', en: 'New pack…' },
    perform: (ctx) => ctx.newPack(),
  },
  {
    id: 'file.import',
    group: 'file',
    label: { 'zh-CN': '导入规则包文件…', en: 'Import pack file…' },
    shortcut: ['Mod+O'],
    whileTyping: true,
    perform: (ctx) => ctx.importPack(),
  },
  {
    id: 'view.palette',
    group: 'view',
    label: { 'zh-CN': '命令面板', en: 'Command palette' },
    shortcut: ['Mod+K'],
    whileTyping: true,
    perform: (ctx) => ctx.openPalette(),
  },
  {
    id: 'view.workspace',
    group: 'view',
    label: { 'zh-CN': '返回工作区（规则包列表）', en: 'Back to the workspace (pack list)' },
    enabled: (ctx) => ctx.route.screen === 'pack',
    perform: (ctx) => ctx.navigate({ screen: 'workspace' }),
  },
  ...EDITOR_TAB_REGISTRY.map(tabCommand),
  {
    id: 'view.language',
    group: 'view',
    label: { 'zh-CN': '切换语言：English', en: 'Switch language: 中文' },
    perform: (ctx) => ctx.setLocale(ctx.locale === 'en' ? 'zh-CN' : 'en'),
  },
  {
    id: 'pack.reload',
    group: 'pack',
    label: {
      'zh-CN': '重新载入（放弃本页未保存的修改）',
      en: "Reload (discard this tab's unsaved edits)",
    },
    enabled: (ctx) => inPack(ctx) && ctx.studio.packStore.state.conflict !== null,
    perform: (ctx) => ctx.studio.packStore.reload(),
  },
  {
    id: 'pack.saveAsCopy',
    group: 'pack',
    label: { 'zh-CN': '另存为副本', en: 'Save as a copy' },
    enabled: inPack,
    perform: async (ctx) => {
      const key = await ctx.studio.packStore.saveAsCopy();
      if (key && ctx.route.screen === 'pack') ctx.navigate({ ...ctx.route, key });
    },
  },
];
