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
