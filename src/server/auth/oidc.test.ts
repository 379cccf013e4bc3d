import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../domain/index.ts';
import { startTestServer, type Agent } from '../testServer.ts';
import { insertUser } from './routes.ts';
import { startTestIssuer } from './testIssuer.ts';

const CLIENT = { id: 'suitability-studio', secret: 'a client secret of the test' };
const REDIRECT = 'http://127.0.0.1:5173/api/oidc/callback';

let issuer: Awaited<ReturnType<typeof startTestIssuer>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;

beforeAll(async () => {
  issuer = await startTestIssuer(CLIENT);
  server = await startTestServer({
    oidc: {
      issuer: issuer.issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      redirectUri: REDIRECT,
      label: 'Firm SSO',
      allowHttp: true,
    },
  });
  admin = await server.client.setup();
}, 120_000);
afterAll(async () => {
  await server.close();
  await issuer.close();
});

const cookieAgent = (cookie: string): Agent => ({ cookie, csrfToken: '', username: '' });

/** Starts a sign-in: the provider's URL and this browser's transaction cookie. */
async function start() {
  const res = await server.client.call('GET', '/api/oidc/login');
  expect(res.statusCode).toBe(302);
  const cookie = res.cookies.find((c) => c.name === 'ss_oidc');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  return { authorize: new URL(res.headers.location as string), cookie: `ss_oidc=${cookie?.value}` };
}

/** The provider's answer: where it sends the browser back (our callback with code and state). */
async function authorize(url: URL): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') as string);
}

async function callback(url: URL, cookie: string | null) {
  return server.client.call('GET', `${url.pathname}${url.search}`, {
    agent: cookie ? cookieAgent(cookie) : null,
  });
}

/** The full round trip as a browser makes it; answers the callback's response. */
async function signInAs(sub: string, claims: Record<string, unknown> = {}) {
  issuer.state.user = { sub, claims };
  const { authorize: to, cookie } = await start();
  return callback(await authorize(to), cookie);
}

async function audit(): Promise<AuditEntry[]> {
  const res = await server.client.call('GET', '/api/audit', { agent: admin });
  return (res.json() as { entries: AuditEntry[] }).entries;
}

const lastFailure = async () =>
  (await audit()).filter((e) => e.action === 'login-failed').at(-1)?.details as
    Record<string, unknown> | undefined;

describe('OIDC sign-in (authorization code + PKCE against a real provider over HTTP)', () => {
  it('tells the studio single sign-on is there', async () => {
    const res = await server.client.call('GET', '/api/session');
    expect(res.json().oidc).toEqual({ label: 'Firm SSO', loginUrl: '/api/oidc/login' });
  });

  it('sends the browser to the provider with state, nonce and an S256 challenge', async () => {
    const { authorize: to } = await start();
    expect(to.origin).toBe(issuer.issuer);
    const p = to.searchParams;
    expect(p.get('client_id')).toBe(CLIENT.id);
    expect(p.get('redirect_uri')).toBe(REDIRECT);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('code_challenge_method')).toBe('S256');
    for (const k of ['state', 'nonce', 'code_challenge'])
      expect(p.get(k)?.length).toBeGreaterThan(20);
    expect(p.get('scope')).toContain('openid');
  });

  it('creates the user at the first sign-in, with no roles until an admin gives them, and audits it', async () => {
    const res = await signInAs('sub-olga', { preferred_username: 'olga', name: 'Olga O.' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'ss_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    const me = await server.client.call('GET', '/api/session', {
      agent: cookieAgent(`ss_session=${session?.value}`),
    });
    const body = me.json();
    expect(body.user).toMatchObject({ username: 'olga', displayName: 'Olga O.', roles: [] });
    const olga: Agent = {
      cookie: `ss_session=${session?.value}`,
      csrfToken: body.csrfToken,
      username: 'olga',
    };
    // Signed in, but without a role: content is refused until an admin gives one.
    expect((await server.client.call('GET', '/api/audit', { agent: olga })).statusCode).toBe(403);
    const entries = await audit();
    const created = entries.find((e) => e.action === 'user-create' && e.packId === 'user:olga');
    expect(created?.details).toMatchObject({ issuer: issuer.issuer, subject: 'sub-olga' });
    const login = entries.filter((e) => e.action === 'login' && e.packId === 'user:olga').at(-1);
    expect(login?.details).toMatchObject({ method: 'oidc', how: 'created' });

    // The second sign-in finds the same user by the provider's subject, whatever the username claim.
    const again = await signInAs('sub-olga', { preferred_username: 'olga-renamed' });
    expect(again.headers.location).toBe('/');
    const users = (await server.client.call('GET', '/api/users', { agent: admin })).json()
      .users as { username: string }[];
    expect(users.filter((u) => u.username.startsWith('olga')).map((u) => u.username)).toEqual([
      'olga',
    ]);
  });

  it('links a user an admin created for single sign-on (no password), keeping the roles given', async () => {
    await insertUser(server.db, {
      username: 'pete',
      displayName: 'Pete',
      passwordHash: null,
      roles: ['reviewer'],
      now: new Date(),
    });
    const res = await signInAs('sub-pete', { email: 'pete' });
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'ss_session');
    const me = await server.client.call('GET', '/api/session', {
      agent: cookieAgent(`ss_session=${session?.value}`),
    });
    expect(me.json().user).toMatchObject({ username: 'pete', roles: ['reviewer'] });
    const linked = (await audit()).find(
      (e) => e.action === 'user-change' && e.packId === 'user:pete',
    );
    expect(linked?.details).toMatchObject({ subject: 'sub-pete' });
  });

  it('never takes over a password account with the same username', async () => {
    const res = await signInAs('sub-intruder', { preferred_username: 'admin' });
    expect(res.headers.location).toBe('/?oidc_error=username_taken');
    expect(res.cookies.find((c) => c.name === 'ss_session')).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ method: 'oidc', reason: 'username_taken' });
  });
});

