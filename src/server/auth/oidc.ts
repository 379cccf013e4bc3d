import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import { lt } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { OidcConfig, ServerContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { ApiError } from '../http/errors.ts';
import { ROLES, route, type App, type Role } from '../http/route.ts';
import { insertUser, signIn } from './routes.ts';
import { rolesOf, type UserRow } from './sessions.ts';

/** Binds a sign-in transaction to the browser that started it (sent back on the callback). */
export const OIDC_COOKIE = 'ss_oidc';
const CALLBACK_PATH = '/api/oidc/callback';
const TRANSACTION_MS = 10 * 60 * 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Why an OIDC sign-in was refused: the `oidc_error` the studio is sent back with, and audited. */
export type OidcFailure =
  | 'denied'
  | 'no_transaction'
  | 'state'
  | 'used'
  | 'expired'
  | 'nonce'
  | 'code_refused'
  | 'token'
  | 'claims'
  | 'username_taken'
  | 'disabled';

class OidcRefusal extends Error {
  constructor(
    readonly reason: OidcFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** The provider's configuration, discovered once (again after a failure). */
function discoverer(oidc: OidcConfig) {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        pending = undefined;
        throw new ApiError(
          502,
          'oidc_unavailable',
          lt(
            `无法连接单点登录服务 ${oidc.issuer}：${String(e)}`,
            `the sign-in provider ${oidc.issuer} cannot be reached: ${String(e)}`,
          ),
        );
      });
    return pending;
  };
}

/** The roles a role claim maps to (values unknown to the map give none). */
export function rolesFromClaim(oidc: OidcConfig, claims: Record<string, unknown>): Role[] {
  const value = oidc.roleClaim ? claims[oidc.roleClaim] : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const roles = new Set<Role>();
  for (const v of values)
    if (typeof v === 'string') for (const r of oidc.roleMap?.[v] ?? []) roles.add(r);
  return ROLES.filter((r) => roles.has(r));
}

/** A username from the provider's claims, in the characters a username may have. */
export function usernameFromClaims(oidc: OidcConfig, claims: Record<string, unknown>): string {
  const wanted = [oidc.usernameClaim ?? 'preferred_username', 'email', 'sub'];
  for (const name of wanted) {
    const value = claims[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const clean = value
      .trim()
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 64);
    if (clean.length >= 2) return clean;
  }
  throw new OidcRefusal('claims', 'the ID token names no usable username');
}

/**
 * The workspace user for a provider's subject: the one linked to it; else a user an admin
 * created for this sign-in (same username, no password, not yet linked), now linked; else a new
 * user. A username held by a password account is never taken over.
 */
async function userForClaims(
  tx: Db,
  oidc: OidcConfig,
  claims: Record<string, unknown>,
  now: Date,
): Promise<{ row: UserRow; created: boolean; linked: boolean }> {
  const subject = `${String(claims.iss)}#${String(claims.sub)}`;
  const known = (await tx.query<UserRow>('SELECT * FROM users WHERE oidc_subject = $1', [subject]))
    .rows[0];
  if (known) return { row: known, created: false, linked: false };
  const username = usernameFromClaims(oidc, claims);
  const same = (
    await tx.query<UserRow & { oidc_subject: string | null }>(
      'SELECT * FROM users WHERE username = $1',
      [username],
    )
  ).rows[0];
  if (same) {
    if (same.password_hash !== null || same.oidc_subject !== null)
      throw new OidcRefusal(
        'username_taken',
        `the username ${username} belongs to another account`,
      );
    const { rows } = await tx.query<UserRow>(
      'UPDATE users SET oidc_subject = $2 WHERE id = $1 RETURNING *',
      [same.id, subject],
    );
    return { row: rows[0] as UserRow, created: false, linked: true };
  }
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : username;
  const row = await insertUser(tx, {
    username,
    displayName: name.trim().slice(0, 100),
    passwordHash: null,
    roles: oidc.roleClaim ? rolesFromClaim(oidc, claims) : [],
    now,
  });
  await tx.query('UPDATE users SET oidc_subject = $2 WHERE id = $1', [row.id, subject]);
  return { row, created: true, linked: false };
}

