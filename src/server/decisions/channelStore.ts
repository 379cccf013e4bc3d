import { randomBytes } from 'node:crypto';
import type { Db, Migration } from '../db/index.ts';
import { hashKey, type Channel } from './channels.ts';

/** Tells every server process on the database that the channel list changed. */
export const CHANNELS_CHANGED = 'decision_channels_changed';

/**
 * Channels of the workspace (admin-made keys) and the errors they met, per day. A revoked
 * channel stays, so its records keep naming it and its id is never given to another.
 */
export const CHANNEL_MIGRATION: Migration = {
  id: '0101_decision_channels',
  sql: `
CREATE TABLE decision_channels (
  id text PRIMARY KEY,
  key_hash text NOT NULL UNIQUE,
  packs jsonb NOT NULL,
  rate_per_second integer NOT NULL CHECK (rate_per_second > 0),
  audit boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  revoked_at timestamptz,
  revoked_by text
);
CREATE TABLE decision_channel_errors (
  day date NOT NULL,
  channel text NOT NULL,
  code text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (day, channel, code)
);`,
};

type ChannelRow = {
  id: string;
  key_hash: string;
  packs: string[];
  rate_per_second: number;
  audit: boolean;
  created_at: Date | string;
  created_by: string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
};

export type ChannelInfo = {
  id: string;
  packs: string[];
  ratePerSecond: number;
  audit: boolean;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();

const infoOf = (r: ChannelRow): ChannelInfo => ({
  id: r.id,
  packs: r.packs,
  ratePerSecond: r.rate_per_second,
  audit: r.audit,
  createdAt: iso(r.created_at),
  createdBy: r.created_by,
  revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  revokedBy: r.revoked_by,
});

export async function listChannels(db: Pick<Db, 'query'>): Promise<ChannelInfo[]> {
  const { rows } = await db.query<ChannelRow>('SELECT * FROM decision_channels ORDER BY id');
  return rows.map(infoOf);
}

/** The channels that may call, as the gate takes them. */
export async function activeChannels(db: Pick<Db, 'query'>): Promise<Channel[]> {
  const { rows } = await db.query<ChannelRow>(
    'SELECT * FROM decision_channels WHERE revoked_at IS NULL',
  );
  return rows.map((r) => ({
    id: r.id,
    keyHash: r.key_hash,
    packs: r.packs,
    ratePerSecond: r.rate_per_second,
    audit: r.audit,
  }));
}

export type NewChannel = { id: string; packs: string[]; ratePerSecond: number; audit: boolean };

/** Makes a channel and its key; the key is returned here once and only its hash is kept. */
export async function createChannel(
  tx: Pick<Db, 'query'>,
  c: NewChannel,
  by: string,
  at: Date,
): Promise<{ channel: ChannelInfo; key: string } | undefined> {
  const key = `sk_${randomBytes(32).toString('base64url')}`;
  const { rows } = await tx.query<ChannelRow>(
    `INSERT INTO decision_channels (id, key_hash, packs, rate_per_second, audit, created_at, created_by)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [c.id, hashKey(key), JSON.stringify(c.packs), c.ratePerSecond, c.audit, at.toISOString(), by],
  );
  return rows[0] && { channel: infoOf(rows[0]), key };
}

/** Revokes a channel; undefined when there is none, the row unchanged when already revoked. */
export async function revokeChannel(
  tx: Pick<Db, 'query'>,
  id: string,
  by: string,
  at: Date,
): Promise<ChannelInfo | undefined> {
  const { rows } = await tx.query<ChannelRow>(
    `UPDATE decision_channels SET revoked_at = coalesce(revoked_at, $2), revoked_by = coalesce(revoked_by, $3)
      WHERE id = $1 RETURNING *`,
    [id, at.toISOString(), by],
  );
  return rows[0] && infoOf(rows[0]);
}

/**
 * Errors counted in memory and added to the day's totals every few seconds, in one statement:
 * counting each refused request with its own write would let bad traffic slow good traffic.
 */
export class ErrorTally {
  private counts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Pick<Db, 'query'>,
    private readonly now: () => Date,
    everyMs = 5000,
  ) {
    if (everyMs > 0) {
      this.timer = setInterval(() => void this.flush().catch(() => undefined), everyMs);
      this.timer.unref();
    }
  }

  add(channel: string, code: string): void {
    const key = `${this.now().toISOString().slice(0, 10)}\u0000${channel}\u0000${code}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private last: Promise<void> = Promise.resolve();

  /** Writes the counts so far; a flush waits for the one before, so a reader sees them all. */
  flush(): Promise<void> {
    const next = this.last.catch(() => undefined).then(() => this.write());
    this.last = next;
    return next;
  }

  private async write(): Promise<void> {
    if (this.counts.size === 0) return;
    const counts = this.counts;
    this.counts = new Map();
    const parts = [...counts.keys()].map((k) => k.split('\u0000'));
    await this.db.query(
      `INSERT INTO decision_channel_errors (day, channel, code, n)
       SELECT t.day::date, t.channel, t.code, t.n
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS t(day, channel, code, n)
       ON CONFLICT (day, channel, code) DO UPDATE SET n = decision_channel_errors.n + excluded.n`,
      [
        parts.map((p) => p[0]),
        parts.map((p) => p[1]),
        parts.map((p) => p[2]),
        [...counts.values()],
      ],
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

export type ChannelDay = {
  day: string;
  decisions: number;
  errors: number;
  /** Product verdicts of the day's decisions: `allowed`, `warn`, `prohibited` -> count. */
  verdicts: Record<string, number>;
};

export type ChannelStats = {
  channel: string;
  days: ChannelDay[];
  decisions: number;
  errors: number;
  /** Errors over all requests (decisions + errors); 0 when there were none. */
  errorRate: number;
  verdicts: Record<string, number>;
};

/**
 * Per channel and UTC day from `from` (inclusive) to `to` (exclusive): decisions and their verdict
 * mix from the decision records, errors from the error tally.
 */
export async function channelStats(
  db: Pick<Db, 'query'>,
  from: string,
  to: string,
): Promise<ChannelStats[]> {
  const [decisions, verdicts, errors] = await Promise.all([
    db.query<{ channel: string; day: string; n: string | number }>(
      `SELECT channel, to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS n
         FROM decision_records
        WHERE decided_at >= $1::date AND decided_at < $2::date
        GROUP BY 1, 2`,
      [from, to],
    ),
    db.query<{ channel: string; day: string; verdict: string; n: string | number }>(
      `SELECT r.channel, to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              p.value AS verdict, count(*) AS n
         FROM decision_records r, jsonb_each_text(r.outcome->'products') p
        WHERE r.decided_at >= $1::date AND r.decided_at < $2::date
        GROUP BY 1, 2, 3`,
      [from, to],
    ),
    db.query<{ channel: string; day: string; n: string | number }>(
      `SELECT channel, to_char(day, 'YYYY-MM-DD') AS day, sum(n) AS n
         FROM decision_channel_errors
        WHERE day >= $1::date AND day < $2::date
        GROUP BY 1, 2`,
      [from, to],
    ),
  ]);
  const byChannel = new Map<string, Map<string, ChannelDay>>();
  const dayOf = (channel: string, day: string) => {
    let days = byChannel.get(channel);
    if (!days) byChannel.set(channel, (days = new Map()));
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, decisions: 0, errors: 0, verdicts: {} }));
    return d;
  };
  for (const r of decisions.rows) dayOf(r.channel, r.day).decisions += Number(r.n);
  for (const r of errors.rows) dayOf(r.channel, r.day).errors += Number(r.n);
  for (const r of verdicts.rows) {
    const d = dayOf(r.channel, r.day);
    d.verdicts[r.verdict] = (d.verdicts[r.verdict] ?? 0) + Number(r.n);
  }
  return [...byChannel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([channel, days]) => {
      const list = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
      const total = (f: (d: ChannelDay) => number) => list.reduce((s, d) => s + f(d), 0);
      const decided = total((d) => d.decisions);
      const failed = total((d) => d.errors);
      const mix: Record<string, number> = {};
      for (const d of list)
        for (const [v, n] of Object.entries(d.verdicts)) mix[v] = (mix[v] ?? 0) + n;
      return {
        channel,
        days: list,
        decisions: decided,
        errors: failed,
        errorRate: decided + failed === 0 ? 0 : failed / (decided + failed),
        verdicts: mix,
      };
    });
}
