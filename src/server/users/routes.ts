import { z } from 'zod';
import { lt } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DisplayNameSchema, insertUser, PasswordSchema, UsernameSchema } from '../auth/routes.ts';
import { revokeUserSessions, rolesOf, type UserRow } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { ROLES, route, signedIn, type App } from '../http/route.ts';

const RolesSchema = z.array(z.enum(ROLES)).max(ROLES.length);
const UserIdParams = z.object({ id: z.string().min(1).max(100) });

function publicUser(row: UserRow & { created_at?: unknown }) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: rolesOf(row.roles),
    disabled: row.disabled,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  };
}

async function userById(db: Db, id: string): Promise<UserRow> {
  const row = (await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
  if (!row) throw notFound(`user ${id}`);
  return row;
}

/** Refuses a change that would leave the workspace without an enabled admin. */
async function keepAnAdmin(tx: Db, id: string): Promise<void> {
  const { rows } = await tx.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM users WHERE id <> $1 AND NOT disabled AND roles ? 'admin'`,
    [id],
  );
  if (Number(rows[0]?.n ?? 0) === 0)
    throw new ApiError(
      409,
      'last_admin',
      lt(
        '不能停用或降级最后一位管理员',
        'the last admin cannot be disabled or lose the admin role',
      ),
    );
}

/** Users and roles: the admin's business, every change audited. */
export function userRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;

  route(app, {
    method: 'GET',
    url: '/api/users',
    access: ['admin', 'auditor'],
    summary: 'Lists the users with their roles',
    tags: ['users'],
    schema: {},
    handler: async () => {
      const { rows } = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
      return { users: rows.map(publicUser) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/users',
    access: 'admin',
    summary: 'Creates a user with a password and roles',
    tags: ['users'],
    schema: {
      body: z.object({
        username: UsernameSchema,
        displayName: DisplayNameSchema,
        password: PasswordSchema,
        roles: RolesSchema,
      }),
    },
    handler: async (request) => {
      const admin = signedIn(request).user;
      const { username, displayName, password, roles } = request.body;
      const passwordHash = await hashPassword(password, config.passwordCost);
      const row = await db.transaction(async (tx) => {
        const created = await insertUser(tx, {
          username,
          displayName,
          passwordHash,
          roles,
          now: config.now(),
        });
        await appendAudit(tx, {
          actor: admin.username,
          action: 'user-create',
          target: `user:${username}`,
          summary: lt(
            `创建用户 ${username}，角色：${roles.join(', ') || '无'}`,
            `created user ${username} with roles: ${roles.join(', ') || 'none'}`,
          ),
          detail: { roles },
        });
        return created;
      });
      return publicUser(row);
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/users/:id',
    access: 'admin',
    summary: 'Changes a user’s roles, enables or disables the account, or lifts a lockout',
    tags: ['users'],
    schema: {
      params: UserIdParams,
      body: z.object({
        roles: RolesSchema.optional(),
        disabled: z.boolean().optional(),
        unlock: z.boolean().optional(),
        password: PasswordSchema.optional(),
      }),
    },
    handler: async (request) => {
      const admin = signedIn(request).user;
      const body = request.body;
      const passwordHash =
        body.password === undefined
          ? undefined
          : await hashPassword(body.password, config.passwordCost);
      const row = await db.transaction(async (tx) => {
        const before = await userById(tx, request.params.id);
        const roles = body.roles ?? rolesOf(before.roles);
        const disabled = body.disabled ?? before.disabled;
        if (disabled || !roles.includes('admin')) await keepAnAdmin(tx, before.id);
        const { rows } = await tx.query<UserRow>(
          `UPDATE users SET roles = $2::jsonb, disabled = $3,
             locked_until = CASE WHEN $4 THEN NULL ELSE locked_until END,
             failed_logins = CASE WHEN $4 THEN 0 ELSE failed_logins END,
             password_hash = COALESCE($5, password_hash)
           WHERE id = $1 RETURNING *`,
          [before.id, JSON.stringify(roles), disabled, body.unlock === true, passwordHash ?? null],
        );
        const ended =
          disabled || passwordHash !== undefined
            ? await revokeUserSessions(tx, before.id, config.now())
            : 0;
        await appendAudit(tx, {
          actor: admin.username,
          action: 'user-change',
          target: `user:${before.username}`,
          summary: lt(
            `修改用户 ${before.username}：角色 ${rolesOf(before.roles).join(', ') || '无'} → ${roles.join(', ') || '无'}${disabled ? '，已停用' : ''}`,
            `changed user ${before.username}: roles ${rolesOf(before.roles).join(', ') || 'none'} -> ${roles.join(', ') || 'none'}${disabled ? ', disabled' : ''}`,
          ),
          detail: {
            rolesBefore: rolesOf(before.roles),
            roles,
            disabled,
            unlocked: body.unlock === true,
            passwordReset: passwordHash !== undefined,
            sessionsEnded: ended,
          },
        });
        return rows[0] as UserRow;
      });
      return publicUser(row);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/users/:id/revoke-sessions',
    access: 'admin',
    summary: 'Ends every session of a user at once',
    tags: ['users'],
    schema: { params: UserIdParams },
    handler: async (request) => {
      const admin = signedIn(request).user;
      return db.transaction(async (tx) => {
        const user = await userById(tx, request.params.id);
        const revoked = await revokeUserSessions(tx, user.id, config.now());
        await appendAudit(tx, {
          actor: admin.username,
          action: 'sessions-revoke',
          target: `user:${user.username}`,
          summary: lt(
            `结束 ${user.username} 的 ${revoked} 个会话`,
            `ended ${revoked} sessions of ${user.username}`,
          ),
          detail: { revoked },
        });
        return { revoked };
      });
    },
  });
}
