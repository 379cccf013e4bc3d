import { Dexie, type EntityTable } from 'dexie';
import type { RemotePackSummary } from './schemas.ts';

/** The last copy of a team pack this browser read or wrote, for working offline. */
export type CachedPackRecord = {
  id: string;
  /** Raw JSON, parsed with the pack schema on every read (as the local database does). */
  pack: unknown;
  revision: number;
  summary: RemotePackSummary;
};

/**
 * An edit not yet on the server: the whole pack as edited, and the server revision it was based
 * on (the PUT names it, so that nobody's save is overwritten). `conflict` is set once the server
 * refused it because someone saved first; the entry stays until the user chooses.
 */
export type OutboxRecord = {
  key: string;
  pack: unknown;
  baseRevision: number;
  queuedAt: string;
  conflict?: { revision: number; by: string | null };
};

export type TeamCacheDb = Dexie & {
  packs: EntityTable<CachedPackRecord, 'id'>;
  /** The workspace list as last read from the server. */
  list: EntityTable<RemotePackSummary, 'id'>;
  outbox: EntityTable<OutboxRecord, 'key'>;
};

/** One database per signed-in user: another user's queued edits are never sent in their name. */
export function teamCacheName(userId: string): string {
  return `suitability-team-${userId}`;
}

/** Versions as in src/storage/db.ts: entries are kept forever, a change is a new entry. */
const SCHEMA: readonly Record<string, string>[] = [{ packs: '&id', list: '&id', outbox: '&key' }];

export function openTeamCache(name: string): TeamCacheDb {
  const db = new Dexie(name) as TeamCacheDb;
  SCHEMA.forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
