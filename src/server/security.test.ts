import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import type { Pack } from '../domain/index.ts';
import { verifyAuditExport, type AuditExport } from './audit/exportFile.ts';
import { appRoleGrants } from './migrations.ts';
import { startTestServer, type Agent } from './testServer.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

let clock = new Date('2026-12-07T09:00:00Z');
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;
let alice: Agent; // author
let carol: Agent; // approver
let audrey: Agent; // auditor

beforeAll(async () => {
  server = await startTestServer(
    {
      now: () => clock,
      sessionTtlMs: 60 * 60 * 1000,
      sessionIdleMs: 20 * 60 * 1000,
      login: { maxFailures: 3, lockoutMs: 10 * 60 * 1000, perAddressPerMinute: 9 },
    },
    { seed: true },
  );
  admin = await server.client.setup();
  alice = await server.client.user(admin, 'alice', ['author']);
  carol = await server.client.user(admin, 'carol', ['approver']);
  audrey = await server.client.user(admin, 'audrey', ['auditor']);
  later(61_000);
}, 120_000);
afterAll(() => server.close());

/** A concrete URL for a route pattern (`:id` -> a starter pack). */
const urlOf = (pattern: string) =>
  pattern.replace(':id', 'cn-csrc-2017').replace(':version', '1.0.0');