describe('OIDC refusals, each audited', () => {
  it('refuses a callback whose state is not the one this browser was given', async () => {
    issuer.state.user = { sub: 'sub-olga', claims: {} };
    const { authorize: to, cookie } = await start();
    const back = await authorize(to);
    back.searchParams.set('state', 'x'.repeat(43));
    const res = await callback(back, cookie);
    expect(res.headers.location).toBe('/?oidc_error=state');
    expect(res.cookies.find((c) => c.name === 'ss_session')).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ method: 'oidc', reason: 'state' });
  });

  it('refuses a callback in a browser that never started the sign-in (login CSRF)', async () => {
    issuer.state.user = { sub: 'sub-olga', claims: {} };
    const { authorize: to } = await start();
    const res = await callback(await authorize(to), null);
    expect(res.headers.location).toBe('/?oidc_error=no_transaction');
    expect(await lastFailure()).toMatchObject({ reason: 'no_transaction' });
  });

  it('refuses a replayed callback, and a replayed code under a new sign-in', async () => {
    issuer.state.user = { sub: 'sub-olga', claims: {} };
    const first = await start();
    const back = await authorize(first.authorize);
    expect((await callback(back, first.cookie)).headers.location).toBe('/');

    const replay = await callback(back, first.cookie);
    expect(replay.headers.location).toBe('/?oidc_error=used');
    expect(replay.cookies.find((c) => c.name === 'ss_session')).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ reason: 'used' });

    // The stolen code with a fresh transaction of the attacker's own: the provider refuses it.
    const second = await start();
    const state = second.authorize.searchParams.get('state') as string;
    const stolen = new URL(back);
    stolen.searchParams.set('state', state);
    const before = issuer.state.tokenRequests;
    const res = await callback(stolen, second.cookie);
    expect(issuer.state.tokenRequests).toBe(before + 1);
    expect(res.headers.location).toBe('/?oidc_error=code_refused');
    expect(await lastFailure()).toMatchObject({ reason: 'code_refused' });
  });

  it('refuses an ID token carrying another nonce', async () => {
    issuer.state.wrongNonce = true;
    try {
      const res = await signInAs('sub-olga');
      expect(res.headers.location).toBe('/?oidc_error=nonce');
      expect(res.cookies.find((c) => c.name === 'ss_session')).toBeUndefined();
      expect(await lastFailure()).toMatchObject({ method: 'oidc', reason: 'nonce' });
    } finally {
      issuer.state.wrongNonce = false;
    }
  });

  it('refuses a user the admin disabled', async () => {
    const users = (await server.client.call('GET', '/api/users', { agent: admin })).json()
      .users as { id: string; username: string }[];
    const olga = users.find((u) => u.username === 'olga');
    const off = await server.client.call('PATCH', `/api/users/${olga?.id}`, {
      agent: admin,
      body: { disabled: true },
    });
    expect(off.statusCode).toBe(200);
    const res = await signInAs('sub-olga');
    expect(res.headers.location).toBe('/?oidc_error=disabled');
    expect(await lastFailure()).toMatchObject({ reason: 'disabled' });
  });

  it('refuses the provider’s own refusal', async () => {
    const { cookie } = await start();
    const res = await callback(new URL(`${REDIRECT}?error=access_denied&state=x`), cookie);
    expect(res.headers.location).toBe('/?oidc_error=denied');
    expect(await lastFailure()).toMatchObject({ reason: 'denied' });
  });
});

describe('roles from a claim', () => {
  it('maps the claim to roles at every sign-in and audits a change', async () => {
    const other = await startTestServer({
      oidc: {
        issuer: issuer.issuer,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUri: REDIRECT,
        allowHttp: true,
        roleClaim: 'groups',
        roleMap: { 'rules-authors': ['author'], 'rules-checkers': ['reviewer', 'approver'] },
      },
    });
    try {
      const boss = await other.client.setup();
      const signIn = async (groups: string[]) => {
        issuer.state.user = { sub: 'sub-quinn', claims: { preferred_username: 'quinn', groups } };
        const login = await other.client.call('GET', '/api/oidc/login');
        const cookie = login.cookies.find((c) => c.name === 'ss_oidc');
        const back = await authorize(new URL(login.headers.location as string));
        const res = await other.client.call('GET', `${back.pathname}${back.search}`, {
          agent: cookieAgent(`ss_oidc=${cookie?.value}`),
        });
        const session = res.cookies.find((c) => c.name === 'ss_session');
        const me = await other.client.call('GET', '/api/session', {
          agent: cookieAgent(`ss_session=${session?.value}`),
        });
        return me.json().user.roles as string[];
      };
      expect(await signIn(['rules-authors', 'unknown-group'])).toEqual(['author']);
      expect(await signIn(['rules-checkers'])).toEqual(['reviewer', 'approver']);
      const entries = (await other.client.call('GET', '/api/audit', { agent: boss })).json()
        .entries as AuditEntry[];
      const change = entries.find((e) => e.action === 'user-change' && e.packId === 'user:quinn');
      expect(change?.details).toMatchObject({
        before: ['author'],
        after: ['reviewer', 'approver'],
      });
    } finally {
      await other.close();
    }
  });

  it('answers 404 when single sign-on is not configured', async () => {
    const plain = await startTestServer();
    try {
      const res = await plain.client.call('GET', '/api/oidc/login');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('oidc_off');
      expect((await plain.client.call('GET', '/api/session')).json().oidc).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
