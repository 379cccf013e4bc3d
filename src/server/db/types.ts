/** A row set: what every query returns, whichever database runs it. */
export type Rows<R> = { rows: R[] };

/**
 * The database as the server uses it: parameterised SQL (`$1`, `$2`, ...; never concatenated),
 * transactions, and LISTEN/NOTIFY. Two adapters implement it: embedded PGlite and PostgreSQL.
 */
export interface Db {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Rows<R>>;
  /** Runs fn in one transaction (BEGIN/COMMIT/ROLLBACK); nested calls reuse the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** LISTEN/NOTIFY (PGlite and pg both support it). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Inside a transaction the notification is delivered when it commits. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** One forward-only schema step; ids sort in the order they run (`0001_accounts`). */
export interface Migration {
  id: string;
  sql: string;
}

/** Channel names are identifiers in LISTEN, which takes no parameter: only plain names pass. */
export function channelName(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  return channel;
}

/** A transaction handle whose nested `transaction` calls join it. */
export function joined(query: Db['query'], outer: Pick<Db, 'listen' | 'close'>): Db {
  const tx: Db = {
    query,
    transaction: (fn) => fn(tx),
    listen: outer.listen,
    notify: async (channel, payload) => {
      await query('SELECT pg_notify($1, $2)', [channelName(channel), payload]);
    },
    close: outer.close,
  };
  return tx;
}
