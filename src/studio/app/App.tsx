import { useCallback, useEffect, useMemo, useState } from 'react';
import { isGoverned } from '../../storage/index.ts';
import { COMMANDS, type CommandContext } from '../commands/index.ts';
import { CommandPalette } from '../commands/CommandPalette.tsx';
import { useShortcuts } from '../commands/useShortcuts.ts';
import { LocaleProvider, type UiLocale } from '../i18n/index.tsx';
import { StudioProvider, useStudio, type Studio } from '../state/index.ts';
import {
  LOCAL_WORKSPACE,
  WorkspaceUiProvider,
  useWorkspaceUi,
  type WorkspaceUi,
} from '../team/workspaceUi.tsx';
import { AVAILABLE_TABS } from './editorTabs.ts';
import { EditorScreen } from './EditorScreen.tsx';
import { NewPackDialog } from './NewPackDialog.tsx';
import { downloadPack } from './packFiles.ts';
import { TopBar } from './TopBar.tsx';
import { Toasts } from './Toasts.tsx';
import { usePackImport } from './usePackImport.ts';
import { usePackList } from './usePackList.ts';
import { useRoute } from './useRoute.ts';
import { Workspace } from './Workspace.tsx';

export const LOCALE_SETTING = 'locale';

function Shell(props: { locale: UiLocale; setLocale: (locale: UiLocale) => void }) {
  const { locale, setLocale } = props;
  const studio = useStudio();
  const { packStore } = studio;
  const [route, navigate] = useRoute();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [newPackOpen, setNewPackOpen] = useState(false);
  const { Workspace: WorkspaceScreen = Workspace } = useWorkspaceUi();
  const list = usePackList();
  const { refresh } = list;
  const onImported = useCallback(() => void refresh(), [refresh]);
  const {
    inputRef: importInputRef,
    open: openImport,
    onChange: onImportChange,
    failure: importFailure,
    dismiss: dismissImport,
  } = usePackImport(onImported);

  const ctx: CommandContext = useMemo(
    () => ({
      studio,
      route,
      navigate,
      locale,
      setLocale,
      availableTabs: AVAILABLE_TABS,
      openPalette: () => setPaletteOpen(true),
      newPack: () => setNewPackOpen(true),
      importPack: () => {
        navigate({ screen: 'workspace' });
        openImport();
      },
      exportPack: () => {
        const { pack } = packStore.state;
        if (!pack) return;
        downloadPack(pack);
        if (isGoverned(studio.storage)) void studio.storage.versions.recordExport(pack);
      },
    }),
    [studio, route, navigate, locale, setLocale, openImport, packStore],
  );
  useShortcuts(COMMANDS, ctx);

  // Leaving the editor saves what is pending and closes the pack.
  useEffect(() => {
    if (route.screen === 'workspace' && packStore.state.key !== null)
      void packStore.close().then(refresh);
  }, [route.screen, packStore, refresh]);

  // A hidden tab saves what is pending at once. A page going away also stashes, synchronously,
  // everything not yet committed (its save may never finish); browsers fire `visibilitychange`
  // before or after `pagehide`, and a save started by the first is in the stash all the same.
  useEffect(() => {
    const onHidden = () => void packStore.flush();
    const onUnload = () => packStore.stashUnsaved();
    window.addEventListener('pagehide', onUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', onUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [packStore]);

  return (
    <div className="app">
      <TopBar ctx={ctx} commands={COMMANDS} />
      {route.screen === 'workspace' ? (
        <WorkspaceScreen
          list={list}
          onOpen={(key) => navigate({ screen: 'pack', key, tab: AVAILABLE_TABS[0] ?? 'json' })}
          onImport={openImport}
          onNewPack={() => setNewPackOpen(true)}
          importFailure={importFailure}
          onDismissImport={dismissImport}
        />
      ) : (
        <EditorScreen route={route} tabs={AVAILABLE_TABS} navigate={navigate} />
      )}
      <input
        ref={importInputRef}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => void onImportChange(e)}
        data-testid="import-input"
      />
      {paletteOpen && (
        <CommandPalette commands={COMMANDS} ctx={ctx} onClose={() => setPaletteOpen(false)} />
      )}
      {newPackOpen && (
        <NewPackDialog
          onCancel={() => setNewPackOpen(false)}
          onCreated={(key) => {
            setNewPackOpen(false);
            void refresh();
            navigate({ screen: 'pack', key, tab: AVAILABLE_TABS[0] ?? 'json' });
          }}
        />
      )}
      <Toasts />
    </div>
  );
}

/**
 * The studio: storage and store from `main.tsx`, the UI language remembered in settings; the
 * local workspace unless `workspace` says otherwise (see src/studio/team).
 */
export function App(props: { studio: Studio; initialLocale: UiLocale; workspace?: WorkspaceUi }) {
  const { studio } = props;
  const [locale, setLocaleState] = useState(props.initialLocale);
  const setLocale = useCallback(
    (next: UiLocale) => {
      setLocaleState(next);
      void studio.storage.settings.set(LOCALE_SETTING, next);
    },
    [studio],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <StudioProvider studio={studio}>
      <WorkspaceUiProvider ui={props.workspace ?? LOCAL_WORKSPACE}>
        <LocaleProvider locale={locale} setLocale={setLocale}>
          <Shell locale={locale} setLocale={setLocale} />
        </LocaleProvider>
      </WorkspaceUiProvider>
    </StudioProvider>
  );
}
