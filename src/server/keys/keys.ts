import { randomUUID } from 'node:crypto';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  bytesToBase64,
  canonicalJson,
  exportPrivateKey,
  exportPublicKey,
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  base64ToBytes,
  signPack,
  type Pack,
  type SigningKey,
} from '../../domain/index.ts';
import type { Db } from '../db/index.ts';

type KeyRow = {
  id: string;
  public_key: string;
  private_key: string;
  created_at: Date | string;
  retired_at: Date | string | null;
};

/** The workspace's active signing key, ready to sign. */
export type ActiveKey = { id: string; publicKey: string; sign: SigningKey; verify: SigningKey };

const ED25519 = { name: 'Ed25519' };

/** Makes a new key the active one; the previous one is retired but stays trusted for old signatures. */
export async function rotateKey(
  tx: Db,
  now: Date,
): Promise<{ id: string; publicKey: string; retired: string[] }> {
  const pair = await generateSigningKeyPair();
  const id = `k_${randomUUID().slice(0, 8)}`;
  const publicKey = await exportPublicKey(pair.publicKey);
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL RETURNING id',
    [now.toISOString()],
  );
  await tx.query(
    `INSERT INTO signing_keys (id, public_key, private_key, created_at) VALUES ($1, $2, $3, $4)`,
    [id, publicKey, await exportPrivateKey(pair.privateKey), now.toISOString()],
  );
  return { id, publicKey, retired: rows.map((r) => r.id) };
}

/** The active key; the first one is made on first use. */
export async function activeKey(tx: Db, now: Date): Promise<ActiveKey> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [7243004]);
  let row = (
    await tx.query<KeyRow>(
      'SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1',
    )
  ).rows[0];
  if (!row) {
    await rotateKey(tx, now);
    row = (await tx.query<KeyRow>('SELECT * FROM signing_keys WHERE retired_at IS NULL')).rows[0];
  }
  const key = row as KeyRow;
  return {
    id: key.id,
    publicKey: key.public_key,
    sign: await importPrivateKey(key.private_key),
    verify: (await importPublicKey(key.public_key)) as SigningKey,
  };
}

/** The public keys as `keys.json` for `suitability verify --trusted`: active and retired. */
export async function trustedKeys(db: Db) {
  const { rows } = await db.query<KeyRow>('SELECT * FROM signing_keys ORDER BY created_at');
  return rows.map((r) => ({
    name: `workspace ${r.id}`,
    publicKey: r.public_key,
    keyId: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null,
  }));
}

/** Signs a statement (any JSON) as its canonical JSON; base64 of the Ed25519 signature. */
export async function signStatement(key: ActiveKey, statement: unknown): Promise<string> {
  const value = await crypto.subtle.sign(
    ED25519,
    key.sign as CryptoKey,
    utf8ToBytes(canonicalJson(statement)),
  );
  return bytesToBase64(new Uint8Array(value));
}

/** Whether `signature` is the key's signature of the statement's canonical JSON. */
export async function verifyStatement(
  publicKey: string,
  statement: unknown,
  signature: string,
): Promise<boolean> {
  const key = await importPublicKey(publicKey);
  const bytes = base64ToBytes(signature);
  if (!key || bytes?.length !== 64) return false;
  return crypto.subtle.verify(
    ED25519,
    key as CryptoKey,
    bytes as Uint8Array<ArrayBuffer>,
    utf8ToBytes(canonicalJson(statement)) as Uint8Array<ArrayBuffer>,
  );
}

/** The pack stamped with its hash and signed, as the domain signs packs. */
export function signPackWith(key: ActiveKey, pack: Pack): Promise<Pack> {
  return signPack(pack, key.sign, key.verify);
}
