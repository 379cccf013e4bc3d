import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from './index.ts';
import { ConflictError, StorageError, toStorageError } from './errors.ts';
import { fixedClock, testPack } from '../testing/testPack.ts';

let counter = 0;
const opened: Storage[] = [];
function freshStorage(): Storage {
  const storage = openStorage(`test-packs-${++counter}`, fixedClock());
  opened.push(storage);
  return storage;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.db.delete();
});

describe('PackRepository', () => {
  it('creates, lists and reads back a pack parsed with the schema', async () => {
    const { packs } = freshStorage();
    const stored = await packs.create(testPack());
    expect(stored).toMatchObject({ key: 'mini', revision: 1 });
    const list = await packs.list();
    expect(list).toEqual([
      {
        key: 'mini',
        id: 'mini',
        version: '1.0.0',
        title: { 'zh-CN': '迷你规则包', en: 'Mini pack' },
        status: 'draft',
        revision: 1,
        updatedAt: '2026-01-10T09:00:00.000Z',
      },
    ]);
    expect((await packs.get('mini')).pack).toEqual(testPack());
  });

  it('gives a second pack with the same id a free key', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack());
    expect((await packs.create(testPack())).key).toBe('mini-2');
  });

  it('saves with a revision check and appends a revision per save', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack());
    const edited = testPack({ version: '1.1.0' });
    const saved = await packs.save('mini', edited, 1);
    expect(saved.revision).toBe(2);
    expect((await packs.get('mini')).pack.version).toBe('1.1.0');
    const revisions = await packs.revisions('mini');
    expect(revisions.map((r) => [r.revision, r.pack.version])).toEqual([
      [1, '1.0.0'],
      [2, '1.1.0'],
    ]);
  });

  it('refuses a save based on a stale revision and writes nothing', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack());
    await packs.save('mini', testPack({ version: '2.0.0' }), 1); // the other tab
    const error = await packs.save('mini', testPack({ version: '3.0.0' }), 1).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'conflict', expectedRevision: 1, actualRevision: 2 });
    expect(error.localized['zh-CN']).toContain('其他标签页');
    expect((await packs.get('mini')).pack.version).toBe('2.0.0');
    expect(await packs.revisions('mini')).toHaveLength(2);
  });

  it('duplicates as a new draft with its own id and title', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack({ status: 'published' }));
    const copy = await packs.duplicate('mini');
    expect(copy.key).toBe('mini-copy');
    expect(copy.pack).toMatchObject({ id: 'mini-copy', status: 'draft' });
    expect(copy.pack.title).toEqual({ 'zh-CN': '迷你规则包（副本）', en: 'Mini pack (copy)' });
    expect((await packs.duplicate('mini')).key).toBe('mini-copy-2');
  });

  it('renames as a save, so an open editor sees the conflict', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack());
    const renamed = await packs.rename('mini', { 'zh-CN': '新名称', en: 'New name' });
    expect(renamed.revision).toBe(2);
    await expect(packs.save('mini', testPack(), 1)).rejects.toBeInstanceOf(ConflictError);
  });

  it('keeps a deleted pack so that the delete can be undone', async () => {
    const { packs } = freshStorage();
    await packs.create(testPack());
    await packs.remove('mini');
    expect(await packs.list()).toEqual([]);
    await expect(packs.get('mini')).rejects.toMatchObject({ code: 'notFound' });
    await packs.restore('mini');
    expect((await packs.list()).map((p) => p.key)).toEqual(['mini']);
  });

  it('reports a stored document that no longer parses, naming the pack and the JSON path', async () => {
    const { db, packs } = freshStorage();
    await packs.create(testPack());
    await db.packs.update('mini', { pack: { ...testPack(), graph: { nodes: 'x', edges: [] } } });
    const error = await packs.get('mini').catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe('corrupt');
    expect(error.localized.en).toContain('$.graph.nodes');
    const [row] = await packs.list();
    expect(row?.error?.en).toContain('mini');
  });

  it('names a quota failure as such, in both languages', () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const error = toStorageError(quota, 'mini');
    expect(error.code).toBe('quota');
    expect(error.localized['zh-CN']).toContain('存储空间已满');
    expect(error.cause).toBe(quota);
  });

  it('turns a database failure into a StorageError', async () => {
    const storage = freshStorage();
    storage.db.close();
    const error = await storage.packs.list().catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe('database');
  });
});
