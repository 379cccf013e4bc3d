import { parsePack } from '../../domain/index.ts';
import type { Outbox } from '../../storage/remote/index.ts';
import type { Unsaved, UnsavedStash } from '../state/index.ts';

/**
 * The editor's stash in a team: what a page left unsaved (as in the local workspace) and, failing
 * that, the edit the outbox still holds for the pack. Opening the pack takes the outbox's entry
 * like a stash entry: over the same server revision it comes back as unsaved edits (and is sent
 * by the next save), over a newer one as the conflict banner. Nothing queued is dropped unseen.
 */
export function teamStash(page: UnsavedStash, outbox: Outbox): UnsavedStash {
  return {
    put: (entry, tab) => page.put(entry, tab),
    remove: (key, tab) => page.remove(key, tab),
    take(key): Unsaved | undefined {
      const left = page.take(key);
      const queued = outbox.take(key);
      // The page's entry is the newer: it was kept from an editor that held the queued edit.
      if (left) return left;
      if (!queued) return undefined;
      const pack = parsePack(queued.pack, key);
      return pack.ok ? { key, revision: queued.baseRevision, pack: pack.pack } : undefined;
    },
  };
}
