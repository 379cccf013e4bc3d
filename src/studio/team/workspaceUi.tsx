import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { ImportFailure } from '../app/ImportErrors.tsx';
import type { EditorTab, EditorTabProps } from '../app/route.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';

/** A pack offered as a template: what the new pack dialog lists. */
export type TemplateRow = { key: string; id: string; title: LocalizedText };

/** Where templates come from: the local database, or the team's server. */
export type PackSource = {
  list: () => Promise<TemplateRow[]>;
  get: (key: string) => Promise<Pack>;
};

export type WorkspaceScreenProps = {
  onOpen: (key: string) => void;
  onImport: () => void;
  /** Opens the new pack dialog. */
  onNewPack: () => void;
  importFailure: ImportFailure | null;
  onDismissImport: () => void;
};

/**
 * What differs between the two ways to work. The local workspace (the static studio, everything
 * in this browser) is the default; the team workspace (`suitability serve`) replaces the pack
 * list, the import, the versions tab, and says who is signed in.
 */
export type WorkspaceUi = {
  kind: 'local' | 'team';
  /** At the right of the top bar: which workspace this is (and, in a team, who is signed in). */
  Badge: ComponentType;
  /** The pack list, in place of the local one. */
  Workspace?: ComponentType<WorkspaceScreenProps>;
  /** Where an imported pack file goes, in place of the local database. */
  createPack?: (pack: Pack) => Promise<{ key: string }>;
  /** The packs a new pack may start from, in place of the local database's. */
  templates?: PackSource;
  /** Editor tabs whose view differs. */
  tabs?: Partial<Record<EditorTab, ComponentType<EditorTabProps>>>;
};

const messages = defineMessages({
  'zh-CN': {
    local: '本地工作区',
    localHint: '规则包只保存在本浏览器中（IndexedDB），没有服务器，也不与他人共享',
  },
  en: {
    local: 'Local workspace',
    localHint: 'Packs are kept in this browser only (IndexedDB): no server, not shared',
  },
});

function LocalBadge() {
  const t = useMessages(messages);
  return (
    <span
      className="workspace-badge workspace-local"
      title={t('localHint')}
      data-testid="workspace-kind"
      data-kind="local"
    >
      {t('local')}
    </span>
  );
}

export const LOCAL_WORKSPACE: WorkspaceUi = { kind: 'local', Badge: LocalBadge };

const WorkspaceUiContext = createContext<WorkspaceUi>(LOCAL_WORKSPACE);

export function WorkspaceUiProvider(props: { ui: WorkspaceUi; children: ReactNode }) {
  return (
    <WorkspaceUiContext.Provider value={props.ui}>{props.children}</WorkspaceUiContext.Provider>
  );
}

export function useWorkspaceUi(): WorkspaceUi {
  return useContext(WorkspaceUiContext);
}
