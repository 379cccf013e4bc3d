import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { ROLES, type Auth, type Role, type SessionUser } from '../http/route.ts';

export const SESSION_COOKIE = 'ss_session';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: unknown;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
};

/** Roles as stored, keeping only names the server knows. */
export function rolesOf(value: unknown): Role[] {
  const list = Array.isArray(value) ? value : [];
  return ROLES.filter((r) => list.includes(r));
}

export function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: rolesOf(row.roles),
  };
}

/** A new session; only the hash of the cookie's token is stored. */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  ttlMs: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [sha256(token), userId, csrfToken, now.toISOString(), expiresAt.toISOString()],
  );
  return { token, csrfToken, expiresAt };
}

// A session's last use is written at most this often, so that reads do not each cost a write.
const TOUCH_EVERY_MS = 15_000;

/**
 * The session a cookie names, when it is live (before its absolute expiry, and used within the
 * last `idleMs`) and its user enabled. Using it moves its idle deadline (sliding).
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  idleMs = Number.POSITIVE_INFINITY,
): Promise<Auth | null> {
  const { rows } = await db.query<
    UserRow & { csrf_token: string; id_hash: string; seen: Date | string }
  >(
    `SELECT u.*, s.csrf_token, s.id_hash, COALESCE(s.last_seen_at, s.created_at) AS seen
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    [sha256(token), now.toISOString()],
  );
  const row = rows[0];
  if (!row) return null;
  const idle = now.getTime() - new Date(row.seen).getTime();
  if (idle >= idleMs) return null;
  if (idle >= TOUCH_EVERY_MS)
    await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [
      row.id_hash,
      now.toISOString(),
    ]);
  return { user: sessionUser(row), sessionId: row.id_hash, csrfToken: row.csrf_token };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL', [
    sessionId,
    now.toISOString(),
  ]);
}

/** Ends every live session of a user; returns how many there were. */
export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<number> {
  const { rows } = await db.query<{ id_hash: string }>(
    `UPDATE sessions SET revoked_at = $2
      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id_hash`,
    [userId, now.toISOString()],
  );
  return rows.length;
}
