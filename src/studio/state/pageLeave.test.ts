import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestStudio, HeldSaves } from '../../testing/testStudio.ts';

// The page goes away (reload, close) at each point of a save's life; the next open must show
// every edit the user made, and never take this page's own save for another tab's.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const title = (en: string) =>
  ({ type: 'set', path: ['title'], value: { 'zh-CN': en, en } }) as const;

/** A page whose saves wait for the test, with the pack open. */
async function leavingPage() {
  const studio = await createTestStudio();
  cleanups.push(studio.dispose);
  const saves = new HeldSaves();
  const page = studio.openTab({ saves });
  await page.packStore.open('mini');
  const reopen = async () => {
    page.packStore.dispose();
    const next = studio.openTab();
    await next.packStore.open('mini');
    return next;
  };
  const stored = async () => (await studio.storage.packs.get('mini')).pack;
  const revisions = async () => (await studio.storage.packs.revisions('mini')).length;
  return { ...studio, saves, page, store: page.packStore, reopen, stored, revisions };
}

describe('leaving the page', () => {
  it('applies text the JSON view has not applied yet, starts its save and stashes it', async () => {
    const { store, saves, reopen, stored, stash } = await leavingPage();
    let typed = true;
    store.addPendingEdits(() => {
      if (typed) store.dispatch(title('Typed'));
      typed = false;
    });
    store.stashUnsaved();
    expect(saves.size).toBe(1);
    saves.drop();

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: 1 });
    expect(next.packStore.state.pack?.title.en).toBe('Typed');
    await next.autosave();
    expect((await stored()).title.en).toBe('Typed');
    expect(stash.take('mini')).toBeUndefined();
  });

  it('keeps an edit whose save started on visibilitychange and never reached storage', async () => {
    const { store, saves, reopen, stored } = await leavingPage();
    store.dispatch(title('Edited'));
    void store.flush(); // visibilitychange: the save starts, the store is not clean yet
    expect(store.state.saveStatus).toBe('saving');
    store.stashUnsaved(); // pagehide
    saves.drop();

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: 1 });
    await next.autosave();
    expect((await stored()).title.en).toBe('Edited');
  });

  it('takes a save committed after the page stopped as its own, not as a conflict', async () => {
    const { store, saves, reopen, revisions, stash } = await leavingPage();
    store.dispatch(title('Edited'));
    void store.flush();
    store.stashUnsaved();
    await saves.commitUnheard();

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({
      saveStatus: 'saved',
      revision: 2,
      conflict: null,
    });
    expect(next.packStore.state.pack?.title.en).toBe('Edited');
    expect(next.packStore.state.history.undo).toHaveLength(0);
    expect(next.timers.size).toBe(0); // nothing left to write
    expect(await revisions()).toBe(2);
    expect(stash.take('mini')).toBeUndefined();
  });

  it('puts an edit made during a save on top of that save, committed or not', async () => {
    for (const fate of ['committed', 'lost'] as const) {
      const { store, saves, reopen, stored } = await leavingPage();
      store.dispatch(title('First'));
      void store.flush();
      store.dispatch(title('Second')); // while the first write runs
      store.stashUnsaved();
      if (fate === 'committed') await saves.commitUnheard();
      else saves.drop();

      const next = await reopen();
      const base = fate === 'committed' ? 2 : 1;
      expect(next.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: base });
      expect(next.packStore.state.pack?.title.en).toBe('Second');
      await next.autosave();
      expect(next.packStore.state).toMatchObject({ saveStatus: 'saved', revision: base + 1 });
      expect((await stored()).title.en).toBe('Second');
    }
  });

  it('brings back an undo made while the undone edit was being saved', async () => {
    const { store, saves, reopen, stored } = await leavingPage();
    const original = store.state.pack?.title.en;
    store.dispatch(title('Undone'));
    void store.flush();
    store.undo();
    store.stashUnsaved();
    await saves.commitUnheard(); // storage now holds the edit the user took back

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: 2 });
    await next.autosave();
    expect((await stored()).title.en).toBe(original);
  });

  it('still refuses to write over another tab that saved the next revision', async () => {
    const { store, saves, reopen, stored, storage } = await leavingPage();
    store.dispatch(title('Mine'));
    void store.flush();
    store.stashUnsaved();
    saves.drop();
    await storage.packs.rename('mini', { 'zh-CN': '别处', en: 'Elsewhere' });

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({
      saveStatus: 'conflict',
      conflict: { revision: 2 },
    });
    expect(next.packStore.state.pack?.title.en).toBe('Mine');
    await next.autosave();
    expect((await stored()).title.en).toBe('Elsewhere');
  });

  it('keeps JSON text that does not parse, as typed, with nothing else unsaved', async () => {
    const { store, saves, reopen, stored, stash } = await leavingPage();
    const before = await stored();
    store.holdText('{ "format": ');
    store.stashUnsaved();
    expect(saves.size).toBe(0);

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({
      saveStatus: 'saved',
      unappliedText: '{ "format": ',
    });
    expect(next.packStore.state.pack).toEqual(before);
    // Applying an edit replaces the held text; once saved, nothing is left in the stash.
    next.packStore.dispatch(title('Fixed'));
    expect(next.packStore.state.unappliedText).toBeNull();
    await next.autosave();
    expect(stash.take('mini')).toBeUndefined();
  });

  it('keeps the stash in step when the page lives on after pagehide', async () => {
    const { store, saves, stash, stored } = await leavingPage();
    store.dispatch(title('First'));
    void store.flush();
    store.dispatch(title('Second'));
    store.stashUnsaved(); // e.g. into the back/forward cache, and restored
    expect(stash.take('mini')).toMatchObject({ revision: 1, pack: { title: { en: 'Second' } } });
    await saves.release(); // the first write commits; the page hears it
    await expect.poll(() => saves.size).toBe(1); // and starts the second
    // Not deleted although a newer edit is unsaved: restated on the revision just written.
    expect(stash.take('mini')).toMatchObject({
      revision: 2,
      pack: { title: { en: 'Second' } },
      writing: { title: { en: 'Second' } },
    });
    await saves.release();
    await expect.poll(() => store.state.saveStatus).toBe('saved');
    expect((await stored()).title.en).toBe('Second');
    expect(stash.take('mini')).toBeUndefined();
  });

  it('settles a flush only once an edit made during the save is stored too', async () => {
    const { store, saves, stored } = await leavingPage();
    store.dispatch(title('First'));
    void store.flush();
    store.dispatch(title('Second'));
    let settled = false;
    const flushing = store.flush().then(() => (settled = true));
    await saves.release();
    await expect.poll(() => saves.size).toBe(1);
    expect(settled).toBe(false); // e.g. a workflow step must not read storage yet
    await saves.release();
    await flushing;
    expect((await stored()).title.en).toBe('Second');
  });

  it('leaves the stash of another tab of the pack alone when a clean tab goes away', async () => {
    const { store, saves, openTab, reopen } = await leavingPage();
    const clean = openTab();
    await clean.packStore.open('mini');
    store.dispatch(title('Edited'));
    store.stashUnsaved();
    saves.drop();
    clean.packStore.stashUnsaved(); // the browser closes both
    clean.packStore.dispose();

    const next = await reopen();
    expect(next.packStore.state).toMatchObject({ saveStatus: 'dirty', revision: 1 });
    expect(next.packStore.state.pack?.title.en).toBe('Edited');
  });

  it('counts held JSON text as an edit when another tab saves', async () => {
    const { store, openTab } = await leavingPage();
    store.holdText('{ "format": ');
    const other = openTab();
    await other.packStore.open('mini');
    other.packStore.dispatch(title('Other'));
    await other.autosave();
    await expect.poll(() => store.state.saveStatus).toBe('conflict');
    expect(store.state.unappliedText).toBe('{ "format": ');
  });
});
