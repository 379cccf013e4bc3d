import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export type { Db, Migration, Rows } from './types.ts';
export { migrate } from './migrate.ts';

/**
 * PostgreSQL when a connection URL is given, else embedded PGlite in `dataDir` (in memory when
 * neither is given: tests).
 */
export function openDb(opts: { dataDir?: string; databaseUrl?: string }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}
