import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { validatePack } from '../engine/index.ts';
import {
  openGovernedStorage,
  openStorage,
  seedStarterPacks,
  toStorageError,
} from '../storage/index.ts';
import { ApiClient, probeTeamServer, type Session } from '../storage/remote/index.ts';
import { App, LOCALE_SETTING } from './app/App.tsx';
import { STARTER_PACKS } from './app/starterPacks.ts';
import { showToast } from './app/toasts.ts';
import { UI_LOCALES, detectLocale } from './i18n/index.tsx';
import { PackStore, openTabChannel, webStorageStash } from './state/index.ts';
import { TeamApp } from './team/TeamApp.tsx';
import './styles/app.css';
import './team/team.css';

function root(): HTMLElement {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  return element;
}

/** Served by `suitability serve`: the team workspace (this browser keeps only its settings). */
async function startTeam(session: Session): Promise<void> {
  const storage = openStorage();
  const api = new ApiClient({
    fetch: (url, init) => fetch(url, init),
    language: () => document.documentElement.lang || 'zh-CN',
  });
  api.setCsrfToken(session.csrfToken);
  let initialLocale = detectLocale(navigator.languages);
  try {
    initialLocale =
      (await storage.settings.get(LOCALE_SETTING, z.enum(UI_LOCALES))) ?? initialLocale;
  } catch (e) {
    showToast({ kind: 'error', message: toStorageError(e, LOCALE_SETTING).localized });
  }
  createRoot(root()).render(
    <StrictMode>
      <TeamApp session={session} api={api} initialLocale={initialLocale} storage={storage} />
    </StrictMode>,
  );
}

/** The local workspace: the static studio, everything in this browser's IndexedDB. */
async function start(): Promise<void> {
  const storage = openGovernedStorage();
  const channel = openTabChannel();
  const packStore = new PackStore({
    packs: storage.packs,
    channel,
    tabId: crypto.randomUUID(),
    validate: validatePack,
    stash: webStorageStash(localStorage),
  });
  let initialLocale = detectLocale(navigator.languages);
  try {
    initialLocale =
      (await storage.settings.get(LOCALE_SETTING, z.enum(UI_LOCALES))) ?? initialLocale;
    await storage.users.load();
    const seeded = await seedStarterPacks(storage.packs, storage.settings, STARTER_PACKS);
    for (const { message } of seeded.rejected) showToast({ kind: 'error', message });
  } catch (e) {
    showToast({ kind: 'error', message: toStorageError(e, 'starter packs').localized });
  }
  createRoot(root()).render(
    <StrictMode>
      <App studio={{ storage, packStore }} initialLocale={initialLocale} />
    </StrictMode>,
  );
}

// A team server answers its session; a static host (or none) leaves the local workspace.
void probeTeamServer((url, init) => fetch(url, init)).then((session) =>
  session ? startTeam(session) : start(),
);
