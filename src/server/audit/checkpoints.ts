import { AUDIT_GENESIS_HASH } from '../../domain/index.ts';
import type { Db } from '../db/index.ts';
import { activeKey, signStatement } from '../keys/keys.ts';

/** What a checkpoint signs: the chain had `seq` entries ending at `head`, at time `at`. */
export type CheckpointStatement = { seq: number; head: string; at: string };
export type Checkpoint = CheckpointStatement & {
  keyId: string;
  publicKey: string;
  signature: string;
};

type CheckpointRow = {
  seq: string | number;
  head: string;
  at: string;
  key_id: string;
  public_key: string;
  signature: string;
};

/**
 * Signs the chain head with the workspace key, unless the last checkpoint already covers it. A
 * checkpoint kept outside the database (in an export) anchors the log up to that point.
 */
export function checkpointAudit(db: Db, now: Date): Promise<Checkpoint | undefined> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7243002]);
    const head = (
      await tx.query<{ seq: string | number; hash: string }>(
        'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      )
    ).rows[0];
    const last = (
      await tx.query<{ seq: string | number }>(
        'SELECT seq FROM audit_checkpoints ORDER BY seq DESC LIMIT 1',
      )
    ).rows[0];
    const seq = Number(head?.seq ?? 0);
    if (seq === 0 || Number(last?.seq ?? 0) >= seq) return undefined;
    const key = await activeKey(tx, now);
    const statement: CheckpointStatement = {
      seq,
      head: head?.hash ?? AUDIT_GENESIS_HASH,
      at: now.toISOString(),
    };
    const signature = await signStatement(key, statement);
    await tx.query(
      `INSERT INTO audit_checkpoints (seq, head, at, key_id, public_key, signature)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [statement.seq, statement.head, statement.at, key.id, key.publicKey, signature],
    );
    return { ...statement, keyId: key.id, publicKey: key.publicKey, signature };
  });
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  const { rows } = await db.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY seq');
  return rows.map((r) => ({
    seq: Number(r.seq),
    head: r.head,
    at: r.at,
    keyId: r.key_id,
    publicKey: r.public_key,
    signature: r.signature,
  }));
}
