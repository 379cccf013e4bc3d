import type { Db, Migration } from '../db/index.ts';
import { CHANNEL_MIGRATION } from './channelStore.ts';
import type { DecisionRecord } from './decide.ts';

/** Only what records need of the database: parameterised queries. */
export type RecordsDb = Pick<Db, 'query'>;

/** CSRC asks suitability records to be kept at least 20 years; a pack may keep them longer. */
export const DEFAULT_RETENTION_YEARS = 20;

export const DECISION_MIGRATIONS: readonly Migration[] = [
  {
    id: '0100_decision_records',
    sql: `
CREATE TABLE decision_retention (
  pack_id text PRIMARY KEY,
  years integer NOT NULL CHECK (years >= 1)
);
CREATE TABLE decision_records (
  id text PRIMARY KEY,
  decided_at timestamptz NOT NULL,
  channel text NOT NULL,
  pack_id text NOT NULL,
  version text NOT NULL,
  hash text NOT NULL,
  client_id text,
  evaluation_date date NOT NULL,
  input jsonb NOT NULL,
  outcome jsonb NOT NULL,
  retain_until date NOT NULL
);
CREATE INDEX decision_records_client ON decision_records (client_id, decided_at);
CREATE INDEX decision_records_time ON decision_records (decided_at, id);
CREATE INDEX decision_records_pack ON decision_records (pack_id, decided_at);
CREATE FUNCTION decision_records_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.retain_until < current_date THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'decision records are append-only (% refused)', TG_OP;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER decision_records_append_only
  BEFORE UPDATE OR DELETE ON decision_records
  FOR EACH ROW EXECUTE FUNCTION decision_records_append_only();
CREATE TRIGGER decision_records_no_truncate
  BEFORE TRUNCATE ON decision_records
  FOR EACH STATEMENT EXECUTE FUNCTION decision_records_append_only();
`,
  },
  CHANNEL_MIGRATION,
];

const COLUMNS = [
  'id',
  'decided_at',
  'channel',
  'pack_id',
  'version',
  'hash',
  'client_id',
  'evaluation_date',
  'input',
  'outcome',
] as const;

/**
 * Appends records in one statement whatever their number: one array parameter per column,
 * unnested, so a batch of 5,000 is as cheap to send as a batch of 5. The retention date is the
 * pack's, worked out by the database from the decision's date.
 */
export async function insertRecords(
  db: RecordsDb,
  records: readonly DecisionRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const columns: string[][] = COLUMNS.map(() => new Array<string>(records.length));
  records.forEach((r, i) => {
    const row = [
      r.id,
      r.decidedAt,
      r.channel,
      r.packId,
      r.version,
      r.hash,
      r.clientId,
      r.input.evaluationDate,
      JSON.stringify(r.input),
      JSON.stringify({ outputs: r.outputs, flags: r.flags, products: r.products }),
    ];
    row.forEach((v, c) => ((columns[c] as (string | null)[])[i] = v));
  });
  await db.query(
    `INSERT INTO decision_records (${COLUMNS.join(', ')}, retain_until)
     SELECT t.id, t.decided_at::timestamptz, t.channel, t.pack_id, t.version, t.hash, t.client_id,
            t.evaluation_date::date, t.input::jsonb, t.outcome::jsonb,
            (t.decided_at::timestamptz::date
              + make_interval(years => coalesce(r.years, $11::integer)))::date
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::text[], $8::text[], $9::text[], $10::text[])
            AS t(${COLUMNS.join(', ')})
       LEFT JOIN decision_retention r ON r.pack_id = t.pack_id`,
    [...columns, DEFAULT_RETENTION_YEARS],
  );
}

type Waiter = { records: readonly DecisionRecord[]; done: (e?: unknown) => void };

/**
 * Group commit: every decision waits for its record to be stored before it is answered, and the
 * records of all decisions waiting at that moment go in one insert. Under load a flush carries
 * thousands of records; when idle, one. No timer: a flush starts as soon as the previous ends.
 */
export class DecisionRecorder {
  private pending: Waiter[] = [];
  private flushing = false;

