import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from './app.ts';
import type { ServerConfig } from './context.ts';
import { openDb, type Db } from './db/index.ts';
import { migrateAll } from './schema.ts';
import { seedStarterPacks } from './packs/seed.ts';

/**
 * A fresh, empty database: embedded PGlite in memory, or, when SUITABILITY_TEST_DATABASE_URL is
 * set, a new schema of that PostgreSQL (`dropSchema` removes it).
 */
export async function openTestDb(): Promise<{ db: Db; dropSchema: () => Promise<void> }> {
  const url = process.env.SUITABILITY_TEST_DATABASE_URL;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let db: Db;
  let dropSchema = async () => {};
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const withPath = new URL(url);
    withPath.searchParams.set('options', `-c search_path=${schema}`);
    db = await openDb({ databaseUrl: withPath.toString() });
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  } else db = await openDb({});
  return { db, dropSchema };
}

/**
 * The server on a fresh database for API tests: embedded PGlite in memory, or, when
 * SUITABILITY_TEST_DATABASE_URL is set, a new schema of that PostgreSQL (dropped at close).
 * Passwords are hashed with a cheap argon2id cost: the cost is an option, not a test shortcut.
 */
export async function startTestServer(
  config: Partial<ServerConfig> = {},
  opts: { seed?: boolean } = {},
) {
  const { db, dropSchema } = await openTestDb();
  await migrateAll(db);
  if (opts.seed) await seedStarterPacks(db, new Date('2026-12-01T09:00:00Z'));
  const app = await buildApp({
    db,
    config: { passwordCost: { memoryCost: 1024, timeCost: 1 }, ...config },
  });
  await app.ready();
  return {
    app,
    db,
    client: new TestClient(app),
    close: async () => {
      await app.close();
      await db.close();
      await dropSchema();
    },
  };
}

export type Agent = { cookie: string; csrfToken: string; username: string };

type Call = { agent?: Agent | null; body?: unknown; csrf?: string | null; lang?: string };

/** Calls the API through `inject` as a signed-in user (cookie and CSRF token) or nobody. */
export class TestClient {
  constructor(private readonly app: FastifyInstance) {}

  async call(method: string, url: string, opts: Call = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (opts.agent) headers.cookie = opts.agent.cookie;
    const csrf = opts.csrf === undefined ? opts.agent?.csrfToken : opts.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    if (opts.lang) headers['accept-language'] = opts.lang;
    return this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
  }

  /** Signs in and returns the agent; fails the test when sign-in is refused. */
  async login(username: string, password: string): Promise<Agent> {
    const res = await this.call('POST', '/api/login', { body: { username, password } });
    return agentOf(res, username);
  }

  async setup(username = 'admin', password = 'correct horse battery'): Promise<Agent> {
    const res = await this.call('POST', '/api/setup', {
      body: { username, displayName: 'Administrator', password },
    });
    return agentOf(res, username);
  }

  /** Creates a user with roles (as the admin) and signs them in. */
  async user(admin: Agent, username: string, roles: string[]): Promise<Agent> {
    const password = `${username} password!`;
    const res = await this.call('POST', '/api/users', {
      agent: admin,
      body: { username, displayName: username, password, roles },
    });
    if (res.statusCode !== 200) throw new Error(`creating ${username}: ${res.body}`);
    return this.login(username, password);
  }
}

function agentOf(res: LightMyRequestResponse, username: string): Agent {
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} refused: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ss_session');
  const body = res.json() as { csrfToken: string };
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `ss_session=${cookie.value}`, csrfToken: body.csrfToken, username };
}
