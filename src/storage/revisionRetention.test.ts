import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../domain/index.ts';
import { openStudioDb } from './db.ts';
import { retentionSetting } from './revisionRetention.ts';
import { testPack } from '../testing/testPack.ts';
import { openGovernedStorage, type GovernedStorage } from './versionsStorage.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 12, 9, 0, 0);

/** A clock the test moves: every call reads the same instant until `advance`. */
function testClock() {
  let t = START;
  return {
    now: () => new Date(t).toISOString(),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

let counter = 0;
const opened: GovernedStorage[] = [];
async function fresh() {
  const clock = testClock();
  const s = openGovernedStorage(`test-retention-${++counter}`, clock.now);
  opened.push(s);
  await s.users.load();
  await s.users.add({ id: 'wang.fang', name: 'Wang Fang', role: 'approver' });
  await s.packs.create(testPack());
  return { s, clock };
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.db.delete();
});

/** Saves an edit (a new title) every `gap` ms, `count` times, as the editor's autosave does. */
async function autosave(
  s: GovernedStorage,
  clock: ReturnType<typeof testClock>,
  count: number,
  gap = MINUTE,
) {
  for (let i = 0; i < count; i++) {
    clock.advance(gap);
    const current = await s.packs.get('mini');
    const n = current.revision + 1;
    const title = { 'zh-CN': `标题 ${n}`, en: `Title ${n}` };
    await s.packs.save('mini', { ...current.pack, title }, current.revision);
  }
}

async function storedRevisions(s: GovernedStorage): Promise<number[]> {
  return (await s.packs.revisions('mini')).map((r) => r.revision);
}

describe('revision retention', () => {
  it('thins 500 autosaves of a working day as the policy says, audited, the chain intact', async () => {
    const { s, clock } = await fresh();
    // Revision 1 at 09:00, then an autosave a minute: revisions 2-501, 09:01-17:20.
    await autosave(s, clock, 500);
    clock.advance(10 * MINUTE);
    const result = await s.retention.prune('mini', 'manual');
    const hourly = [60, 120, 180, 240, 300, 360, 420]; // 09:59, 10:59 ... 15:59
    const recent = Array.from({ length: 50 }, (_, i) => 452 + i); // after 16:30
    expect(await storedRevisions(s)).toEqual([1, ...hourly, ...recent]);
    expect(result.kept).toBe(58);
    const prunes = (await s.audit.entries()).filter((e) => e.action === 'prune');
    // Saves thinned once an hour from 11:01 to 17:01 (at 10:01 one revision was due: too few),
    // and the manual run once more.
    expect(prunes.length).toBe(8);
    expect(prunes.at(-1)?.details).toMatchObject({ key: 'mini', trigger: 'manual', kept: 58 });
    expect(prunes[0]?.summary['zh-CN']).toContain('按保留策略精简');
    const status = await s.retention.status('mini');
    expect(status.removed).toBe(501 - 58);
    expect(status.due).toEqual([]);
    expect(status.keep.get(1)).toEqual(['created']);
    expect(status.keep.get(60)).toEqual(['hourly']);
    expect(status.keep.get(501)).toEqual(['current']);
    // The edits' own entries stay: who changed what, for every one of the 500 saves.
    expect((await s.audit.entries()).filter((e) => e.action === 'change')).toHaveLength(500);
    expect(await s.audit.verify()).toMatchObject({ ok: true });
  });

  it('looks once an hour, and thins a batch of ten, or a smaller one after a day', async () => {
    const { s, clock } = await fresh();
    const runs = async () => (await s.db.settings.get(retentionSetting('mini')))?.value;
    const at = (minutes: number) => new Date(START + minutes * MINUTE).toISOString();
    await autosave(s, clock, 60); // 09:01-10:00: looked at 09:01 only
    expect(await runs()).toEqual({ checkedAt: at(1), waitingSince: at(1) });
    await autosave(s, clock, 1); // 10:01: revision 2 (09:01) is due, alone: it waits
    expect(await runs()).toEqual({ checkedAt: at(61), waitingSince: at(1) });
    expect((await s.retention.status('mini')).due).toEqual([2]);
    expect(await storedRevisions(s)).toHaveLength(62);
    // 11:01: revisions 2-59 and 61-62 are due (60 stands for 09:00-09:59): sixty go.
    await autosave(s, clock, 60);
    expect((await storedRevisions(s)).slice(0, 3)).toEqual([1, 60, 63]);
    expect(await runs()).toEqual({ checkedAt: at(121), waitingSince: at(121), prunedAt: at(121) });

    const small = await fresh();
    await autosave(small.s, small.clock, 3); // revisions 2-4, 09:01-09:03
    small.clock.advance(2 * HOUR);
    await autosave(small.s, small.clock, 1); // 11:04: 2 and 3 are due, two hours waited
    expect(await storedRevisions(small.s)).toEqual([1, 2, 3, 4, 5]);
    small.clock.advance(DAY);
    await autosave(small.s, small.clock, 1); // a day later: 2-4 go (5 is the last of its day)
    expect(await storedRevisions(small.s)).toEqual([1, 5, 6]);
  });

  it('never removes what a version, a review, an approval, a publish, a restore or an export names', async () => {
    const { s, clock } = await fresh();
    await autosave(s, clock, 5); // revisions 2-6
    await s.versions.nameVersion('mini', '1.1.0', 'named'); // 7
    await autosave(s, clock, 5); // 8-12
    const exported = await s.packs.get('mini'); // 12
    clock.advance(MINUTE);
    await s.versions.recordExport(exported.pack);
    await autosave(s, clock, 5); // 13-17
    await s.versions.submit('mini', '1.2.0', 'for review'); // 18
    await s.users.switchTo('wang.fang');
    await s.versions.decide('mini', 'rejected', 'not yet'); // 19
    await s.users.switchTo('author');
    await autosave(s, clock, 5); // 20-24
    await s.versions.submit('mini', '1.2.0', 'again'); // 25
    await s.users.switchTo('wang.fang');
    await s.versions.decide('mini', 'approved', 'ok'); // 26
    await s.versions.publish('mini'); // 27
    await s.users.switchTo('author');
    await autosave(s, clock, 5); // 28-32
    await s.versions.restoreRevision('mini', 4); // 33
    clock.advance(40 * DAY);
    // 34, and the thinning it triggers: the week's last save is 33, so autosaves 28-32 all go.
    await autosave(s, clock, 1);
    const status = await s.retention.status('mini');
    const reasons = Object.fromEntries(status.keep);
    expect(reasons).toEqual({
      1: ['created'],
      4: ['restore'],
      7: ['named'],
      12: ['export'],
      13: ['export'],
      18: ['review'],
      19: ['reject'],
      25: ['review'],
      26: ['approve'],
      27: ['published'],
      33: ['restore'],
      34: ['current'],
    });
    expect(await storedRevisions(s)).toEqual(Object.keys(reasons).map(Number));
  });

  it('leaves a workflow step alone: a revision due for thinning can still be restored', async () => {
    const { s, clock } = await fresh();
    await autosave(s, clock, 5); // 09:01-09:05, thinned at 09:01 (nothing yet)
    clock.advance(2 * HOUR);
    expect((await s.retention.status('mini')).due).toEqual([2, 3, 4, 5]);
    const restored = await s.versions.restoreRevision('mini', 3);
    expect(restored.revision).toBe(7);
    expect(await storedRevisions(s)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await s.retention.prune('mini', 'manual');
    expect(await storedRevisions(s)).toEqual([1, 3, 6, 7]);
    const status = await s.retention.status('mini');
    expect(status.keep.get(3)).toEqual(['restore']);
    expect(status.keep.get(6)).toEqual(['hourly']);
  });

  it('builds its indexes over the revisions of a database made before them', async () => {
    const name = `test-retention-upgrade-${++counter}`;
    const old = openStudioDb(name, 2);
    const pack: Pack = testPack();
    const at = (ms: number) => new Date(START + ms).toISOString();
    await old
      .table('packs')
      .add({ key: 'mini', pack, revision: 4, createdAt: at(0), updatedAt: at(2 * DAY) });
    // Revision 3 is the last save of the first day, 4 the current one.
    for (const [revision, ms] of [
      [1, 0],
      [2, MINUTE],
      [3, 2 * MINUTE],
      [4, 2 * DAY],
    ] as const)
      await old.revisions.add({ key: 'mini', revision, pack, savedAt: at(ms) });
    old.close();
    const clock = testClock();
    clock.advance(2 * DAY + HOUR);
    const s = openGovernedStorage(name, clock.now);
    opened.push(s);
    await s.users.load();
    expect((await s.retention.status('mini')).due).toEqual([2]);
    await s.retention.prune('mini', 'manual');
    expect(await storedRevisions(s)).toEqual([1, 3, 4]);
  });
});

describe('audited pack repository', () => {
  it('renames and duplicates inside its own transactions', async () => {
    const { s } = await fresh();
    const renamed = await s.packs.rename('mini', { 'zh-CN': '新名称', en: 'New name' });
    expect(renamed.revision).toBe(2);
    const copy = await s.packs.duplicate('mini');
    expect(copy.key).toBe('mini-copy');
    expect((await s.audit.entries()).map((e) => e.action)).toEqual(['create', 'change', 'create']);
  });
});
