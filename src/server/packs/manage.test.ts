import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Pack } from '../../domain/index.ts';
import { startTestServer, type Agent } from '../testServer.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;
let alice: Agent; // author
let carol: Agent; // approver, reviewer
let pat: Agent; // publisher
let audrey: Agent; // auditor

beforeAll(async () => {
  server = await startTestServer({}, { seed: true });
  const { client } = server;
  admin = await client.setup();
  alice = await client.user(admin, 'alice', ['author']);
  carol = await client.user(admin, 'carol', ['approver', 'reviewer']);
  pat = await client.user(admin, 'pat', ['publisher']);
  audrey = await client.user(admin, 'audrey', ['auditor']);
}, 120_000);
afterAll(() => server.close());

const call = (method: string, url: string, agent: Agent | null, body?: unknown) =>
  server.client.call(method, url, { agent, ...(body === undefined ? {} : { body }) });
const revisionOf = async (id: string) =>
  ((await call('GET', `/api/packs/${id}`, alice)).json() as { revision: number }).revision;
const ids = async () =>
  ((await call('GET', '/api/packs', audrey)).json() as { packs: { id: string }[] }).packs.map(
    (p) => p.id,
  );
const audit = async (target: string) =>
  ((await call('GET', `/api/audit?target=${target}`, audrey)).json() as { entries: AuditEntry[] })
    .entries;

describe('duplicating a pack', () => {
  it('copies the current content as a new draft under a new id, audited with its source', async () => {
    const res = await call('POST', '/api/packs/cn-csrc-2017/duplicate', alice, {
      newId: 'cn-csrc-2017-copy',
      title: { 'zh-CN': '副本', en: 'Copy' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'cn-csrc-2017-copy', revision: 1 });
    const copy = (await call('GET', '/api/packs/cn-csrc-2017-copy', alice)).json() as {
      pack: Pack;
    };
    const source = (await call('GET', '/api/packs/cn-csrc-2017', alice)).json() as { pack: Pack };
    expect(copy.pack.status).toBe('draft');
    expect(copy.pack.title).toEqual({ 'zh-CN': '副本', en: 'Copy' });
    expect(copy.pack.graph).toEqual(source.pack.graph);
    const [created] = await audit('cn-csrc-2017-copy');
    expect(created).toMatchObject({ action: 'create', actor: 'alice' });
    expect(created?.details).toMatchObject({ from: 'cn-csrc-2017', fromRevision: 1 });
  });

  it('refuses an id in use, an invalid id, and a caller who is not an author', async () => {
    const taken = await call('POST', '/api/packs/cn-csrc-2017/duplicate', alice, {
      newId: 'eu-mifid2',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'exists', path: '$.pack.id' });
    const bad = await call('POST', '/api/packs/cn-csrc-2017/duplicate', alice, {
      newId: 'Not An Id!',
    });
    expect(bad.statusCode).toBe(400);
    const denied = await call('POST', '/api/packs/cn-csrc-2017/duplicate', carol, {
      newId: 'by-carol',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
  });
});

describe('renaming a pack', () => {
  it('saves the new title as a revision and audits it', async () => {
    const base = await revisionOf('cn-csrc-2017-copy');
    const res = await call('POST', '/api/packs/cn-csrc-2017-copy/rename', alice, {
      title: { 'zh-CN': '新标题', en: 'New title' },
      baseRevision: base,
    });
    expect(res.json()).toEqual({ revision: base + 1, status: 'draft' });
    const entry = (await audit('cn-csrc-2017-copy')).at(-1);
    expect(entry).toMatchObject({ action: 'change', summary: { en: 'renamed to "New title"' } });
    const stale = await call('POST', '/api/packs/cn-csrc-2017-copy/rename', alice, {
      title: { 'zh-CN': '又一个', en: 'Another' },
      baseRevision: base,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
  });

  it('refuses a pack in review unless the rename withdraws the review, which is recorded', async () => {
    const submitted = await call('POST', '/api/packs/cn-csrc-2017-copy/submit', alice, {
      note: 'ready',
    });
    expect(submitted.statusCode).toBe(200);
    const base = await revisionOf('cn-csrc-2017-copy');
    const title = { 'zh-CN': '审核中改名', en: 'Renamed in review' };
    const refused = await call('POST', '/api/packs/cn-csrc-2017-copy/rename', alice, {
      title,
      baseRevision: base,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'in_review', path: '$.withdrawReview' });
    const withdrawn = await call('POST', '/api/packs/cn-csrc-2017-copy/rename', alice, {
      title,
      baseRevision: base,
      withdrawReview: true,
    });
    expect(withdrawn.json()).toEqual({ revision: base + 2, status: 'draft' });
    const actions = (await audit('cn-csrc-2017-copy')).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['review', 'withdraw', 'change']);
  });
});

describe('deleting a pack', () => {
  it('deletes a draft never published: gone from the list, audited, the id not given again', async () => {
    const base = await revisionOf('cn-csrc-2017-copy');
    const denied = await call('DELETE', '/api/packs/cn-csrc-2017-copy', audrey, {
      baseRevision: base,
    });
    expect(denied.statusCode).toBe(403);
    const res = await call('DELETE', '/api/packs/cn-csrc-2017-copy', alice, { baseRevision: base });
    expect(res.statusCode).toBe(200);
    expect(await ids()).not.toContain('cn-csrc-2017-copy');
    expect((await call('GET', '/api/packs/cn-csrc-2017-copy', alice)).statusCode).toBe(404);
    const entry = (await audit('cn-csrc-2017-copy')).at(-1);
    expect(entry).toMatchObject({ action: 'delete', actor: 'alice' });
    const again = await call('POST', '/api/packs/cn-csrc-2017/duplicate', alice, {
      newId: 'cn-csrc-2017-copy',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('deleted');
    const chain = (await call('GET', '/api/audit', audrey)).json().chain;
    expect(chain.ok).toBe(true);
  });

  it('refuses to delete a pack that was ever published, or is not a draft', async () => {
    const id = 'cn-csrc-2017';
    await call('POST', `/api/packs/${id}/submit`, alice, { version: '1.1.0', note: 'release' });
    const inReview = await call('DELETE', `/api/packs/${id}`, alice, {
      baseRevision: await revisionOf(id),
    });
    expect(inReview.statusCode).toBe(409);
    expect(inReview.json().code).toBe('not_deletable');
    await call('POST', `/api/packs/${id}/approve`, carol, { reason: 'checked' });
    expect((await call('POST', `/api/packs/${id}/publish`, pat)).statusCode).toBe(200);
    // A draft again after an edit, but its history has a published version.
    const current = (await call('GET', `/api/packs/${id}`, alice)).json() as {
      pack: Pack;
      revision: number;
    };
    const edited = await call('PUT', `/api/packs/${id}`, alice, {
      pack: { ...current.pack, title: { ...current.pack.title, en: 'next' } },
      baseRevision: current.revision,
    });
    expect(edited.json().status).toBe('draft');
    const refused = await call('DELETE', `/api/packs/${id}`, alice, {
      baseRevision: edited.json().revision,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'not_deletable' });
    expect(await ids()).toContain(id);
  });
});
