import { z } from 'zod';
import { parsePack, type Pack } from '../../domain/index.ts';

/**
 * Everything of one pack that was not yet committed to the database when the page went away,
 * and what it was based on.
 */
export type Unsaved = {
  key: string;
  /** The stored revision `pack` is based on. */
  revision: number;
  /** The pack with every applied edit. */
  pack: Pack;
  /**
   * The pack whose save was under way: that save may have been committed (as `revision + 1`)
   * after the page stopped running, so the next open must not take it for another tab's save.
   */
  writing?: Pack;
  /** Text the JSON view held that does not parse (or was refused): kept as typed. */
  text?: string;
};

/**
 * A synchronous place for what is not yet stored: IndexedDB writes started while a page unloads
 * may never finish, so the store puts it here on `pagehide` and takes it back when the pack is
 * opened again.
 */
export type UnsavedStash = {
  /** Stores the entry as written by tab `tab` (over any other entry of the pack). */
  put(entry: Unsaved, tab: string): void;
  /** Reads the pack's entry and removes it: whoever takes it keeps it from then on. */
  take(key: string): Unsaved | undefined;
  /** Removes the pack's entry if tab `tab` wrote it: another tab's edits are not its to drop. */
  remove(key: string, tab: string): void;
};

const EntrySchema = z.object({
  tab: z.string().optional(),
  key: z.string(),
  revision: z.number().int(),
  pack: z.unknown(),
  // `true`: the pack being written is `pack` itself (the usual case, not stored twice).
  writing: z.unknown().optional(),
  text: z.string().optional(),
});

/** Reads an entry back, parsing the packs like anything else read from storage. */
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
  const { key, revision, writing, text } = entry.data;
  const pack = parsePack(entry.data.pack);
  if (!pack.ok) return undefined;
  const written = writing === undefined || writing === true ? undefined : parsePack(writing);
  if (written && !written.ok) return undefined;
  return {
    key,
    revision,
    pack: pack.pack,
    ...(writing === true ? { writing: pack.pack } : written ? { writing: written.pack } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}

// The writer comes first, so that `remove` can tell it without parsing a whole pack.
const writtenBy = (tab: string) => `{"tab":${JSON.stringify(tab)},`;

function writeEntry(entry: Unsaved, tab: string): string {
  const { writing, ...rest } = entry;
  const compact = writing === entry.pack ? true : writing;
  return JSON.stringify({ tab, ...rest, ...(compact !== undefined ? { writing: compact } : {}) });
}

/** The stash in a Web Storage area (localStorage in the studio, a Map in tests). */
export function webStorageStash(
  area: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  prefix = 'suitability-studio:unsaved:',
): UnsavedStash {
  return {
    put(entry, tab) {
      try {
        area.setItem(prefix + entry.key, writeEntry(entry, tab));
      } catch {
        // Full or unavailable: the asynchronous save still runs, this is only the backstop. An
        // older entry must not come back in its place: the edits it holds are in this one too.
        try {
          area.removeItem(prefix + entry.key);
        } catch {
          // Unavailable altogether: nothing was kept before either.
        }
      }
    },
    take(key) {
      const raw = area.getItem(prefix + key);
      if (raw !== null) area.removeItem(prefix + key);
      return readEntry(raw);
    },
    remove(key, tab) {
      if (area.getItem(prefix + key)?.startsWith(writtenBy(tab))) area.removeItem(prefix + key);
    },
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
