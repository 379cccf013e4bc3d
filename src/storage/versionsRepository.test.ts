import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPack, verifyPackHash } from '../domain/index.ts';
import { checkPublishable } from '../engine/index.ts';
import { GovernanceError } from './versionsRules.ts';
import { openGovernedStorage, type GovernedStorage } from './versionsStorage.ts';
import { fixedClock, testPack } from '../testing/testPack.ts';

let counter = 0;
const opened: GovernedStorage[] = [];
async function fresh(): Promise<GovernedStorage> {
  const storage = openGovernedStorage(`test-governance-${++counter}`, fixedClock());
  opened.push(storage);
  await storage.users.load();
  await storage.users.add({ id: 'wang.fang', name: 'Wang Fang', role: 'approver' });
  await storage.users.add({ id: 'zhao.min', name: 'Zhao Min', role: 'approver' });
  return storage;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.db.delete();
});

/** Creates the mini pack and edits its title once, as the default author. */
async function edited(s: GovernedStorage) {
  const created = await s.packs.create(testPack());
  const title = { 'zh-CN': '新标题', en: 'New title' };
  return s.packs.save('mini', { ...created.pack, title }, created.revision);
}

describe('audited pack saves', () => {
  it('log each content change with its diff in words and keep the chain verifiable', async () => {
    const s = await fresh();
    await edited(s);
    const entries = await s.audit.entries();
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['create', 'author'],
      ['change', 'author'],
    ]);
    expect(entries[1]?.summary.en).toContain('New title');
    expect(await s.audit.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it('notice an entry altered in the database', async () => {
    const s = await fresh();
    await edited(s);
    await s.db.audit.update(1, { actor: 'mallory' });
    expect(await s.audit.verify()).toMatchObject({ ok: false, brokenAt: 0, code: 'audit.hash' });
  });

  it('notice the last entry cut off, through the head kept apart', async () => {
    const s = await fresh();
    await edited(s);
    await s.db.audit.delete(2);
    expect(await s.audit.verify()).toMatchObject({ ok: false, code: 'audit.head' });
  });
});

describe('maker-checker', () => {
  it('refuses the last editor, then publishes with a second approver', async () => {
    const s = await fresh();
    await edited(s);
    await s.versions.submit('mini', '1.1.0', 'retitled');
    await s.users.switchTo('wang.fang');
    // The approver edits the pack in review: it goes back to draft, and they are the maker now.
    const inReview = await s.packs.get('mini');
    expect(inReview.pack.status).toBe('in-review');
    const desc = { 'zh-CN': '改', en: 'changed' };
    const back = await s.packs.save(
      'mini',
      { ...inReview.pack, description: desc },
      inReview.revision,
    );
    expect(back.pack.status).toBe('draft');
    await s.versions.submit('mini', '1.1.0', 'retitled and described');
    const own = s.versions.decide('mini', 'approved', 'ok');
    await expect(own).rejects.toThrow(GovernanceError);
    await expect(own).rejects.toThrow(/cannot approve your own change/);
    await s.users.switchTo('zhao.min');
    await s.versions.decide('mini', 'approved', 'looks right');
    const published = await s.versions.publish('mini');
    expect(published.pack.status).toBe('published');
    expect(published.pack.integrity).toMatchObject({
      author: 'wang.fang',
      approvals: [{ by: 'zhao.min', decision: 'approved', comment: 'looks right' }],
    });
    expect(verifyPackHash(published.pack).status).toBe('ok');
    expect((await s.audit.entries()).map((e) => e.action).slice(-3)).toEqual([
      'review',
      'approve',
      'publish',
    ]);
  });

  it('refuses an author approving, and a version number used twice', async () => {
    const s = await fresh();
    await edited(s);
    await s.versions.submit('mini', '1.1.0', 'retitled');
    await expect(s.versions.decide('mini', 'approved', '')).rejects.toThrow(/not an approver/);
    await s.versions.nameVersion('mini', '1.2.0', 'named');
    await expect(s.versions.nameVersion('mini', '1.2.0', 'again')).rejects.toThrow(
      /already exists/,
    );
    await expect(s.versions.nameVersion('mini', 'one', 'x')).rejects.toThrow(/semantic/);
  });

  it('keeps a published version as it was: an edit starts the next patch version as a draft', async () => {
    const s = await fresh();
    await edited(s);
    await s.versions.submit('mini', '1.1.0', 'retitled');
    await s.users.switchTo('wang.fang');
    await s.versions.decide('mini', 'approved', 'ok');
    const published = await s.versions.publish('mini');
    const current = await s.packs.get('mini');
    const title = { 'zh-CN': '再改', en: 'Again' };
    const next = await s.packs.save('mini', { ...current.pack, title }, current.revision);
    expect(next.pack).toMatchObject({ status: 'draft', version: '1.1.1' });
    expect(next.pack.integrity).toBeUndefined();
    // An editor still showing the published pack saves again: it stays the 1.1.1 draft.
    const stale = { ...current.pack, title: { 'zh-CN': '三改', en: 'Third' } };
    const again = await s.packs.save('mini', stale, next.revision);
    expect(again.pack).toMatchObject({ status: 'draft', version: '1.1.1' });
    const [kept] = await s.versions.list('mini');
    expect(kept?.pack).toEqual(published.pack);
    expect(hashPack(kept!.pack)).toBe(published.pack.integrity?.hash);
  });

  it('restores an old revision as a new draft', async () => {
    const s = await fresh();
    await edited(s);
    const restored = await s.versions.restoreRevision('mini', 1);
    expect(restored.revision).toBe(3);
    expect(restored.pack.title).toEqual(testPack().title);
    expect((await s.audit.entries()).at(-1)?.action).toBe('restore');
  });

  it('checks lint and tests before publishing', () => {
    expect(checkPublishable(testPack())).toMatchObject({ lintErrors: 0, testsFailed: 0 });
  });
});
