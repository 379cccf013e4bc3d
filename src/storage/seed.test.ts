import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, seedStarterPacks, type Storage } from './index.ts';
import { fixedClock, testPack } from '../testing/testPack.ts';

let counter = 0;
const opened: Storage[] = [];
function freshStorage(): Storage {
  const storage = openStorage(`test-seed-${++counter}`, fixedClock());
  opened.push(storage);
  return storage;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.db.delete();
});

describe('seedStarterPacks', () => {
  it('stores the starter packs on first open only', async () => {
    const { packs, settings } = freshStorage();
    const starters = { 'mini/pack.json': testPack() };
    expect((await seedStarterPacks(packs, settings, starters)).added).toEqual(['mini']);
    expect((await seedStarterPacks(packs, settings, starters)).added).toEqual([]);
    expect(await packs.list()).toHaveLength(1);
  });

  it('does not bring back a starter pack the user deleted, but seeds a new one', async () => {
    const { packs, settings } = freshStorage();
    await seedStarterPacks(packs, settings, { 'mini/pack.json': testPack() });
    await packs.remove('mini');
    const later = {
      'mini/pack.json': testPack(),
      'other/pack.json': testPack({ id: 'other' }),
    };
    expect((await seedStarterPacks(packs, settings, later)).added).toEqual(['other']);
    expect((await packs.list()).map((p) => p.key)).toEqual(['other']);
  });

  it('leaves out a starter pack that does not parse and says where', async () => {
    const { packs, settings } = freshStorage();
    const result = await seedStarterPacks(packs, settings, {
      'broken/pack.json': { ...testPack(), version: 'one' },
    });
    expect(result.added).toEqual([]);
    expect(result.rejected[0]?.message.en).toContain('broken/pack.json');
    expect(result.rejected[0]?.message.en).toContain('$.version');
  });
});