/** The reason an openid-client refusal stands for. */
function reasonOf(e: unknown): OidcFailure {
  if (e instanceof OidcRefusal) return e.reason;
  // openid-client wraps the check that failed: look through the causes.
  let text = '';
  for (let c: unknown = e, depth = 0; c && depth < 4; depth += 1) {
    const err = c as { code?: string; error?: string; cause?: unknown };
    text += ` ${err.code ?? ''} ${err.error ?? ''} ${String(c)}`;
    c = err.cause;
  }
  if (/nonce/i.test(text)) return 'nonce';
  if (/invalid_grant/i.test(text)) return 'code_refused';
  if (/state/i.test(text)) return 'state';
  return 'token';
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * OIDC sign-in: `/api/oidc/login` sends the browser to the provider with a fresh state, nonce
 * and PKCE challenge (kept in the database, the state also in a cookie of this browser);
 * `/api/oidc/callback` takes the code once, checks state, nonce and the ID token's signature
 * through openid-client, then signs the user in. Every refusal is audited.
 */
export function oidcRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;
  const oidc = config.oidc;
  const discover = oidc ? discoverer(oidc) : undefined;
  const off = () =>
    new ApiError(404, 'oidc_off', lt('未配置单点登录', 'single sign-on is not configured'));

  route(app, {
    method: 'GET',
    url: '/api/oidc/login',
    access: 'public',
    summary: 'Starts a single sign-on: redirects to the OpenID Connect provider',
    tags: ['auth'],
    schema: {},
    handler: async (_request, reply) => {
      if (!oidc || !discover) throw off();
      const provider = await discover();
      const now = config.now();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const verifier = client.randomPKCECodeVerifier();
      await db.query('DELETE FROM oidc_logins WHERE expires_at < $1', [now.toISOString()]);
      await db.query(
        `INSERT INTO oidc_logins (state_hash, nonce, code_verifier, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          sha256(state),
          nonce,
          verifier,
          now.toISOString(),
          new Date(now.getTime() + TRANSACTION_MS).toISOString(),
        ],
      );
      const target = client.buildAuthorizationUrl(provider, {
        redirect_uri: oidc.redirectUri,
        scope: 'openid profile email',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      // Lax: the provider sends the browser back with a top-level GET from its own site.
      reply.setCookie(OIDC_COOKIE, state, {
        path: CALLBACK_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: TRANSACTION_MS / 1000,
      });
      return reply.redirect(target.href, 302);
    },
  });

  route(app, {
    method: 'GET',
    url: CALLBACK_PATH,
    access: 'public',
    summary: 'The provider sends the browser back here with the code; signs in and goes to /',
    tags: ['auth'],
    schema: {
      querystring: z
        .object({
          code: z.string().max(2000).optional(),
          state: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
        })
        .loose(),
    },
    handler: async (request, reply) => {
      if (!oidc || !discover) throw off();
      reply.clearCookie(OIDC_COOKIE, { path: CALLBACK_PATH });
      try {
        const { row, how } = await complete(ctx, oidc, discover, request);
        await db.transaction(async (tx) => {
          await appendAudit(tx, {
            actor: row.username,
            action: 'login',
            target: `user:${row.username}`,
            summary: lt(
              `${row.username} 通过单点登录登录${how === 'created' ? '（新用户）' : ''}`,
              `${row.username} signed in through single sign-on${how === 'created' ? ' (new user)' : ''}`,
            ),
            detail: { address: request.ip, method: 'oidc', issuer: oidc.issuer, how },
          });
          await signIn({ ...ctx, db: tx }, reply, row);
        });
        return reply.redirect('/', 302);
      } catch (e) {
        const reason = reasonOf(e);
        await appendAudit(db, {
          actor: 'anonymous',
          action: 'login-failed',
          target: 'workspace',
          summary: lt(`单点登录被拒绝：${reason}`, `single sign-on refused: ${reason}`),
          detail: {
            address: request.ip,
            method: 'oidc',
            reason,
            error: String((e as Error).message ?? e).slice(0, 300),
          },
        });
        return reply.redirect(`/?oidc_error=${reason}`, 302);
      }
    },
  });
}

/** Checks the callback and finds or creates the user; throws why it refuses. */
async function complete(
  ctx: ServerContext,
  oidc: OidcConfig,
  discover: () => Promise<client.Configuration>,
  request: FastifyRequest,
): Promise<{ row: UserRow; how: 'created' | 'linked' | 'known' }> {
  const { db, config } = ctx;
  const query = request.query as { state?: string; error?: string };
  if (query.error) throw new OidcRefusal('denied', `the provider answered ${query.error}`);
  const cookie = request.cookies[OIDC_COOKIE];
  if (!cookie || !query.state)
    throw new OidcRefusal('no_transaction', 'no sign-in was started in this browser');
  if (!sameText(cookie, query.state))
    throw new OidcRefusal('state', 'the state differs from the one this browser was given');
  const now = config.now();
  // Taken once: a replayed callback finds it used.
  const taken = (
    await db.query<{ nonce: string; code_verifier: string; expires_at: Date | string }>(
      `UPDATE oidc_logins SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL
       RETURNING nonce, code_verifier, expires_at`,
      [sha256(query.state), now.toISOString()],
    )
  ).rows[0];
  if (!taken) {
    const known = await db.query('SELECT 1 FROM oidc_logins WHERE state_hash = $1', [
      sha256(query.state),
    ]);
    throw known.rows.length > 0
      ? new OidcRefusal('used', 'this sign-in was already completed')
      : new OidcRefusal('no_transaction', 'no such sign-in');
  }
  if (new Date(taken.expires_at) <= now)
    throw new OidcRefusal('expired', 'the sign-in took too long');
  const provider = await discover();
  const callbackUrl = new URL(oidc.redirectUri);
  callbackUrl.search = new URL(request.url, 'http://x').search;
  const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
    pkceCodeVerifier: taken.code_verifier,
    expectedState: query.state,
    expectedNonce: taken.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims() as Record<string, unknown> | undefined;
  if (!claims) throw new OidcRefusal('claims', 'no ID token');
  return db.transaction(async (tx) => {
    const { row, created, linked } = await userForClaims(tx, oidc, claims, now);
    if (row.disabled) throw new OidcRefusal('disabled', `${row.username} is disabled`);
    if (created || linked)
      await appendAudit(tx, {
        actor: 'system',
        action: created ? 'user-create' : 'user-change',
        target: `user:${row.username}`,
        summary: created
          ? lt(
              `单点登录创建用户 ${row.username}`,
              `single sign-on created the user ${row.username}`,
            )
          : lt(
              `用户 ${row.username} 关联到单点登录身份`,
              `the user ${row.username} is linked to their single sign-on identity`,
            ),
        detail: { issuer: oidc.issuer, subject: String(claims.sub), roles: rolesOf(row.roles) },
      });
    const synced = oidc.roleClaim && !created ? await syncRoles(tx, oidc, claims, row) : row;
    return { row: synced, how: created ? 'created' : linked ? 'linked' : 'known' };
  });
}

/** With a role claim, the provider's roles replace the stored ones; a change is audited. */
async function syncRoles(
  tx: Db,
  oidc: OidcConfig,
  claims: Record<string, unknown>,
  row: UserRow,
): Promise<UserRow> {
  const roles = rolesFromClaim(oidc, claims);
  const before = rolesOf(row.roles);
  if (before.join() === roles.join()) return row;
  const { rows } = await tx.query<UserRow>(
    'UPDATE users SET roles = $2::jsonb WHERE id = $1 RETURNING *',
    [row.id, JSON.stringify(roles)],
  );
  await appendAudit(tx, {
    actor: 'system',
    action: 'user-change',
    target: `user:${row.username}`,
    summary: lt(
      `单点登录声明更新角色：${before.join(', ') || '无'} → ${roles.join(', ') || '无'}`,
      `roles from the sign-in provider's claim: ${before.join(', ') || 'none'} -> ${roles.join(', ') || 'none'}`,
    ),
    detail: { before, after: roles, claim: oidc.roleClaim },
  });
  return rows[0] as UserRow;
}
