import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../domain/index.ts';
import { buildApp } from '../app.ts';
import { startTestServer, type Agent } from '../testServer.ts';
import { starterSample } from './testSupport.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;
let alice: Agent; // author
let carol: Agent; // approver
let pat: Agent; // publisher
let audrey: Agent; // auditor
const ID = 'cn-csrc-2017';

/** Submits the pack as it is (or retitled), has it approved and published; returns the version. */
async function publish(retitle?: string): Promise<string> {
  const { client } = server;
  if (retitle) {
    const got = (await client.call('GET', `/api/packs/${ID}`, { agent: alice })).json() as {
      pack: Pack;
      revision: number;
    };
    const pack = { ...got.pack, title: { ...got.pack.title, en: retitle } };
    const put = await client.call('PUT', `/api/packs/${ID}`, {
      agent: alice,
      body: { pack, baseRevision: got.revision },
    });
    expect(put.statusCode, put.body).toBe(200);
  }
  const steps: [Agent, string, object][] = [
    [alice, 'submit', { note: 'for the channels' }],
    [carol, 'approve', { reason: 'checked' }],
    [pat, 'publish', {}],
  ];
  let version = '';
  for (const [agent, step, body] of steps) {
    const res = await client.call('POST', `/api/packs/${ID}/${step}`, { agent, body });
    expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
    version = (res.json() as { version?: string }).version ?? version;
  }
  return version;
}

const decide = (key: string | undefined, packId = ID, lang = 'en', app = server.app) =>
  app.inject({
    method: 'POST',
    url: `/v1/decisions/${packId}`,
    headers: {
      'accept-language': lang,
      ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
    },
    payload: starterSample(packId),
  });

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 600 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};

const clock = new Date('2026-12-07T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock }, { seed: true });
  const { client } = server;
  admin = await client.setup();
  alice = await client.user(admin, 'alice', ['author']);
  carol = await client.user(admin, 'carol', ['approver']);
  pat = await client.user(admin, 'pat', ['publisher']);
  audrey = await client.user(admin, 'audrey', ['auditor']);
}, 120_000);
afterAll(() => server.close());

describe('the decision service in the workspace', () => {
  let keyA = '';
  let channelKey = '';

  it('serves nothing before a publication, then the published version', async () => {
    const created = await server.client.call('POST', '/api/channels', {
      agent: admin,
      body: { id: 'branch', packs: [ID], ratePerSecond: 1000 },
    });
    expect(created.statusCode, created.body).toBe(200);
    keyA = (created.json() as { key: string }).key;
    expect(keyA).toMatch(/^sk_/);
    expect((await decide(keyA)).statusCode).toBe(404);
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);

    const version = await publish();
    await until(async () => (await decide(keyA)).statusCode === 200);
    const res = await decide(keyA);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ packId: ID, version, channel: 'branch' });
  });

  it('lets only admins make and revoke channels; keys are shown once and stored hashed', async () => {
    const denied = await server.client.call('POST', '/api/channels', {
      agent: alice,
      body: { id: 'web', packs: ['*'], ratePerSecond: 10 },
    });
    expect(denied.statusCode).toBe(403);
    const dup = await server.client.call('POST', '/api/channels', {
      agent: admin,
      body: { id: 'branch', packs: ['*'], ratePerSecond: 10 },
    });
    expect(dup.statusCode).toBe(409);
    const list = await server.client.call('GET', '/api/channels', { agent: audrey });
    expect(list.json()).toMatchObject({
      channels: [{ id: 'branch', packs: [ID], ratePerSecond: 1000, revokedAt: null }],
    });
    expect(list.body).not.toContain(keyA);
    const { rows } = await server.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM decision_channels',
    );
    expect(rows[0]?.key_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(keyA);

    const web = await server.client.call('POST', '/api/channels', {
      agent: admin,
      body: { id: 'web', packs: [ID], ratePerSecond: 2 },
    });
    channelKey = (web.json() as { key: string }).key;
    expect((await decide(channelKey)).statusCode).toBe(200);
    const revoked = await server.client.call('POST', '/api/channels/web/revoke', { agent: admin });
    expect(revoked.json()).toMatchObject({ channel: { id: 'web', revokedBy: 'admin' } });
    expect((await decide(channelKey)).statusCode).toBe(401);
    const audit = await server.client.call('GET', '/api/audit?target=channel:web', {
      agent: audrey,
    });
    expect(
      (audit.json() as { entries: { action: string }[] }).entries.map((e) => e.action),
    ).toEqual(['channel-create', 'channel-revoke']);
  });

  it('refuses a key scoped to pack A on pack B, and counts it against the channel', async () => {
    type Stats = {
      channel: string;
      decisions: number;
      errors: number;
      errorRate: number;
      verdicts: Record<string, number>;
      days: { day: string }[];
    };
    const branchStats = async () => {
      const stats = await server.client.call('GET', '/api/channels/stats?days=7', {
        agent: admin,
      });
      expect(stats.statusCode, stats.body).toBe(200);
      return (stats.json() as { channels: Stats[] }).channels.find((c) => c.channel === 'branch')!;
    };
    // Before: the 404s while the first publication was on its way.
    const before = await branchStats();
    const other = await decide(keyA, 'eu-mifid2', 'zh-CN');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'auth.scope', path: '$.packId' });
    const bad = await server.app.inject({
      method: 'POST',
      url: `/v1/decisions/${ID}`,
      headers: { authorization: `Bearer ${keyA}` },
      payload: { ...starterSample(ID), extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const branch = await branchStats();
    expect(branch.decisions).toBeGreaterThanOrEqual(2);
    expect(branch.errors).toBe(before.errors + 2);
    expect(branch.errorRate).toBeCloseTo(branch.errors / (branch.decisions + branch.errors));
    expect(Object.values(branch.verdicts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(branch.days.map((d) => d.day)).toEqual(['2026-12-07']);
  });

  it('serves a new publication without restart; each response names one version', async () => {
    const before = (await decide(keyA)).json() as { version: string; hash: string };
    const seen = new Map<string, Set<string>>();
    let failed = 0;
    let running = true;
    const fire = async () => {
      while (running) {
        const res = await decide(keyA);
        if (res.statusCode !== 200) failed++;
        else {
          const { version, hash } = res.json() as { version: string; hash: string };
          if (!seen.has(version)) seen.set(version, new Set());
          seen.get(version)!.add(hash);
        }
      }
    };
    // A second server on the same database: a replica, told of the publication by the database.
    const replica = await buildApp({ db: server.db });
    const loops = [fire(), fire(), fire(), fire()];
    const next = await publish('CSRC measures (channels)');
    const versionAt = async (app = server.app) =>
      ((await decide(keyA, ID, 'en', app)).json() as { version: string }).version;
    await until(async () => (await versionAt()) === next);
    await until(async () => (await versionAt(replica)) === next);
    running = false;
    await Promise.all(loops);
    expect(await versionAt(replica)).toBe(next);
    await replica.close();
    expect(failed).toBe(0);
    expect(next).not.toBe(before.version);
    expect([...seen.keys()].sort()).toEqual([before.version, next].sort());
    for (const hashes of seen.values()) expect(hashes.size).toBe(1);
    // The earlier version stays callable, pinned.
    const pinned = await server.app.inject({
      method: 'POST',
      url: `/v1/decisions/${ID}/versions/${before.version}`,
      headers: { authorization: `Bearer ${keyA}` },
      payload: starterSample(ID),
    });
    expect(pinned.json()).toMatchObject({ version: before.version, hash: before.hash });
  }, 60_000);
});
