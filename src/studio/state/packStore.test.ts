import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatePack } from '../../engine/index.ts';
import { openGovernedStorage } from '../../storage/index.ts';
import { fixedClock, testPack } from '../../testing/testPack.ts';
import { PackStore } from './packStore.ts';
import { createTestStudio, HeldSaves, ManualTimers } from '../../testing/testStudio.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function studio() {
  const s = await createTestStudio();
  cleanups.push(s.dispose);
  return s;
}
const title = (zh: string, en: string) =>
  ({ type: 'set', path: ['title'], value: { 'zh-CN': zh, en } }) as const;

describe('PackStore', () => {
  it('opens a stored pack at its revision', async () => {
    const { openTab } = await studio();
    const { packStore } = openTab();
    await packStore.open('mini');
    expect(packStore.state).toMatchObject({ key: 'mini', revision: 1, saveStatus: 'saved' });
    expect(packStore.state.pack).toEqual(testPack());
  });

  it('applies an edit, autosaves it once after a pause, and a fresh tab reads it back', async () => {
    const { openTab, storage } = await studio();
    const { packStore, timers, autosave } = openTab();
    await packStore.open('mini');
    packStore.dispatch(title('甲', 'A'));
    packStore.dispatch(title('乙', 'B'));
    expect(packStore.state.saveStatus).toBe('dirty');
    expect(timers.size).toBe(1); // debounced: one pending save for both edits
    await autosave();
    expect(packStore.state).toMatchObject({ saveStatus: 'saved', revision: 2 });
    expect(await storage.packs.revisions('mini')).toHaveLength(2);

    const reopened = openTab().packStore;
    await reopened.open('mini');
    expect(reopened.state.pack).toEqual(packStore.state.pack);
  });

  it('undoes and redoes to the exact packs, and a new edit clears redo', async () => {
    const { openTab } = await studio();
    const { packStore } = openTab();
    await packStore.open('mini');
    const original = packStore.state.pack;
    packStore.dispatch(title('甲', 'A'));
    const edited = packStore.state.pack;
    expect(packStore.undo()).toBe(true);
    expect(packStore.state.pack).toEqual(original);
    expect(packStore.redo()).toBe(true);
    expect(packStore.state.pack).toEqual(edited);
    packStore.undo();
    packStore.dispatch({ type: 'set', path: ['version'], value: '1.0.1' });
    expect(packStore.redo()).toBe(false);
    expect(packStore.undo()).toBe(true);
    expect(packStore.undo()).toBe(false);
    expect(packStore.state.pack).toEqual(original);
  });

  it('is saved again after undoing back to the stored pack, without writing', async () => {
    const { openTab, storage } = await studio();
    const { packStore, autosave } = openTab();
    await packStore.open('mini');
    const stored = packStore.state.pack;
    packStore.dispatch({ type: 'replace', pack: { ...testPack(), version: '2.0.0' } });
    packStore.undo();
    expect(packStore.state.pack).toBe(stored);
    await autosave();
    expect(packStore.state.saveStatus).toBe('saved');
    expect(await storage.packs.revisions('mini')).toHaveLength(1);
  });

  it('merges keystrokes in one field into one undo step', async () => {
    const { openTab } = await studio();
    const { packStore } = openTab();
    await packStore.open('mini');
    const original = packStore.state.pack;
    for (const en of ['M', 'Mi', 'Min'])
      packStore.dispatch(title('迷你', en), { mergeKey: 'title.en' });
    expect(packStore.state.history.undo).toHaveLength(1);
    packStore.undo();
    expect(packStore.state.pack).toEqual(original);
  });

  it('refuses an edit the schema rejects, naming the JSON path, and keeps the pack', async () => {
    const { openTab } = await studio();
    const { packStore, timers } = openTab();
    await packStore.open('mini');
    const before = packStore.state.pack;
    const result = packStore.dispatch({ type: 'set', path: ['version'], value: 'one' });
    expect(result.ok).toBe(false);
    expect(packStore.state.error?.en).toContain('$.version');
    expect(packStore.state.pack).toBe(before);
    expect(packStore.state.history.undo).toHaveLength(0);
    expect(timers.size).toBe(0);
  });

  it('refuses an edit that cannot apply', async () => {
    const { openTab } = await studio();
    const { packStore } = openTab();
    await packStore.open('mini');
    const result = packStore.dispatch({ type: 'remove', path: ['graph', 'nodes'], index: 99 });
    expect(result).toMatchObject({ ok: false });
    expect(packStore.state.error?.['zh-CN']).toContain('无法应用修改');
  });

  it('refuses a stale save from a second tab and lets it reload or save a copy', async () => {
    const { openTab, storage } = await studio();
    const a = openTab();
    const b = openTab();
    await a.packStore.open('mini');
    await b.packStore.open('mini');
    await storage.packs.rename('mini', { 'zh-CN': '其他标签页', en: 'Other tab' }); // no broadcast
    a.packStore.dispatch(title('本页', 'This tab'));
    await a.autosave();
    expect(a.packStore.state).toMatchObject({ saveStatus: 'conflict', conflict: { revision: 2 } });
    expect((await storage.packs.get('mini')).pack.title.en).toBe('Other tab');
    // Further edits are held, never written over the other tab's version.
    a.packStore.dispatch({ type: 'set', path: ['version'], value: '9.9.9' });
    await a.autosave();
    expect((await storage.packs.get('mini')).revision).toBe(2);

    const copyKey = await a.packStore.saveAsCopy();
    expect(copyKey).toBe('mini-copy');
    expect((await storage.packs.get('mini-copy')).pack).toMatchObject({
      version: '9.9.9',
      title: { en: 'This tab (copy)' },
    });
    await b.packStore.reload();
    expect(b.packStore.state.pack?.title.en).toBe('Other tab');
  });

  it('hears another tab save: takes its version when clean, flags a conflict when not', async () => {
    const { openTab, storage } = await studio();
    const a = openTab();
    const b = openTab();
    await a.packStore.open('mini');
    await b.packStore.open('mini');
    b.packStore.dispatch(title('乙', 'B'));
    await b.autosave();
    await vi.waitFor(() => expect(a.packStore.state.revision).toBe(2));
    expect(a.packStore.state.pack?.title.en).toBe('B');
    expect(a.packStore.state.conflict).toBeNull();

    a.packStore.dispatch(title('甲', 'A')); // unsaved in A while B saves again
    b.packStore.dispatch({ type: 'set', path: ['version'], value: '2.0.0' });
    await b.autosave();
    await vi.waitFor(() => expect(a.packStore.state.saveStatus).toBe('conflict'));
    await a.autosave();
    expect((await storage.packs.get('mini')).pack.title.en).toBe('B');
  });

  it('validates each pack value once', async () => {
    const { openTab } = await studio();
    const validate = vi.fn(validatePack);
    const { packStore } = openTab({ validate });
    await packStore.open('mini');
    const { pack } = packStore.state;
    expect(packStore.problemsOf(pack)).toBe(packStore.problemsOf(pack));
    expect(validate).toHaveBeenCalledTimes(1);
    packStore.dispatch(title('甲', 'A'));
    packStore.problemsOf(packStore.state.pack);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it('reports a pack that is not in storage', async () => {
    const { openTab } = await studio();
    const { packStore } = openTab();
    await packStore.open('missing');
    expect(packStore.state).toMatchObject({ saveStatus: 'error', pack: null });
    expect(packStore.state.error?.en).toContain('missing');
  });

  it('brings back an edit stashed when the page went away, as an undoable unsaved change', async () => {
    const { openTab, storage } = await studio();
    const saves = new HeldSaves();
    const before = openTab({ saves });
    await before.packStore.open('mini');
    const stored = before.packStore.state.pack;
    before.packStore.dispatch(title('未保存', 'Unsaved'));
    before.packStore.stashUnsaved(); // pagehide; the page is gone before the save reaches storage
    saves.drop();

    const after = openTab();
    await after.packStore.open('mini');
    expect(after.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: 1 });
    expect(after.packStore.state.pack?.title.en).toBe('Unsaved');
    await after.autosave();
    expect((await storage.packs.get('mini')).pack.title.en).toBe('Unsaved');
    after.packStore.undo();
    expect(after.packStore.state.pack).toEqual(stored);

    const again = openTab();
    await again.packStore.open('mini');
    expect(again.packStore.state.history.undo).toHaveLength(0); // taken once, then cleared
  });

  it('does not let a stashed edit overwrite a later save from another tab', async () => {
    const { openTab, storage } = await studio();
    const saves = new HeldSaves();
    const gone = openTab({ saves });
    await gone.packStore.open('mini');
    gone.packStore.dispatch(title('旧页面', 'Old page'));
    gone.packStore.stashUnsaved();
    saves.drop();
    await storage.packs.rename('mini', { 'zh-CN': '新', en: 'Newer' });

    const reopened = openTab();
    await reopened.packStore.open('mini');
    expect(reopened.packStore.state).toMatchObject({
      saveStatus: 'conflict',
      conflict: { revision: 2 },
    });
    expect(reopened.packStore.state.pack?.title.en).toBe('Old page');
    await reopened.autosave();
    expect((await storage.packs.get('mini')).pack.title.en).toBe('Newer');
  });

  it('applies input an editor holds back before saving or stashing', async () => {
    const { openTab, storage } = await studio();
    const { packStore } = openTab();
    await packStore.open('mini');
    let held: string | null = 'Typed';
    packStore.addPendingEdits(() => {
      if (held) packStore.dispatch(title('键入', held));
      held = null;
    });
    await packStore.flush();
    expect((await storage.packs.get('mini')).pack.title.en).toBe('Typed');
  });

  it('treats held editor input as an edit when another tab saves', async () => {
    const { openTab } = await studio();
    const a = openTab();
    const b = openTab();
    await a.packStore.open('mini');
    await b.packStore.open('mini');
    let held = true;
    a.packStore.addPendingEdits(() => {
      if (held) a.packStore.dispatch(title('甲', 'Typed in A'));
      held = false;
    });
    b.packStore.dispatch(title('乙', 'B'));
    await b.autosave();
    await vi.waitFor(() => expect(a.packStore.state.saveStatus).toBe('conflict'));
    expect(a.packStore.state.pack?.title.en).toBe('Typed in A');
  });

  it('shows an edit to a published pack as the draft storage holds, before and after saving', async () => {
    const storage = openGovernedStorage('test-store-lifecycle', fixedClock());
    cleanups.push(() => storage.db.delete());
    await storage.packs.create(testPack({ status: 'published' }));
    const timers = new ManualTimers();
    const packStore = new PackStore({ packs: storage.packs, ...timers });
    await packStore.open('mini');
    packStore.dispatch(title('甲', 'A'));
    expect(packStore.state.pack).toMatchObject({ status: 'draft', version: '1.0.1' });
    const shown = packStore.state.pack;
    timers.runAll();
    await packStore.flush();
    expect((await storage.packs.get('mini')).pack).toEqual(shown);
    // Undo takes back the content, not the lifecycle: storage keeps the draft too.
    packStore.undo();
    expect(packStore.state.pack).toMatchObject({ status: 'draft', version: '1.0.1' });
    expect(packStore.state.pack?.title).toEqual(testPack().title);
    packStore.dispose();
  });
});
