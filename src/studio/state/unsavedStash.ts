import { z } from 'zod';
import { parsePack, type Pack } from '../../domain/index.ts';

/** Edits not yet in the database when the page went away, and the revision they were based on. */
export type Unsaved = { key: string; revision: number; pack: Pack };

/**
 * A synchronous place for the last unsaved edit: IndexedDB writes started while a page unloads
 * may never finish, so the store puts what is pending here on `pagehide` and takes it back when
 * the pack is opened again.
 */
export type UnsavedStash = {
  put(entry: Unsaved): void;
  take(key: string): Unsaved | undefined;
  remove(key: string): void;
};

const EntrySchema = z.object({ key: z.string(), revision: z.number().int(), pack: z.unknown() });

/** Reads an entry back, parsing the pack like anything else read from storage. */
function readEntry(raw: string | null): Unsaved | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const entry = EntrySchema.safeParse(value);
  if (!entry.success) return undefined;
  const pack = parsePack(entry.data.pack);
  return pack.ok
    ? { key: entry.data.key, revision: entry.data.revision, pack: pack.pack }
    : undefined;
}

/** The stash in a Web Storage area (localStorage in the studio, a Map in tests). */
export function webStorageStash(
  area: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  prefix = 'suitability-studio:unsaved:',
): UnsavedStash {
  return {
    put(entry) {
      try {
        area.setItem(prefix + entry.key, JSON.stringify(entry));
      } catch {
        // Full or unavailable: the asynchronous save still runs, this is only the backstop.
      }
    },
    take: (key) => readEntry(area.getItem(prefix + key)),
    remove: (key) => area.removeItem(prefix + key),
  };
}

/** A stash in memory, for tests. */
export function memoryStash(): UnsavedStash {
  const items = new Map<string, string>();
  return webStorageStash({
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  });
}
