import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { lt } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { route, type App, type Auth } from '../http/route.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  createSession,
  revokeSession,
  SESSION_COOKIE,
  sessionUser,
  type UserRow,
} from './sessions.ts';

export const UsernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'letters, digits, ".", "_" or "-", 2 to 64');
export const DisplayNameSchema = z.string().trim().min(1).max(100);
export const PasswordSchema = z.string().min(10).max(256);

const SetupBody = z.object({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  password: PasswordSchema,
  /** Needed when the server printed one at start (it listens beyond this machine). */
  setupToken: z.string().max(200).optional(),
});
const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().max(256) });

/** `GET /api/session`'s body, also answered by setup and login. */
async function sessionBody(ctx: ServerContext, auth: Auth | null) {
  const { rows } = await ctx.db.query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM users) AS any',
  );
  return {
    user: auth?.user ?? null,
    csrfToken: auth?.csrfToken ?? null,
    setupRequired: !rows[0]?.any,
    mode: 'team' as const,
    /** Single sign-on, when configured: the studio shows its button. */
    oidc: ctx.config.oidc
      ? { label: ctx.config.oidc.label ?? null, loginUrl: '/api/oidc/login' }
      : null,
  };
}

/** Starts a session for the user and sets its cookie. */
export async function signIn(ctx: ServerContext, reply: FastifyReply, row: UserRow): Promise<Auth> {
  const { config } = ctx;
  const session = await createSession(ctx.db, row.id, config.now(), config.sessionTtlMs);
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    expires: session.expiresAt,
  });
  return {
    user: sessionUser(row),
    sessionId: '',
    csrfToken: session.csrfToken,
  };
}

// A hash to check against when the user does not exist, so that the answer takes as long.
let decoy: Promise<string> | undefined;

/** Attempts per address in the current minute: a fixed window, kept in memory per process. */
function addressLimiter(ctx: ServerContext) {
  const windows = new Map<string, { start: number; count: number }>();
  return (request: FastifyRequest) => {
    const now = ctx.config.now().getTime();
    const current = windows.get(request.ip);
    const window = current && now - current.start < 60_000 ? current : { start: now, count: 0 };
    window.count += 1;
    windows.set(request.ip, window);
    if (windows.size > 10_000)
      for (const [ip, w] of windows) if (now - w.start >= 60_000) windows.delete(ip);
    if (window.count > ctx.config.login.perAddressPerMinute)
      throw new ApiError(
        429,
        'rate_limited',
        lt('登录尝试过于频繁，请一分钟后再试', 'too many sign-in attempts; try again in a minute'),
      );
  };
}

const badLogin = () =>
  new ApiError(401, 'bad_credentials', lt('用户名或密码错误', 'wrong username or password'));

