import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { validatePack } from '../engine/index.ts';
import { openGovernedStorage, seedStarterPacks, toStorageError } from '../storage/index.ts';
import { App, LOCALE_SETTING } from './app/App.tsx';
import { STARTER_PACKS } from './app/starterPacks.ts';
import { showToast } from './app/toasts.ts';
import { UI_LOCALES, detectLocale } from './i18n/index.tsx';
import { PackStore, openTabChannel, webStorageStash } from './state/index.ts';
import './styles/app.css';

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
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App studio={{ storage, packStore }} initialLocale={initialLocale} />
    </StrictMode>,
  );
}

void start();
