import { PGlite } from '@electric-sql/pglite';
import { channelName, joined, type Db, type Rows } from './types.ts';

type Runner = Pick<PGlite, 'query' | 'exec'>;

/**
 * Without parameters the simple protocol runs (several statements allowed, as with pg); with
 * parameters the extended one, which takes exactly one statement.
 */
async function run<R>(pg: Runner, sql: string, params: readonly unknown[]): Promise<Rows<R>> {
  if (params.length > 0) return { rows: (await pg.query<R>(sql, [...params])).rows };
  const results = await pg.exec(sql);
  return { rows: (results.at(-1)?.rows ?? []) as R[] };
}

/** Embedded PostgreSQL (WASM) in a data folder, or in memory when no folder is given. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const db: Db = {
    query: (sql, params = []) => run(pg, sql, params),
    transaction: (fn) =>
      pg.transaction((t) => fn(joined((sql, params = []) => run(t, sql, params), db))),
    listen: async (channel, onPayload) => {
      const stop = await pg.listen(channelName(channel), onPayload);
      return stop;
    },
    notify: async (channel, payload) => {
      await pg.query('SELECT pg_notify($1, $2)', [channelName(channel), payload]);
    },
    close: () => pg.close(),
  };
  return db;
}
