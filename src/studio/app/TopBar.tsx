import {
  UI_LOCALES,
  defineMessages,
  useLocalize,
  useMessages,
  type UiLocale,
} from '../i18n/index.tsx';
import {
  formatChord,
  isMacPlatform,
  isEnabled,
  type Command,
  type CommandContext,
} from '../commands/index.ts';
import { MenuBar } from '../commands/MenuBar.tsx';
import {
  selectCanRedo,
  selectCanUndo,
  selectRedoText,
  selectUndoText,
  selectSaveStatus,
  selectTitle,
  usePackState,
  type SaveStatus,
} from '../state/index.ts';
import { useWorkspaceUi } from '../team/workspaceUi.tsx';

const messages = defineMessages({
  'zh-CN': {
    brand: '适当性规则工作室',
    workspace: '工作区',
    idle: '',
    saved: '已保存',
    dirty: '有未保存的修改',
    saving: '正在保存…',
    queued: '离线：已存本机，待发送',
    conflict: '冲突：未保存',
    error: '保存失败',
    language: '界面语言',
    palette: '命令',
  },
  en: {
    brand: 'Suitability Studio',
    workspace: 'Workspace',
    idle: '',
    saved: 'Saved',
    dirty: 'Unsaved changes',
    saving: 'Saving…',
    queued: 'Offline: kept here, to send',
    conflict: 'Conflict: not saved',
    error: 'Save failed',
    language: 'Language',
    palette: 'Commands',
  },
});

const LOCALE_NAMES: Record<UiLocale, string> = { 'zh-CN': '中文', en: 'English' };

function CommandButton(props: { command: Command | undefined; ctx: CommandContext; icon: string }) {
  const { command, ctx, icon } = props;
  const localize = useLocalize();
  if (!command) return null;
  const shortcut = command.shortcut?.[0];
  const label = localize(command.label);
  const detail = command.detail?.(ctx);
  const full = detail ? `${label}: ${localize(detail)}` : label;
  const title = shortcut ? `${full} (${formatChord(shortcut, isMacPlatform())})` : full;
  return (
    <button
      className="btn btn-icon"
      title={title}
      aria-label={label}
      disabled={!isEnabled(command, ctx)}
      onClick={() => void command.perform(ctx)}
      data-command={command.id}
    >
      {icon}
    </button>
  );
}

export function TopBar(props: { ctx: CommandContext; commands: readonly Command[] }) {
  const { ctx, commands } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const title = usePackState(selectTitle);
  const status: SaveStatus = usePackState(selectSaveStatus);
  // Read so that the undo / redo buttons re-render when the stacks change.
  usePackState(selectCanUndo);
  usePackState(selectCanRedo);
  usePackState(selectUndoText);
  usePackState(selectRedoText);
  const byId = (id: string) => commands.find((c) => c.id === id);
  const inPack = ctx.route.screen === 'pack';
  const { Badge } = useWorkspaceUi();
  return (
    <header className="topbar">
      <button className="brand" onClick={() => ctx.navigate({ screen: 'workspace' })}>
        <img src="./favicon.svg" alt="" width="18" height="18" />
        <span>{t('brand')}</span>
      </button>
      <MenuBar commands={commands} ctx={ctx} />
      {inPack && (
        <>
          <span className="crumb-sep">/</span>
          <span className="pack-title" data-testid="pack-title">
            {localize(title)}
          </span>
          <span
            className={`save-status save-${status}`}
            data-testid="save-status"
            data-status={status}
          >
            {t(status)}
          </span>
          <div className="toolbar">
            <CommandButton command={byId('edit.undo')} ctx={ctx} icon="↶" />
            <CommandButton command={byId('edit.redo')} ctx={ctx} icon="↷" />
          </div>
        </>
      )}
      <div className="spacer" />
      <Badge />
      <button className="btn btn-ghost" onClick={ctx.openPalette} data-testid="open-palette">
        {t('palette')} <kbd className="kbd">{formatChord('Mod+K', isMacPlatform())}</kbd>
      </button>
      <label className="locale-switch">
        <span className="sr-only">{t('language')}</span>
        <select
          value={ctx.locale}
          onChange={(e) => ctx.setLocale(e.target.value as UiLocale)}
          aria-label={t('language')}
          data-testid="locale"
        >
          {UI_LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
