import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, StorageError } from '../errors.ts';
import { fixedClock, testPack } from '../../testing/testPack.ts';
import { ApiClient, ApiError } from './api.ts';
import { openTeamCache, type TeamCacheDb } from './cacheDb.ts';
import { FakeTeamServer } from './fakeTeamServer.ts';
import { Outbox } from './outbox.ts';
import { probeTeamServer } from './session.ts';
import { TeamPackRepository } from './teamPacks.ts';

let counter = 0;
const opened: TeamCacheDb[] = [];

async function setup(server = new FakeTeamServer()) {
  const cache = openTeamCache(`test-team-${++counter}`);
  opened.push(cache);
  const api = new ApiClient({ fetch: server.fetch, language: () => 'zh-CN' });
  api.setCsrfToken(server.csrfToken);
  const outbox = new Outbox(cache);
  await outbox.load();
  const repo = new TeamPackRepository(api, cache, outbox, fixedClock());
  return { server, cache, outbox, repo, api };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const retitled = (en: string) => testPack({ title: { 'zh-CN': en, en } });

describe('probeTeamServer', () => {
  it('finds the team server by its session answer', async () => {
    const server = new FakeTeamServer();
    expect((await probeTeamServer(server.fetch))?.user?.username).toBe('alice');
  });

  it('takes a static host (404, its index.html, no network) for the local workspace', async () => {
    const answer = (status: number, body: string) => async () => new Response(body, { status });
    expect(await probeTeamServer(answer(404, 'not found'))).toBeNull();
    expect(await probeTeamServer(answer(200, '<!doctype html><html></html>'))).toBeNull();
    expect(await probeTeamServer(answer(200, '{"user":null}'))).toBeNull();
    const offline = new FakeTeamServer();
    offline.online = false;
    expect(await probeTeamServer(offline.fetch)).toBeNull();
  });
});

describe('ApiClient', () => {
  it('sends the CSRF token on writes and the UI language, and reads refusals', async () => {
    const { server, api } = await setup();
    const error = await api
      .send('PUT', '/api/packs/missing', z.unknown(), { pack: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).localized.en).toContain('no such pack');
    const request = server.requests.at(-1);
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(request?.headers.get('accept-language')).toBe('zh-CN');
  });

  it('names the field of an answer that does not have the expected shape', async () => {
    const api = new ApiClient({
      fetch: async () => new Response('{"packs":[{"id":"a"}]}', { status: 200 }),
      language: () => 'en',
    });
    const { repo } = await setup();
    const error = await new TeamPackRepository(api, opened[0] as TeamCacheDb, repo.outbox)
      .list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).localized.en).toMatch(/packs\.0\.title/);
  });
});

