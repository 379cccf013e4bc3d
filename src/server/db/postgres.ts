import pg from 'pg';
import { channelName, joined, type Db } from './types.ts';

/** PostgreSQL through node-postgres: a pool for queries, one extra connection per LISTEN. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  const listeners = new Set<pg.Client>();
  const db: Db = {
    query: async (sql, params = []) => {
      const result = await pool.query(sql, [...params]);
      return { rows: result.rows };
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx = joined(async (sql, params = []) => {
          const result = await client.query(sql, [...params]);
          return { rows: result.rows };
        }, db);
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onPayload) => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      client.on('error', () => undefined);
      await client.query(`LISTEN ${channelName(channel)}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end();
      };
    },
    notify: async (channel, payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [channelName(channel), payload]);
    },
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end()));
      listeners.clear();
      await pool.end();
    },
  };
  // Fail at start, not at the first request, when the database cannot be reached.
  await db.query('SELECT 1');
  return db;
}
