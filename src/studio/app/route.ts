/** The editor's tabs; later ones (simulate, tests, population, versions) join this list. */
export const EDITOR_TABS = [
  'graph',
  'json',
  'simulate',
  'tests',
  'population',
  'monitoring',
  'versions',
  'settings',
] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

/**
 * What every tab's view gets: the open pack's key and a way to switch to another tab. Defined
 * here, not beside the tab registry, so that the tabs do not import the registry that loads them.
 */
export type EditorTabProps = { packKey: string; goTo: (tab: EditorTab) => void };

/** Where the studio is, kept in the URL hash so that a reload comes back to the same place. */
export type Route = { screen: 'workspace' } | { screen: 'pack'; key: string; tab: EditorTab };

export const WORKSPACE: Route = { screen: 'workspace' };

/** `#/pack/<key>/<tab>` or anything else for the workspace. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'pack' && parts[1]) {
    const tab = EDITOR_TABS.find((t) => t === parts[2]) ?? 'graph';
    return { screen: 'pack', key: parts[1], tab };
  }
  return WORKSPACE;
}

export function formatRoute(route: Route): string {
  return route.screen === 'workspace'
    ? '#/'
    : `#/pack/${encodeURIComponent(route.key)}/${route.tab}`;
}
