import { Dexie, type EntityTable } from 'dexie';

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

/**
 * Opens (lazily) the studio's database. Each schema version is declared once and kept forever;
 * a new version adds `db.version(n).stores({...}).upgrade(tx => ...)` below the last one, e.g.
 *
 *   db.version(2).stores({ audit: '++seq, key, at' }).upgrade(async (tx) => {
 *     await tx.table('packs').toCollection().modify((r) => { r.tags ??= []; });
 *   });
 */
export function openStudioDb(name: string = DEFAULT_DB_NAME): StudioDb {
  const db = new Dexie(name) as StudioDb;
  db.version(1).stores({
    packs: '&key, updatedAt, deletedAt',
    revisions: '++seq, key, [key+revision]',
    settings: '&name',
  });
  // Governance (versions, approvals, audit): new tables only, so there is nothing to upgrade.
  db.version(2).stores({
    audit: '&seq, packId, action',
    versions: '++id, key, [key+version]',
    users: '&id',
    keys: '&id',
  });
  return db;
}
