import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, verifyPackSignature, type Pack } from '../../domain/index.ts';
import { startTestServer, type Agent } from '../testServer.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;
let alice: Agent; // author
let bob: Agent; // author and approver: the loophole's protagonist
let carol: Agent; // approver
let pat: Agent; // publisher
let audrey: Agent; // auditor

const ID = 'cn-csrc-2017';

beforeAll(async () => {
  server = await startTestServer({}, { seed: true });
  const { client } = server;
  admin = await client.setup();
  alice = await client.user(admin, 'alice', ['author']);
  bob = await client.user(admin, 'bob', ['author', 'approver']);
  carol = await client.user(admin, 'carol', ['approver', 'reviewer']);
  pat = await client.user(admin, 'pat', ['publisher']);
  audrey = await client.user(admin, 'audrey', ['auditor']);
}, 120_000);
afterAll(() => server.close());

async function current(agent: Agent) {
  const res = await server.client.call('GET', `/api/packs/${ID}`, { agent });
  expect(res.statusCode).toBe(200);
  return res.json() as { pack: Pack; revision: number };
}

async function edit(agent: Agent, change: (pack: Pack) => Pack, extra: object = {}) {
  const { pack, revision } = await current(agent);
  return server.client.call('PUT', `/api/packs/${ID}`, {
    agent,
    body: { pack: change(pack), baseRevision: revision, ...extra },
  });
}

const retitle = (suffix: string) => (pack: Pack) => ({
  ...pack,
  title: { ...pack.title, en: `${pack.title.en}${suffix}` },
});

