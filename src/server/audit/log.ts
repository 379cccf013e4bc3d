import {
  appendAuditEntry,
  lt,
  type AuditAction,
  type AuditEntry,
  type LocalizedText,
} from '../../domain/index.ts';
import type { Db } from '../db/index.ts';

/**
 * What a module says happened. `target` is what it happened to: a pack id, or `user:<name>`,
 * `key:<id>`, `workspace` for events that concern no pack (stored as the entry's `packId`).
 */
export type AuditEvent = {
  actor: string;
  action: AuditAction;
  target: string;
  version?: string;
  summary?: LocalizedText;
  detail?: Record<string, unknown>;
  /** ISO instant; the server's clock when left out. */
  at?: string;
};

type AuditRow = {
  seq: string | number;
  at: string;
  actor: string;
  action: string;
  target: string;
  version: string | null;
  summary: LocalizedText;
  details: unknown;
  prev_hash: string;
  hash: string;
};

// Appends take this lock for the rest of their transaction, so the chain never forks.
const CHAIN_LOCK = 7243002;

/** A stored row as the entry it was hashed as (the domain's audit entry). */
export function entryOfRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    packId: row.target,
    ...(row.version === null ? {} : { version: row.version }),
    summary: row.summary,
    details: row.details as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const AUDIT_COLUMNS = 'seq, at, actor, action, target, version, summary, details, prev_hash, hash';

/**
 * Appends one entry to the hash chain inside the caller's transaction (or its own), so a change
 * and its entry are committed together or not at all.
 */
export function appendAudit(db: Db, event: AuditEvent): Promise<AuditEntry> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const last = (
      await tx.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`)
    ).rows[0];
    const entry = appendAuditEntry(last ? entryOfRow(last) : undefined, {
      at: event.at ?? new Date().toISOString(),
      actor: event.actor,
      action: event.action,
      packId: event.target,
      ...(event.version === undefined ? {} : { version: event.version }),
      summary: event.summary ?? lt(event.action, event.action),
      details: (event.detail ?? {}) as AuditEntry['details'],
    });
    await tx.query(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.packId,
        entry.version ?? null,
        JSON.stringify(entry.summary),
        JSON.stringify(entry.details),
        entry.prevHash,
        entry.hash,
      ],
    );
    return entry;
  });
}

/** Entries in chain order, optionally only those about one target, by one actor, in a period. */
export async function readAudit(
  db: Db,
  opts: {
    target?: string;
    actor?: string;
    /** ISO instants: entries at or after `since`, before `until`. */
    since?: string;
    until?: string;
    afterSeq?: number;
    limit?: number;
  } = {},
): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log
      WHERE ($1::text IS NULL OR target = $1) AND seq > $2
        AND ($4::text IS NULL OR actor = $4)
        AND ($5::text IS NULL OR at >= $5) AND ($6::text IS NULL OR at < $6)
      ORDER BY seq LIMIT $3`,
    [
      opts.target ?? null,
      opts.afterSeq ?? 0,
      opts.limit ?? 1_000_000,
      opts.actor ?? null,
      opts.since ?? null,
      opts.until ?? null,
    ],
  );
  return rows.rows.map(entryOfRow);
}