export function authRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;
  const limit = addressLimiter(ctx);

  route(app, {
    method: 'GET',
    url: '/api/session',
    access: 'public',
    summary: 'The signed-in user, the CSRF token for writes, and whether setup is needed',
    tags: ['auth'],
    schema: {},
    handler: async (request) => sessionBody(ctx, request.auth),
  });

  route(app, {
    method: 'POST',
    url: '/api/setup',
    access: 'public',
    summary: 'Creates the first administrator (refused once any user exists)',
    tags: ['auth'],
    schema: { body: SetupBody },
    handler: async (request, reply) => {
      const body = request.body;
      if (config.setupToken !== undefined) {
        const given = Buffer.from(body.setupToken ?? '');
        const wanted = Buffer.from(config.setupToken);
        if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
          throw new ApiError(
            403,
            'setup_token',
            lt(
              '需要服务启动时打印的一次性设置码',
              'the one-time setup code printed at start is needed',
            ),
            '$.setupToken',
          );
      }
      const passwordHash = await hashPassword(body.password, config.passwordCost);
      const row = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [7243003]);
        const { rows } = await tx.query('SELECT 1 FROM users LIMIT 1');
        if (rows.length > 0)
          throw new ApiError(
            409,
            'setup_done',
            lt('工作区已设置，请登录', 'the workspace is already set up; sign in'),
          );
        const created = await insertUser(tx, {
          username: body.username,
          displayName: body.displayName,
          passwordHash,
          roles: ['admin'],
          now: config.now(),
        });
        await appendAudit(tx, {
          actor: body.username,
          action: 'setup',
          target: `user:${body.username}`,
          summary: lt(
            `创建首个管理员 ${body.username}`,
            `created the first admin ${body.username}`,
          ),
          detail: { roles: ['admin'] },
        });
        return created;
      });
      return sessionBody(ctx, await signIn(ctx, reply, row));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/login',
    access: 'public',
    summary: 'Signs in with a password (rate-limited; repeated failures lock the account)',
    tags: ['auth'],
    schema: { body: LoginBody },
    handler: async (request, reply) => {
      limit(request);
      const { username, password } = request.body;
      const now = config.now();
      const row = (await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]))
        .rows[0];
      if (!row?.password_hash) {
        decoy ??= hashPassword('decoy password', config.passwordCost);
        await verifyPassword(await decoy, password);
        await appendAudit(db, {
          actor: 'anonymous',
          action: 'login-failed',
          target: `user:${username}`,
          summary: lt(`登录失败：无此用户 ${username}`, `failed sign-in: no user ${username}`),
          detail: { address: request.ip, reason: 'unknown-user' },
        });
        throw badLogin();
      }
      const lockedUntil = row.locked_until ? new Date(row.locked_until) : undefined;
      if (lockedUntil && lockedUntil > now) {
        await appendAudit(db, {
          actor: username,
          action: 'login-failed',
          target: `user:${username}`,
          summary: lt(`登录失败：账户已锁定`, `failed sign-in: the account is locked`),
          detail: { address: request.ip, reason: 'locked' },
        });
        throw new ApiError(
          423,
          'locked',
          lt(
            `账户因多次密码错误已锁定，请于 ${lockedUntil.toISOString()} 后再试或联系管理员`,
            `the account is locked after repeated wrong passwords; try after ${lockedUntil.toISOString()} or ask an admin`,
          ),
        );
      }
      if (!(await verifyPassword(row.password_hash, password))) {
        await recordFailure(ctx, row, request.ip);
        throw badLogin();
      }
      if (row.disabled) {
        await appendAudit(db, {
          actor: username,
          action: 'login-failed',
          target: `user:${username}`,
          summary: lt('登录失败：账户已停用', 'failed sign-in: the account is disabled'),
          detail: { address: request.ip, reason: 'disabled' },
        });
        throw new ApiError(403, 'disabled', lt('账户已停用', 'the account is disabled'));
      }
      const auth = await db.transaction(async (tx) => {
        await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
          row.id,
        ]);
        await appendAudit(tx, {
          actor: username,
          action: 'login',
          target: `user:${username}`,
          summary: lt(`${username} 登录`, `${username} signed in`),
          detail: { address: request.ip },
        });
        return signIn({ ...ctx, db: tx }, reply, row);
      });
      return sessionBody(ctx, auth);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/logout',
    access: 'signedIn',
    summary: 'Ends this session',
    tags: ['auth'],
    schema: {},
    handler: async (request, reply) => {
      const auth = request.auth as Auth;
      await db.transaction(async (tx) => {
        await revokeSession(tx, auth.sessionId, config.now());
        await appendAudit(tx, {
          actor: auth.user.username,
          action: 'logout',
          target: `user:${auth.user.username}`,
          summary: lt(`${auth.user.username} 退出登录`, `${auth.user.username} signed out`),
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return sessionBody(ctx, null);
    },
  });
}

/** Counts a wrong password; the one that reaches the limit locks the account. */
async function recordFailure(ctx: ServerContext, row: UserRow, address: string): Promise<void> {
  const { maxFailures, lockoutMs } = ctx.config.login;
  const now = ctx.config.now();
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ failed_logins: number }>(
      'UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins',
      [row.id],
    );
    const failures = rows[0]?.failed_logins ?? 0;
    await appendAudit(tx, {
      actor: row.username,
      action: 'login-failed',
      target: `user:${row.username}`,
      summary: lt('登录失败：密码错误', 'failed sign-in: wrong password'),
      detail: { address, reason: 'password', failures },
    });
    if (failures < maxFailures) return;
    const until = new Date(now.getTime() + lockoutMs).toISOString();
    await tx.query('UPDATE users SET locked_until = $2, failed_logins = 0 WHERE id = $1', [
      row.id,
      until,
    ]);
    await appendAudit(tx, {
      actor: 'system',
      action: 'lockout',
      target: `user:${row.username}`,
      summary: lt(
        `连续 ${failures} 次密码错误，账户锁定至 ${until}`,
        `${failures} wrong passwords in a row: locked until ${until}`,
      ),
      detail: { until, failures },
    });
  });
}

export async function insertUser(
  db: ServerContext['db'],
  user: {
    username: string;
    displayName: string;
    passwordHash: string | null;
    roles: readonly string[];
    now: Date;
  },
): Promise<UserRow> {
  const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
  if (taken.rows.length > 0)
    throw new ApiError(
      409,
      'exists',
      lt(`用户名 ${user.username} 已被使用`, `the username ${user.username} is taken`),
      '$.username',
    );
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (id, username, display_name, password_hash, roles, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING *`,
    [
      `u_${randomUUID()}`,
      user.username,
      user.displayName,
      user.passwordHash,
      JSON.stringify(user.roles),
      user.now.toISOString(),
    ],
  );
  return rows[0] as UserRow;
}