describe('every route is guarded as declared', () => {
  it('declares every API route through route(), with its access', () => {
    const declared = server.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(declared).toContain('POST /api/packs/:id/approve');
    for (const channelRoute of [
      'GET /api/channels',
      'POST /api/channels',
      'POST /api/channels/:id/revoke',
      'GET /api/channels/stats',
    ])
      expect(declared).toContain(channelRoute);
    const publicRoutes = server.app.routeTable.filter((r) => r.access === 'public');
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/keys',
      'GET /api/oidc/callback',
      'GET /api/oidc/login',
      'GET /api/session',
      'POST /api/login',
      'POST /api/setup',
    ]);
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const r of server.app.routeTable.filter((x) => x.access !== 'public')) {
      const res = await server.client.call(r.method as string, urlOf(r.url), { body: {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('refuses every write without the CSRF token, or with another session’s (403)', async () => {
    const writes = server.app.routeTable.filter((r) => r.access !== 'public' && r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(10);
    for (const r of writes) {
      const none = await server.client.call(r.method as string, urlOf(r.url), {
        agent: admin,
        csrf: null,
        body: {},
      });
      expect(none.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(none.json().code).toBe('csrf');
      const other = await server.client.call(r.method as string, urlOf(r.url), {
        agent: admin,
        csrf: alice.csrfToken,
        body: {},
      });
      expect(other.json().code, `${r.method} ${r.url}`).toBe('csrf');
    }
  });

  it('refuses role escalation: users, keys and approvals need their roles', async () => {
    const users = (await server.client.call('GET', '/api/users', { agent: admin })).json() as {
      users: { id: string; username: string }[];
    };
    const aliceId = users.users.find((u) => u.username === 'alice')?.id;
    const attempts: [Agent, string, string, object][] = [
      [alice, 'PATCH', `/api/users/${aliceId}`, { roles: ['author', 'approver', 'admin'] }],
      [
        alice,
        'POST',
        '/api/users',
        { username: 'x1', displayName: 'x', password: 'long enough!', roles: ['admin'] },
      ],
      [alice, 'POST', '/api/keys/rotate', {}],
      [alice, 'POST', '/api/packs/cn-csrc-2017/approve', { reason: 'self' }],
      [alice, 'POST', '/api/packs/cn-csrc-2017/publish', {}],
      [alice, 'GET', '/api/audit', {}],
      [audrey, 'PUT', '/api/packs/cn-csrc-2017', { pack: {}, baseRevision: 1 }],
      [admin, 'PUT', '/api/packs/cn-csrc-2017', { pack: {}, baseRevision: 1 }],
      [admin, 'POST', '/api/packs/cn-csrc-2017/approve', { reason: 'admin is not content' }],
      [carol, 'POST', '/api/packs/cn-csrc-2017/submit', { note: 'x' }],
      [alice, 'POST', '/api/channels', { id: 'x', packs: ['*'], ratePerSecond: 1 }],
      [audrey, 'POST', '/api/channels', { id: 'x', packs: ['*'], ratePerSecond: 1 }],
      [audrey, 'POST', '/api/channels/x/revoke', {}],
      [alice, 'GET', '/api/channels', {}],
      [alice, 'GET', '/api/channels/stats', {}],
    ];
    for (const [agent, method, url, body] of attempts) {
      const res = await server.client.call(method, url, { agent, body });
      expect(res.statusCode, `${agent.username} ${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const me = await server.client.call('GET', '/api/session', { agent: alice });
    expect(me.json().user.roles).toEqual(['author']);
  });
});

describe('sessions and sign-in', () => {
  it('ends a session at logout, at expiry and when an admin revokes it', async () => {
    const s1 = await server.client.login('alice', 'alice password!');
    await server.client.call('POST', '/api/logout', { agent: s1 });
    expect((await server.client.call('GET', '/api/packs', { agent: s1 })).statusCode).toBe(401);

    const s2 = await server.client.login('alice', 'alice password!');
    const users = (await server.client.call('GET', '/api/users', { agent: admin })).json() as {
      users: { id: string; username: string }[];
    };
    const id = users.users.find((u) => u.username === 'alice')?.id;
    const revoked = await server.client.call('POST', `/api/users/${id}/revoke-sessions`, {
      agent: admin,
    });
    expect(revoked.json().revoked).toBeGreaterThanOrEqual(2);
    expect((await server.client.call('GET', '/api/packs', { agent: s2 })).statusCode).toBe(401);

    alice = await server.client.login('alice', 'alice password!');
    later(61 * 60 * 1000);
    expect((await server.client.call('GET', '/api/packs', { agent: alice })).statusCode).toBe(401);
    alice = await server.client.login('alice', 'alice password!');
    admin = await server.client.login('admin', 'correct horse battery');
    audrey = await server.client.login('audrey', 'audrey password!');
    carol = await server.client.login('carol', 'carol password!');
  });

  it('ends a session left unused for the idle timeout; each use moves the deadline', async () => {
    const s = await server.client.login('alice', 'alice password!');
    const use = async () =>
      (await server.client.call('GET', '/api/packs', { agent: s })).statusCode;
    later(15 * 60 * 1000);
    expect(await use()).toBe(200);
    later(15 * 60 * 1000); // 30 minutes after sign-in, 15 after the last use
    expect(await use()).toBe(200);
    later(20 * 60 * 1000); // 50 minutes: within the absolute hour, but 20 idle
    expect(await use()).toBe(401);
    const session = await server.client.call('GET', '/api/session', { agent: s });
    expect(session.json().user).toBeNull();
    alice = await server.client.login('alice', 'alice password!');
    admin = await server.client.login('admin', 'correct horse battery');
    audrey = await server.client.login('audrey', 'audrey password!');
    carol = await server.client.login('carol', 'carol password!');
  });

  it('sets the session cookie httpOnly and SameSite=Strict', async () => {
    later(61_000);
    const res = await server.client.call('POST', '/api/login', {
      body: { username: 'audrey', password: 'audrey password!' },
    });
    const cookie = res.cookies.find((c) => c.name === 'ss_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('locks an account after repeated wrong passwords, and audits it', async () => {
    later(61_000);
    for (let i = 0; i < 3; i++) {
      const res = await server.client.call('POST', '/api/login', {
        body: { username: 'carol', password: 'wrong password' },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await server.client.call('POST', '/api/login', {
      body: { username: 'carol', password: 'carol password!' },
    });
    expect(locked.statusCode).toBe(423);
    const audit = (
      await server.client.call('GET', '/api/audit?target=user:carol', { agent: audrey })
    ).json() as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user-create', 'login', 'login-failed', 'lockout']),
    );
    later(11 * 60 * 1000);
    carol = await server.client.login('carol', 'carol password!');
  });

  it('rate-limits sign-in attempts from one address', async () => {
    later(61_000);
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push(
        (
          await server.client.call('POST', '/api/login', {
            body: { username: 'nobody', password: 'x' },
          })
        ).statusCode,
      );
    expect(codes.slice(0, 9).every((c) => c === 401)).toBe(true);
    expect(codes[9]).toBe(429);
    later(61_000);
  });
});

describe('hostile input', () => {
  const INJECTIONS = [
    "'; DROP TABLE users; --",
    "x' OR '1'='1",
    'Robert"); DELETE FROM audit_log; --',
    '$1; SELECT pg_sleep(0)',
  ];

  it('stores SQL-injection strings in every text field as plain text', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const login = await server.client.call('POST', '/api/login', {
        body: { username: text, password: text },
      });
      expect([401, 429]).toContain(login.statusCode);
      const user = await server.client.call('POST', '/api/users', {
        agent: admin,
        body: { username: `inj${i}`, displayName: text, password: `${text} long`, roles: [] },
      });
      expect(user.statusCode).toBe(200);
      expect(user.json().displayName).toBe(text.trim());
      const comment = await server.client.call('POST', '/api/packs/cn-csrc-2017/comments', {
        agent: carol,
        body: { text, path: text },
      });
      expect(comment.statusCode).toBe(200);
      const audit = await server.client.call(
        'GET',
        `/api/audit?target=${encodeURIComponent(text)}`,
        { agent: audrey },
      );
      expect(audit.json().entries).toEqual([]);
      const pack = await server.client.call('GET', `/api/packs/${encodeURIComponent(text)}`, {
        agent: alice,
      });
      expect(pack.statusCode).toBe(404);
      const { pack: current, revision } = (
        await server.client.call('GET', '/api/packs/cn-csrc-2017', { agent: alice })
      ).json() as { pack: Pack; revision: number };
      const saved = await server.client.call('PUT', '/api/packs/cn-csrc-2017', {
        agent: alice,
        body: {
          pack: { ...current, description: { 'zh-CN': text, en: text } },
          baseRevision: revision,
          summary: text,
        },
      });
      expect(saved.statusCode).toBe(200);
    }
    const review = (
      await server.client.call('GET', '/api/packs/cn-csrc-2017/review', { agent: carol })
    ).json() as { comments: { text: string; path: string }[] };
    expect(review.comments.map((c) => c.text)).toEqual(INJECTIONS);
    const { pack } = (
      await server.client.call('GET', '/api/packs/cn-csrc-2017', { agent: alice })
    ).json() as { pack: Pack };
    expect(pack.description?.en).toBe(INJECTIONS.at(-1));
    const users = (await server.client.call('GET', '/api/users', { agent: admin })).json();
    expect(users.users.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects unknown and wrongly typed fields with the path, in the reader’s language', async () => {
    const res = await server.client.call('POST', '/api/packs/cn-csrc-2017/comments', {
      agent: carol,
      body: { text: 42 },
      lang: 'zh-CN',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid', path: '$.text' });
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the audit trail', () => {
  it('cannot be changed through the database (trigger), and a change made anyway is detected', async () => {
    await expect(
      server.db.query("UPDATE audit_log SET actor = 'eve' WHERE seq = 2"),
    ).rejects.toThrow(/append_only/);
    await expect(server.db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(
      /append_only/,
    );
    const exported = (
      await server.client.call('GET', '/api/audit/export', { agent: audrey })
    ).json() as AuditExport;
    expect((await verifyAuditExport(exported)).ok).toBe(true);

    // Someone with the owner's rights switches the trigger off and rewrites a row.
    await server.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await tx.query("UPDATE audit_log SET actor = 'eve' WHERE seq = 2");
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const chain = (await server.client.call('GET', '/api/audit', { agent: audrey })).json().chain;
    expect(chain).toMatchObject({ ok: false, code: 'audit.hash', brokenAt: 1 });
    const tampered = (
      await server.client.call('GET', '/api/audit/export', { agent: audrey })
    ).json() as AuditExport;
    expect(await verifyAuditExport(tampered)).toMatchObject({ ok: false, path: '$.entries[1]' });

    // Offline: the earlier export verifies; the same export with an entry edited does not.
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(exported));
    const bad = join(dir, 'bad.json');
    const edited = structuredClone(exported);
    (edited.entries[3] as { actor: string }).actor = 'eve';
    writeFileSync(bad, JSON.stringify(edited));
    expect(await run(['audit', 'verify', good])).toMatchObject({ code: 0 });
    const failed = await run(['audit', 'verify', bad]);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('$.entries[3]');
  });
});

describe.runIf(process.env.SUITABILITY_TEST_DATABASE_URL)('on PostgreSQL', () => {
  it('the role the server runs as cannot change or remove audit rows or published versions', async () => {
    const { rows } = await server.db.query<{ schema: string }>('SELECT current_schema() AS schema');
    const schema = rows[0]?.schema as string;
    const role = `app_${schema}`;
    await server.db.query(`CREATE ROLE ${role} NOLOGIN`);
    await server.db.query(`GRANT ${role} TO current_user`);
    await server.db.query(appRoleGrants(role, schema));
    for (const sql of [
      "UPDATE audit_log SET actor = 'eve' WHERE seq = 1",
      'DELETE FROM audit_log WHERE seq = 1',
      'DELETE FROM published_versions',
    ])
      await expect(
        server.db.transaction(async (tx) => {
          await tx.query(`SET LOCAL ROLE ${role}`);
          await tx.query(sql);
        }),
      ).rejects.toThrow(/permission denied/);
    const inserted = await server.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${role}`);
      return tx.query('SELECT count(*) AS n FROM audit_log');
    });
    expect(Number(inserted.rows[0]?.n)).toBeGreaterThan(0);
    await server.db.query(`DROP OWNED BY ${role}`);
    await server.db.query(`DROP ROLE ${role}`);
  });
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await main(argv, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    env: { LANG: 'en_US.UTF-8' },
    now: () => 0,
  });
  return { code, out, err };
}
