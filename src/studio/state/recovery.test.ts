import { describe, expect, it } from 'vitest';
import type { Pack } from '../../domain/index.ts';
import { testPack } from '../../testing/testPack.ts';
import { planRecovery } from './recovery.ts';
import { memoryStash, webStorageStash } from './unsavedStash.ts';

const base = testPack();
const edited = (en: string): Pack => ({ ...base, title: { 'zh-CN': en, en } });

describe('planRecovery', () => {
  const mine = edited('Mine');

  it('puts the stash on top of the revision it was based on', () => {
    const plan = planRecovery({ pack: base, revision: 3 }, { key: 'k', revision: 3, pack: mine });
    expect(plan).toEqual({ kind: 'edits', pack: mine, text: null });
  });

  it('knows its own save in the next revision by its content, and nothing else', () => {
    const entry = { key: 'k', revision: 3, pack: mine, writing: mine };
    expect(planRecovery({ pack: edited('Mine'), revision: 4 }, entry)).toEqual({
      kind: 'edits',
      pack: null,
      text: null,
    });
    // Same revision number, another tab's content: a conflict, shown with this page's pack.
    expect(planRecovery({ pack: edited('Theirs'), revision: 4 }, entry)).toMatchObject({
      kind: 'conflict',
      pack: mine,
      revision: 3,
    });
    // Two revisions on: whatever the content of the last one, someone else saved in between.
    expect(planRecovery({ pack: edited('Theirs'), revision: 5 }, entry).kind).toBe('conflict');
  });

  it('keeps unapplied text in every case', () => {
    const entry = { key: 'k', revision: 3, pack: base, text: '{ oops' };
    expect(planRecovery({ pack: base, revision: 3 }, entry)).toEqual({
      kind: 'edits',
      pack: null,
      text: '{ oops',
    });
    expect(planRecovery({ pack: edited('Theirs'), revision: 4 }, entry)).toMatchObject({
      kind: 'conflict',
      text: '{ oops',
    });
  });

  it('has nothing to bring back when storage already holds the stashed pack', () => {
    const plan = planRecovery({ pack: mine, revision: 9 }, { key: 'k', revision: 3, pack: mine });
    expect(plan).toEqual({ kind: 'edits', pack: null, text: null });
  });
});

describe('webStorageStash', () => {
  it('stores the pack being written once when it is the pack itself, and reads both back', () => {
    const items = new Map<string, string>();
    const stash = webStorageStash({
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    });
    const pack = edited('Mine');
    stash.put({ key: 'k', revision: 2, pack, writing: pack, text: '{' }, 'tab-1');
    expect([...items.values()][0]).toContain('"writing":true');
    expect(stash.take('k')).toEqual({ key: 'k', revision: 2, pack, writing: pack, text: '{' });
    expect(items.size).toBe(0); // taken
    stash.put({ key: 'k', revision: 2, pack, writing: base }, 'tab-1');
    expect(stash.take('k')).toEqual({ key: 'k', revision: 2, pack, writing: base });
  });

  it('lets a tab remove only the entry it wrote', () => {
    const stash = memoryStash();
    stash.put({ key: 'k', revision: 1, pack: base }, 'tab-1');
    stash.remove('k', 'tab-2');
    stash.remove('k', 'tab-');
    expect(stash.take('k')).toEqual({ key: 'k', revision: 1, pack: base });
    stash.put({ key: 'k', revision: 1, pack: base }, 'tab-1');
    stash.remove('k', 'tab-1');
    expect(stash.take('k')).toBeUndefined();
  });

  it('ignores an entry whose packs do not parse, and drops an old entry when full', () => {
    const items = new Map<string, string>([
      ['p:k', JSON.stringify({ key: 'k', revision: 1, pack: base, writing: { id: 1 } })],
    ]);
    const full = webStorageStash(
      {
        getItem: (k) => items.get(k) ?? null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
        removeItem: (k) => void items.delete(k),
      },
      'p:',
    );
    expect(full.take('k')).toBeUndefined();
    full.put({ key: 'k', revision: 2, pack: base }, 'tab-1');
    expect(items.size).toBe(0);
    expect(memoryStash().take('k')).toBeUndefined();
  });
});
