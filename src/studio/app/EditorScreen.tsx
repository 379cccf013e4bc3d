import { Suspense, useCallback, useEffect } from 'react';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { selectError, usePackState, useStudio } from '../state/index.ts';
import { useWorkspaceUi } from '../team/workspaceUi.tsx';
import { ConflictBanner } from './ConflictBanner.tsx';
import { EDITOR_TAB_REGISTRY, TAB_LABELS } from './editorTabs.ts';
import type { EditorTab, Route } from './route.ts';

const messages = defineMessages({
  'zh-CN': {
    loading: '正在载入…',
    back: '返回工作区',
    dismiss: '关闭',
  },
  en: {
    loading: 'Loading…',
    back: 'Back to the workspace',
    dismiss: 'Dismiss',
  },
});

/** One open pack: the conflict and error banners, the tab strip and the current tab. */
export function EditorScreen(props: {
  route: Extract<Route, { screen: 'pack' }>;
  tabs: readonly EditorTab[];
  navigate: (route: Route) => void;
}) {
  const { route, tabs, navigate } = props;
  const { packStore } = useStudio();
  const t = useMessages(messages);
  const localize = useLocalize();
  const key = usePackState((s) => s.key);
  const hasPack = usePackState((s) => s.pack !== null);
  const loading = usePackState((s) => s.loading);
  const error = usePackState(selectError);
  const { tabs: tabViews } = useWorkspaceUi();

  useEffect(() => {
    if (packStore.state.key !== route.key) void packStore.open(route.key);
  }, [packStore, route.key]);

  const tab = tabs.includes(route.tab) ? route.tab : (tabs[0] ?? 'json');
  const ready = key === route.key && hasPack;
  const View = tabViews?.[tab] ?? EDITOR_TAB_REGISTRY.find((entry) => entry.id === tab)?.Component;
  const goTo = useCallback((id: EditorTab) => navigate({ ...route, tab: id }), [navigate, route]);

  return (
    <main className="editor">
      <ConflictBanner
        onReload={() => void packStore.reload()}
        onSaveCopy={() =>
          void packStore.saveAsCopy().then((copy) => copy && navigate({ ...route, key: copy }))
        }
      />
      {error && (
        <div className="banner banner-error" role="alert" data-testid="editor-error">
          <span>{localize(error)}</span>
          {ready ? (
            <button className="btn btn-small" onClick={() => packStore.clearError()}>
              {t('dismiss')}
            </button>
          ) : (
            <button className="btn btn-small" onClick={() => navigate({ screen: 'workspace' })}>
              {t('back')}
            </button>
          )}
        </div>
      )}
      <nav className="tabs" role="tablist">
        {tabs.map((id) => (
          <button
            key={id}
            role="tab"
            aria-selected={id === tab}
            className={id === tab ? 'tab active' : 'tab'}
            onClick={() => navigate({ ...route, tab: id })}
            data-tab={id}
          >
            {localize(TAB_LABELS[id])}
          </button>
        ))}
      </nav>
      <section className="tab-panel" role="tabpanel">
        {!ready ? (
          loading && <p className="muted pad">{t('loading')}</p>
        ) : (
          <Suspense fallback={<p className="muted pad">{t('loading')}</p>}>
            {View && <View key={route.key} packKey={route.key} goTo={goTo} />}
          </Suspense>
        )}
      </section>
    </main>
  );
}