describe('TeamPackRepository', () => {
  it('saves revisions with the revision they are based on, and reads them back', async () => {
    const { server, repo } = await setup();
    server.add(testPack(), 3);
    const stored = await repo.get('mini');
    expect(stored.revision).toBe(3);
    const saved = await repo.save('mini', retitled('Edited'), 3);
    expect(saved.revision).toBe(4);
    expect(server.packs.get('mini')?.pack.title.en).toBe('Edited');
    expect(server.requests.at(-1)?.body).toMatchObject({ baseRevision: 3 });
    expect(repo.isOwnRevision('mini', 4)).toBe(true);
  });

  it("refuses a save over someone else's newer revision with a ConflictError", async () => {
    const { server, repo } = await setup();
    server.add(testPack(), 1);
    await repo.get('mini');
    server.saveAs('bob', retitled('Bob'));
    const error = await repo.save('mini', retitled('Mine'), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).actualRevision).toBe(2);
    expect(server.packs.get('mini')?.pack.title.en).toBe('Bob');
    expect(repo.outbox.list()).toEqual([]);
  });

  it('keeps an offline edit in the outbox, reads the cached pack, and sends it on reconnect', async () => {
    const { server, repo, cache } = await setup();
    server.add(testPack(), 1);
    await repo.list();
    await repo.get('mini');
    server.online = false;
    const error = await repo.save('mini', retitled('Offline'), 1).catch((e: unknown) => e);
    expect((error as StorageError).code).toBe('offline');
    expect((error as StorageError).localized['zh-CN']).toContain('保存在本机');
    expect(repo.outbox.get('mini')).toMatchObject({ baseRevision: 1 });
    expect((await repo.get('mini')).revision).toBe(1);
    const list = await repo.list();
    expect(list.offline).toBe(true);
    expect(list.packs[0]).toMatchObject({ id: 'mini', queued: true, conflict: null });
    // A closed tab: a new outbox reads the queue back from IndexedDB.
    const reopened = new Outbox(cache);
    await reopened.load();
    expect(reopened.get('mini')?.baseRevision).toBe(1);

    server.online = true;
    const report = await repo.pushOutbox();
    expect(report).toMatchObject({ pushed: ['mini'], conflicts: [], offline: false });
    expect(server.packs.get('mini')).toMatchObject({ revision: 2 });
    expect(server.packs.get('mini')?.pack.title.en).toBe('Offline');
    expect(repo.outbox.list()).toEqual([]);
    expect(repo.isOwnRevision('mini', 2)).toBe(true);
  });

  it('marks a queued edit that meets a newer revision as a conflict and keeps it', async () => {
    const { server, repo } = await setup();
    server.add(testPack(), 1);
    server.online = false;
    await repo.save('mini', retitled('Offline'), 1).catch(() => {});
    server.online = true;
    server.saveAs('bob', retitled('Bob'));
    const report = await repo.pushOutbox();
    expect(report).toMatchObject({ pushed: [], conflicts: ['mini'] });
    expect(repo.outbox.get('mini')).toMatchObject({ conflict: { revision: 2, by: 'bob' } });
    expect(server.packs.get('mini')?.pack.title.en).toBe('Bob');
    // Not sent again until the user chooses.
    expect((await repo.pushOutbox()).conflicts).toEqual([]);
    expect((await repo.list()).packs[0]?.conflict).toEqual({ revision: 2, by: 'bob' });
  });

  it('leaves the open pack to its editor and stops a round when the server goes away', async () => {
    const { server, repo } = await setup();
    server.add(testPack(), 1);
    server.add(testPack({ id: 'other' }), 1);
    server.online = false;
    await repo.save('mini', retitled('A'), 1).catch(() => {});
    await repo.save('other', testPack({ id: 'other', version: '1.0.1' }), 1).catch(() => {});
    expect((await repo.pushOutbox()).offline).toBe(true);
    server.online = true;
    const report = await repo.pushOutbox('mini');
    expect(report.pushed).toEqual(['other']);
    expect(repo.outbox.get('mini')).toBeDefined();
  });

  it('keeps an edit refused because the session ended, to send after signing in again', async () => {
    const { server, repo, api } = await setup();
    server.add(testPack(), 1);
    api.setCsrfToken(null);
    const fetch401 = new ApiClient({
      fetch: async () =>
        new Response('{"code":"unauthenticated","message":"sign in"}', { status: 401 }),
      language: () => 'en',
    });
    const signedOut = new TeamPackRepository(fetch401, opened[0] as TeamCacheDb, repo.outbox);
    const error = await signedOut.save('mini', retitled('Kept'), 1).catch((e: unknown) => e);
    expect((error as StorageError).localized.en).toMatch(/signed out/);
    expect(repo.outbox.get('mini')?.pack).toMatchObject({ title: { en: 'Kept' } });
  });

  it('saves a copy under the first free id', async () => {
    const { server, repo } = await setup();
    server.add(testPack(), 1);
    server.add(testPack({ id: 'mini-copy' }), 1);
    const copy = await repo.createCopy(testPack());
    expect(copy.key).toBe('mini-copy-2');
    expect(server.packs.get('mini-copy-2')?.pack.title.en).toBe('Mini pack (copy)');
  });

  it('hands a queued edit to the editor that opens the pack, once', async () => {
    const { server, repo, cache } = await setup();
    server.add(testPack(), 1);
    server.online = false;
    await repo.save('mini', retitled('A'), 1).catch(() => {});
    expect(repo.outbox.take('mini')?.pack).toMatchObject({ title: { en: 'A' } });
    expect(repo.outbox.take('mini')).toBeUndefined();
    await repo.settled('mini');
    const reopened = new Outbox(cache);
    await reopened.load();
    expect(reopened.list()).toEqual([]);
  });
});