  constructor(
    private readonly db: RecordsDb,
    private readonly maxRows = 5000,
  ) {}

  /** Resolves once the records are committed; rejects if storing them failed. */
  append(records: readonly DecisionRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ records, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.take();
        try {
          await insertRecords(
            this.db,
            batch.flatMap((w) => w.records),
          );
          for (const w of batch) w.done();
        } catch (e) {
          for (const w of batch) w.done(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The waiters of the next flush, up to `maxRows` records (at least one waiter). */
  private take(): Waiter[] {
    let rows = 0;
    let n = 0;
    while (
      n < this.pending.length &&
      (n === 0 || rows + this.pending[n]!.records.length <= this.maxRows)
    )
      rows += this.pending[n++]!.records.length;
    return this.pending.splice(0, n);
  }
}

type Row = {
  id: string;
  decided_at: Date | string;
  channel: string;
  pack_id: string;
  version: string;
  hash: string;
  client_id: string | null;
  input: DecisionRecord['input'];
  outcome: Pick<DecisionRecord, 'outputs' | 'flags' | 'products'>;
};

const SELECT = `SELECT id, decided_at, channel, pack_id, version, hash, client_id, input, outcome
  FROM decision_records`;

function toRecord(row: Row): DecisionRecord {
  return {
    id: row.id,
    decidedAt: new Date(row.decided_at).toISOString(),
    channel: row.channel,
    packId: row.pack_id,
    version: row.version,
    hash: row.hash,
    clientId: row.client_id,
    input: row.input,
    outputs: row.outcome.outputs,
    flags: row.outcome.flags,
    products: row.outcome.products,
  };
}

export async function getRecord(db: RecordsDb, id: string): Promise<DecisionRecord | undefined> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
  return rows[0] && toRecord(rows[0]);
}

export type RecordQuery = {
  clientId?: string;
  packIds?: readonly string[];
  /** Inclusive, ISO date or time. */
  from?: string;
  /** Exclusive, ISO date or time. */
  to?: string;
  /** Continue after this record (keyset paging on time, then id). */
  after?: { decidedAt: string; id: string };
  limit: number;
};

/** Records by client and date, oldest first, one page at a time. */
export async function searchRecords(db: RecordsDb, q: RecordQuery): Promise<DecisionRecord[]> {
  const { rows } = await db.query<Row>(
    `${SELECT}
      WHERE ($1::text IS NULL OR client_id = $1)
        AND ($2::text[] IS NULL OR pack_id = ANY($2::text[]))
        AND ($3::timestamptz IS NULL OR decided_at >= $3::timestamptz)
        AND ($4::timestamptz IS NULL OR decided_at < $4::timestamptz)
        AND ($5::timestamptz IS NULL OR (decided_at, id) > ($5::timestamptz, $6::text))
      ORDER BY decided_at, id
      LIMIT $7`,
    [
      q.clientId ?? null,
      q.packIds ? [...q.packIds] : null,
      q.from ?? null,
      q.to ?? null,
      q.after?.decidedAt ?? null,
      q.after?.id ?? null,
      q.limit,
    ],
  );
  return rows.map(toRecord);
}

/** Every matching record, page by page, so an export of millions holds one page in memory. */
export async function* allRecords(
  db: RecordsDb,
  q: Omit<RecordQuery, 'limit' | 'after'>,
  pageSize = 1000,
): AsyncGenerator<DecisionRecord> {
  let after: RecordQuery['after'];
  for (;;) {
    const page = await searchRecords(db, { ...q, limit: pageSize, ...(after ? { after } : {}) });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { decidedAt: last.decidedAt, id: last.id };
  }
}

/** Sets how long a pack's records are kept, for records made from now on. */
export async function setRetention(db: RecordsDb, packId: string, years: number): Promise<void> {
  await db.query(
    `INSERT INTO decision_retention (pack_id, years) VALUES ($1, $2)
     ON CONFLICT (pack_id) DO UPDATE SET years = excluded.years`,
    [packId, years],
  );
}

/** Deletes records past their retention date (the only delete the table allows). */
export async function purgeExpired(db: RecordsDb): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM decision_records WHERE retain_until < current_date RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