describe('shared packs', () => {
  it('lists the seeded starter packs to any signed-in user', async () => {
    const res = await server.client.call('GET', '/api/packs', { agent: audrey });
    const ids = (res.json() as { packs: { id: string }[] }).packs.map((p) => p.id);
    expect(ids).toEqual(['cn-bank-wealth', 'cn-csrc-2017', 'eu-mifid2']);
  });

  it('saves edits as revisions and answers a stale one with 409 and the current pack', async () => {
    const { pack, revision } = await current(alice);
    const first = await edit(alice, retitle(' (team)'));
    expect(first.json()).toEqual({ revision: revision + 1, status: 'draft' });
    const stale = await server.client.call('PUT', `/api/packs/${ID}`, {
      agent: bob,
      body: { pack, baseRevision: revision },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'conflict',
      current: { revision: revision + 1, by: 'alice' },
    });
    const revisions = await server.client.call('GET', `/api/packs/${ID}/revisions`, { agent: bob });
    expect(
      (revisions.json() as { revisions: { author: string }[] }).revisions.map((r) => r.author),
    ).toEqual(['system', 'alice']);
  });

  it('refuses a new pack whose content is invalid, saying where', async () => {
    const { pack } = await current(alice);
    const res = await server.client.call('POST', '/api/packs', {
      agent: alice,
      body: { pack: { ...pack, id: 'copy', version: 'one' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_pack', path: '$.pack.version' });
  });
});

describe('maker-checker', () => {
  it('refuses submission while a test fails', async () => {
    const broken = await edit(alice, (pack) => ({
      ...pack,
      tests: pack.tests.map((t, i) =>
        i === 0
          ? { ...t, expect: { ...t.expect, outputs: { ...t.expect.outputs, score: 99 } } }
          : t,
      ),
    }));
    expect(broken.statusCode).toBe(200);
    const submit = await server.client.call('POST', `/api/packs/${ID}/submit`, {
      agent: alice,
      body: { note: 'broken' },
    });
    expect(submit.statusCode).toBe(422);
    expect(submit.json()).toMatchObject({ code: 'tests_failing', check: { testsFailed: 1 } });
    const fixed = await edit(alice, (pack) => ({
      ...pack,
      tests: pack.tests.map((t, i) =>
        i === 0
          ? { ...t, expect: { ...t.expect, outputs: { ...t.expect.outputs, score: 19 } } }
          : t,
      ),
    }));
    expect(fixed.statusCode).toBe(200);
  });

  it('refuses the approval of anyone who changed the pack since it was last published', async () => {
    // Bob changes something, Alice makes a trivial edit and submits: Bob is still a maker.
    expect((await edit(bob, retitle(' (banded)'))).statusCode).toBe(200);
    expect((await edit(alice, retitle('.'))).statusCode).toBe(200);
    const submit = await server.client.call('POST', `/api/packs/${ID}/submit`, {
      agent: alice,
      body: { version: '1.1.0', note: 'team edits' },
    });
    expect(submit.json()).toMatchObject({ status: 'in-review', version: '1.1.0' });
    const own = await server.client.call('POST', `/api/packs/${ID}/approve`, {
      agent: bob,
      body: { reason: 'looks good' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'maker_checker', makers: ['alice', 'bob', 'system'] });
    const review = await server.client.call('GET', `/api/packs/${ID}/review`, { agent: carol });
    expect(review.json()).toMatchObject({
      status: 'in-review',
      makers: ['alice', 'bob', 'system'],
      tests: { failed: 0 },
      lastPublished: null,
    });
  });

  it('refuses edits in review unless the review is withdrawn, and records the withdrawal', async () => {
    const refused = await edit(alice, retitle('!'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'in_review' });
    const withdrawn = await edit(alice, retitle('!'), { withdrawReview: true });
    expect(withdrawn.json()).toMatchObject({ status: 'draft' });
    const kinds = (
      (await server.client.call('GET', `/api/packs/${ID}/revisions`, { agent: alice })).json() as {
        revisions: { kind: string }[];
      }
    ).revisions.map((r) => r.kind);
    expect(kinds.slice(-3)).toEqual(['submit', 'withdraw', 'edit']);
  });

  it('lets an independent approver approve and a publisher publish a signed, immutable version', async () => {
    await server.client.call('POST', `/api/packs/${ID}/submit`, {
      agent: alice,
      body: { version: '1.1.0', note: 'team edits' },
    });
    const comment = await server.client.call('POST', `/api/packs/${ID}/comments`, {
      agent: carol,
      body: { text: 'checked the bands', path: '$.graph.nodes[0]' },
    });
    expect(comment.statusCode).toBe(200);
    const approve = await server.client.call('POST', `/api/packs/${ID}/approve`, {
      agent: carol,
      body: { reason: 'bands match the 2017 measures' },
    });
    expect(approve.json()).toMatchObject({ status: 'approved' });
    const publish = await server.client.call('POST', `/api/packs/${ID}/publish`, { agent: pat });
    expect(publish.statusCode).toBe(200);
    const { version, hash } = publish.json() as { version: string; hash: string };
    expect(version).toBe('1.1.0');

    const file = await server.client.call('GET', `/api/packs/${ID}/versions/1.1.0`, {
      agent: audrey,
    });
    const keys = (await server.client.call('GET', '/api/keys')).json();
    const check = await verifyPackSignature(file.json() as Pack, keys);
    expect(check).toMatchObject({ ok: true, hash });

    await expect(
      server.db.query("UPDATE published_versions SET hash = 'x' WHERE pack_id = $1", [ID]),
    ).rejects.toThrow(/append_only/);
    await expect(
      server.db.query('DELETE FROM published_versions WHERE pack_id = $1', [ID]),
    ).rejects.toThrow(/append_only/);
  });

  it('keeps an audit trail that answers who changed, who approved, what passed, what was published', async () => {
    const res = await server.client.call('GET', `/api/audit?target=${ID}`, { agent: audrey });
    const { entries, chain } = res.json() as {
      entries: { action: string; actor: string; details: Record<string, unknown> }[];
      chain: { ok: boolean };
    };
    expect(chain.ok).toBe(true);
    const publish = entries.find((e) => e.action === 'publish');
    expect(publish).toMatchObject({
      actor: 'pat',
      details: {
        approvers: ['carol'],
        makers: ['alice', 'bob', 'system'],
        tests: { testsFailed: 0 },
      },
    });
    expect(entries.filter((e) => e.action === 'change').map((e) => e.actor)).toContain('bob');
    expect(
      entries.some(
        (e) => e.action === 'approve' && e.actor === 'bob' && e.details.refused === true,
      ),
    ).toBe(true);
  });

  it('starts the next draft after publication with a fresh set of makers', async () => {
    const res = await edit(bob, retitle(' v2'));
    expect(res.json()).toMatchObject({ status: 'draft' });
    const { pack } = await current(bob);
    expect(pack.version).toBe('1.1.1');
    const review = (
      await server.client.call('GET', `/api/packs/${ID}/review`, { agent: carol })
    ).json();
    expect(review).toMatchObject({ makers: ['bob'], lastPublished: { version: '1.1.0' } });
    expect(review.changes.length).toBeGreaterThan(0);
    const all = await server.client.call('GET', '/api/audit/export', { agent: audrey });
    expect(verifyAuditChain((all.json() as { entries: unknown[] }).entries).ok).toBe(true);
  });
});
