import { Dexie, type EntityTable, type Transaction } from 'dexie';

/** A pack as stored: the document is kept as raw JSON and parsed with the schema on every read. */
export type PackRecord = {
  /** Storage key, fixed for the record's life (the pack's id may be edited inside the document). */
  key: string;
  pack: unknown;
  /** Starts at 1, +1 on every save; the optimistic concurrency check compares it. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** Set when deleted: the record stays so that the delete can be undone. */
  deletedAt?: string;
};

export type RevisionRecord = {
  seq?: number;
  key: string;
  revision: number;
  pack: unknown;
  savedAt: string;
};

export type SettingRecord = { name: string; value: unknown };

export type StudioDb = Dexie & {
  packs: EntityTable<PackRecord, 'key'>;
  revisions: EntityTable<RevisionRecord, 'seq'>;
  settings: EntityTable<SettingRecord, 'name'>;
};

export const DEFAULT_DB_NAME = 'suitability-studio';

type SchemaVersion = {
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

/**
 * The stores of each schema version (version n at index n - 1), kept forever. A new version is a
 * new entry with only what changes; one that must rewrite records gives an `upgrade`, e.g.
 *
 *   { stores: { packs: '&key, updatedAt, deletedAt, tags' },
 *     upgrade: (tx) => tx.table('packs').toCollection().modify((r) => { r.tags ??= []; }) }
 */
const SCHEMA: readonly SchemaVersion[] = [
  {
    stores: {
      packs: '&key, updatedAt, deletedAt',
      revisions: '++seq, key, [key+revision]',
      settings: '&name',
    },
  },
  // Governance (versions, approvals, audit): new tables only, so there is nothing to upgrade.
  {
    stores: {
      audit: '&seq, packId, action',
      versions: '++id, key, [key+version]',
      users: '&id',
      keys: '&id',
    },
  },
  // Retention reads when each revision was saved, and which revisions versions were taken from,
  // from the indexes alone: a revision's document (~100 KB) is never loaded to decide its fate.
  // IndexedDB builds the new indexes over the stored records; nothing to upgrade by hand.
  {
    stores: {
      revisions: '++seq, key, [key+revision], [key+revision+savedAt]',
      versions: '++id, key, [key+version], [key+revision+kind]',
    },
  },
];

/** The latest schema version; tests open an older one to check that an upgrade keeps the data. */
export const DB_VERSION = SCHEMA.length;

/** Opens (lazily) the studio's database, at the latest schema version unless told otherwise. */
export function openStudioDb(name: string = DEFAULT_DB_NAME, upTo: number = DB_VERSION): StudioDb {
  const db = new Dexie(name) as StudioDb;
  SCHEMA.slice(0, upTo).forEach(({ stores, upgrade }, i) => {
    const version = db.version(i + 1).stores(stores);
    if (upgrade) version.upgrade(upgrade);
  });
  return db;
}
