import { z } from 'zod';
import { ApiClient, type FetchLike } from './api.ts';
import {
  AuditPageSchema,
  SessionSchema,
  UserListSchema,
  UserSchema,
  type AuditPage,
  type Role,
  type Session,
  type TeamUser,
} from './schemas.ts';

const Anything = z.unknown();

/** A channel of the decision service (its key is shown once, when it is made). */
export const ChannelSchema = z.object({
  id: z.string(),
  packs: z.array(z.string()),
  ratePerSecond: z.number(),
  audit: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type TeamChannel = z.infer<typeof ChannelSchema>;

const Mix = z.record(z.string(), z.number());
export const ChannelStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  channels: z.array(
    z.object({
      channel: z.string(),
      decisions: z.number(),
      errors: z.number(),
      errorRate: z.number(),
      verdicts: Mix,
      days: z.array(
        z.object({ day: z.string(), decisions: z.number(), errors: z.number(), verdicts: Mix }),
      ),
    }),
  ),
});
export type ChannelStats = z.infer<typeof ChannelStatsSchema>;

/**
 * Asks whether a team server serves this page: its `GET /api/session` answers a session. No
 * answer, an error, or anything else (a static host's 404 or its index.html) means the local
 * workspace.
 */
export async function probeTeamServer(fetch: FetchLike, base = ''): Promise<Session | null> {
  const api = new ApiClient({ fetch, language: () => 'en', base });
  try {
    return await api.get('/api/session', SessionSchema, 'session');
  } catch {
    return null;
  }
}

/** Signing in and out, the first administrator, and (for admins) the team's accounts. */
export class AccountApi {
  constructor(private readonly api: ApiClient) {}

  /** The current session; its CSRF token is used by every later request. */
  async session(): Promise<Session> {
    return this.took(await this.api.get('/api/session', SessionSchema, 'session'));
  }

  /** Creates the first administrator (refused once any account exists) and signs in. */
  async setup(account: {
    username: string;
    displayName: string;
    password: string;
    /** Asked for when the server listens beyond this machine (it prints one at start). */
    setupToken?: string;
  }) {
    await this.api.send('POST', '/api/setup', Anything, account, 'setup');
    const session = await this.session();
    return session.user ? session : this.login(account.username, account.password);
  }

  async login(username: string, password: string): Promise<Session> {
    await this.api.send('POST', '/api/login', Anything, { username, password }, 'login');
    return this.session();
  }

  async logout(): Promise<void> {
    await this.api.send('POST', '/api/logout', Anything, {}, 'logout');
    this.api.setCsrfToken(null);
  }

  async users(): Promise<TeamUser[]> {
    const body = await this.api.get('/api/users', z.union([UserListSchema, z.array(UserSchema)]));
    return Array.isArray(body) ? body : body.users;
  }

  async createUser(user: {
    username: string;
    displayName: string;
    password: string;
    roles: Role[];
  }): Promise<void> {
    await this.api.send('POST', '/api/users', Anything, user, user.username);
  }

  async updateUser(id: string, change: { roles?: Role[]; disabled?: boolean }): Promise<void> {
    await this.api.send('PATCH', `/api/users/${encodeURIComponent(id)}`, Anything, change, id);
  }

  async revokeSessions(id: string): Promise<void> {
    const url = `/api/users/${encodeURIComponent(id)}/revoke-sessions`;
    await this.api.send('POST', url, Anything, {}, id);
  }

  async channels(): Promise<TeamChannel[]> {
    return (await this.api.get('/api/channels', z.object({ channels: z.array(ChannelSchema) })))
      .channels;
  }

  /** Makes a channel; the answer's key is the only time it is shown. */
  async createChannel(channel: {
    id: string;
    packs: string[];
    ratePerSecond: number;
  }): Promise<{ channel: TeamChannel; key: string }> {
    const Made = z.object({ channel: ChannelSchema, key: z.string() });
    return this.api.send('POST', '/api/channels', Made, channel, channel.id);
  }

  async revokeChannel(id: string): Promise<void> {
    await this.api.send('POST', `/api/channels/${encodeURIComponent(id)}/revoke`, Anything, {}, id);
  }

  async channelStats(days: number): Promise<ChannelStats> {
    return this.api.get(`/api/channels/stats?days=${days}`, ChannelStatsSchema, 'channels');
  }

  /** The audit log (auditors and admins), filtered; with the check of the whole chain. */
  async auditLog(filter: {
    target?: string;
    actor?: string;
    since?: string;
    until?: string;
  }): Promise<AuditPage> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) query.set(k, v);
    query.set('limit', '1000');
    return this.api.get(`/api/audit?${query.toString()}`, AuditPageSchema, 'audit');
  }

  private took(session: Session): Session {
    this.api.setCsrfToken(session.csrfToken);
    return session;
  }
}
