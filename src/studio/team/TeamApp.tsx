import { useCallback, useEffect, useMemo, useState } from 'react';
import { validatePack } from '../../engine/index.ts';
import type { Storage } from '../../storage/index.ts';
import {
  AccountApi,
  ApiClient,
  Outbox,
  ReviewApi,
  TeamPackRepository,
  openTeamCache,
  teamCacheName,
  type Session,
  type SessionUser,
} from '../../storage/remote/index.ts';
import { App } from '../app/App.tsx';
import { showToast } from '../app/toasts.ts';
import { LocaleProvider, messageText, defineMessages, type UiLocale } from '../i18n/index.tsx';
import { PackStore, openTabChannel, webStorageStash } from '../state/index.ts';
import { AccountBar } from './AccountBar.tsx';
import { openServerEvents } from './serverEvents.ts';
import { LoginScreen, SetupScreen } from './SignIn.tsx';
import { teamChannel } from './teamChannel.ts';
import { TeamProvider, type Team } from './teamContext.tsx';
import { teamStash } from './teamStash.ts';
import { startTeamSync } from './teamSync.ts';
import { TeamVersionsTab } from './TeamVersionsTab.tsx';
import { TeamWorkspace } from './TeamWorkspace.tsx';
import type { WorkspaceUi } from './workspaceUi.tsx';

const messages = defineMessages({
  'zh-CN': {
    pushed: '已把 {count} 项离线修改发送到团队服务器',
    conflicts: '{packs} 的离线修改遇到他人更新的修订：修改保留在本机，打开规则包以选择',
    loading: '正在打开团队工作区…',
  },
  en: {
    pushed: 'Sent {count} offline edits to the team server',
    conflicts:
      'The offline edits to {packs} met a newer revision by someone else: they are kept here; open the pack to choose',
    loading: 'Opening the team workspace…',
  },
});

type Opened = { team: Team; studio: { storage: Storage; packStore: PackStore }; close: () => void };

/** Everything of one signed-in user's workspace; its cache and outbox are theirs alone. */
async function openTeam(
  user: SessionUser,
  api: ApiClient,
  accounts: AccountApi,
  storage: Storage,
  signOut: () => Promise<void>,
): Promise<Opened> {
  const cache = openTeamCache(teamCacheName(user.id));
  const outbox = new Outbox(cache);
  await outbox.load();
  const packs = new TeamPackRepository(api, cache, outbox);
  const events = openServerEvents(() => new EventSource('/api/events'));
  const tabs = openTabChannel(`suitability-team-${user.id}`);
  const packStore = new PackStore({
    packs,
    channel: teamChannel(tabs, events, packs),
    tabId: crypto.randomUUID(),
    validate: validatePack,
    stash: teamStash(webStorageStash(localStorage, `suitability-team:${user.id}:unsaved:`), outbox),
  });
  const sync = startTeamSync({
    events,
    packs,
    packStore,
    onReport: (report) => {
      if (report.pushed.length > 0)
        showToast({
          kind: 'info',
          message: messageText(messages, 'pushed', { count: report.pushed.length }),
        });
      if (report.conflicts.length > 0)
        showToast({
          kind: 'error',
          message: messageText(messages, 'conflicts', { packs: report.conflicts.join(', ') }),
        });
      for (const { error } of report.refused)
        showToast({ kind: 'error', message: error.localized });
    },
    onError: (message) => showToast({ kind: 'error', message }),
  });
  const team: Team = {
    user,
    accounts,
    packs,
    review: new ReviewApi(api),
    events,
    sync: sync.state,
    signOut,
  };
  return {
    team,
    studio: { storage, packStore },
    close: () => {
      sync.stop();
      events.close();
      packStore.dispose();
      tabs.close();
      cache.close();
    },
  };
}

const TEAM_UI: WorkspaceUi = {
  kind: 'team',
  Badge: AccountBar,
  Workspace: TeamWorkspace,
  tabs: { versions: TeamVersionsTab },
};

function SignedIn(props: {
  user: SessionUser;
  api: ApiClient;
  accounts: AccountApi;
  storage: Storage;
  locale: UiLocale;
  signOut: () => Promise<void>;
}) {
  const { user, api, accounts, storage, signOut } = props;
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let current: Opened | null = null;
    openTeam(user, api, accounts, storage, signOut).then(
      (o) => {
        if (live) {
          current = o;
          setOpened(o);
        } else o.close();
      },
      (e: unknown) => live && setFailure(String(e)),
    );
    return () => {
      live = false;
      current?.close();
    };
  }, [user, api, accounts, storage, signOut]);
  const ui = useMemo(
    () =>
      opened
        ? {
            ...TEAM_UI,
            createPack: (pack: Parameters<NonNullable<WorkspaceUi['createPack']>>[0]) =>
              opened.team.packs.create(pack),
            templates: {
              list: async () => (await opened.team.packs.list()).packs,
              get: async (key: string) => (await opened.team.packs.get(key)).pack,
            },
          }
        : null,
    [opened],
  );
  if (failure) return <p className="pad error-text">{failure}</p>;
  if (!opened || !ui) return <p className="pad muted">{messages[props.locale].loading}</p>;
  return (
    <TeamProvider value={opened.team}>
      <App studio={opened.studio} initialLocale={props.locale} workspace={ui} />
    </TeamProvider>
  );
}

/**
 * The studio served by a team server: the first administrator's setup, sign-in, then the
 * signed-in user's workspace. A session that ends (expired, revoked) comes back to sign-in;
 * edits not yet sent stay in that user's outbox.
 */
export function TeamApp(props: {
  session: Session;
  api: ApiClient;
  initialLocale: UiLocale;
  storage: Storage;
}) {
  const { api } = props;
  const [session, setSession] = useState(props.session);
  const [locale, setLocale] = useState(props.initialLocale);
  const accounts = useMemo(() => new AccountApi(api), [api]);
  const recheck = useCallback(async () => {
    try {
      setSession(await accounts.session());
    } catch {
      // Offline: the session stays as it is; the workspace says the server is out of reach.
    }
  }, [accounts]);
  useEffect(() => api.whenSignedOut(() => void recheck()), [api, recheck]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // The workspace closes first (its event stream and requests), so that nothing of it asks the
  // server after the session has ended.
  const signOut = useCallback(async () => {
    setSession((s) => ({ ...s, user: null }));
    await accounts.logout().catch(() => {});
    await recheck();
  }, [accounts, recheck]);

  const { user } = session;
  if (user)
    return (
      <SignedIn
        key={user.id}
        user={user}
        api={api}
        accounts={accounts}
        storage={props.storage}
        locale={locale}
        signOut={signOut}
      />
    );
  return (
    <LocaleProvider locale={locale} setLocale={setLocale}>
      {session.setupRequired ? (
        <SetupScreen accounts={accounts} onSignedIn={setSession} />
      ) : (
        <LoginScreen accounts={accounts} onSignedIn={setSession} sso={session.oidc ?? null} />
      )}
    </LocaleProvider>
  );
}
