import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePack } from '../../engine/index.ts';
import {
  ApiClient,
  Outbox,
  TeamPackRepository,
  openTeamCache,
  type PackEvent,
  type TeamCacheDb,
} from '../../storage/remote/index.ts';
import { FakeTeamServer } from '../../storage/remote/fakeTeamServer.ts';
import { fixedClock, testPack } from '../../testing/testPack.ts';
import { PackStore, memoryStash, type TabChannel } from '../state/index.ts';
import { ChannelHub, ManualTimers } from '../../testing/testStudio.ts';
import type { ServerEvents } from './serverEvents.ts';
import { teamChannel } from './teamChannel.ts';
import { teamStash } from './teamStash.ts';
import { startTeamSync } from './teamSync.ts';

/** The server's event stream, driven by the test. */
class FakeEvents implements ServerEvents {
  private readonly pack = new Set<(e: PackEvent) => void>();
  private readonly connection = new Set<(c: boolean) => void>();
  connected = true;
  onPack(l: (e: PackEvent) => void) {
    this.pack.add(l);
    return () => void this.pack.delete(l);
  }
  onConnection(l: (c: boolean) => void) {
    this.connection.add(l);
    return () => void this.connection.delete(l);
  }
  emit(event: PackEvent) {
    for (const l of this.pack) l(event);
  }
  setConnected(connected: boolean) {
    this.connected = connected;
    for (const l of this.connection) l(connected);
  }
  close() {}
}

let counter = 0;
const opened: TeamCacheDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** One user's team studio in one tab, on a fake server. */
async function teamStudio(server = new FakeTeamServer()) {
  const cache = openTeamCache(`test-team-studio-${++counter}`);
  opened.push(cache);
  const api = new ApiClient({ fetch: server.fetch, language: () => 'en' });
  api.setCsrfToken(server.csrfToken);
  const outbox = new Outbox(cache);
  await outbox.load();
  const packs = new TeamPackRepository(api, cache, outbox, fixedClock());
  const events = new FakeEvents();
  const timers = new ManualTimers();
  const tabs: TabChannel = new ChannelHub().open();
  const packStore = new PackStore({
    packs,
    channel: teamChannel(tabs, events, packs),
    tabId: 'tab-1',
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    validate: validatePack,
    stash: teamStash(memoryStash(), outbox),
  });
  const autosave = async () => {
    timers.runAll();
    await packStore.flush();
  };
  const edit = (en: string) =>
    packStore.dispatch({
      type: 'replace',
      pack: { ...packStore.state.pack!, title: { 'zh-CN': en, en } },
    });
  return { server, cache, outbox, packs, events, packStore, autosave, edit };
}

const settle = () => new Promise<void>((done) => setTimeout(done, 0));

describe('the team editor', () => {
  it("reloads a clean editor on another user's save and ignores the echo of its own", async () => {
    const { server, events, packStore, autosave, edit } = await teamStudio();
    server.add(testPack(), 1);
    await packStore.open('mini');
    edit('Mine');
    await autosave();
    expect(packStore.state).toMatchObject({ revision: 2, saveStatus: 'saved' });
    events.emit({ id: 'mini', revision: 2, status: 'draft', by: 'alice' });
    await settle();
    expect(packStore.state.pack?.title.en).toBe('Mine');
    server.saveAs('bob', testPack({ title: { 'zh-CN': 'Bob', en: 'Bob' } }));
    events.emit({ id: 'mini', revision: 3, status: 'draft', by: 'bob' });
    await settle();
    await settle();
    expect(packStore.state).toMatchObject({ revision: 3, saveStatus: 'saved' });
    expect(packStore.state.pack?.title.en).toBe('Bob');
  });

  it('raises the conflict over unsaved edits when another user saves, and writes nothing', async () => {
    const { server, events, packStore, autosave, edit } = await teamStudio();
    server.add(testPack(), 1);
    await packStore.open('mini');
    edit('Mine');
    server.saveAs('bob', testPack({ title: { 'zh-CN': 'Bob', en: 'Bob' } }));
    events.emit({ id: 'mini', revision: 2, status: 'draft', by: 'bob' });
    await settle();
    await settle();
    expect(packStore.state).toMatchObject({ saveStatus: 'conflict', conflict: { revision: 2 } });
    await autosave();
    expect(server.packs.get('mini')?.pack.title.en).toBe('Bob');
  });

  it('keeps offline edits, sends them when the server is back, nothing lost', async () => {
    const { server, events, packs, packStore, autosave, edit, outbox } = await teamStudio();
    server.add(testPack(), 1);
    const sync = startTeamSync({
      events,
      packs,
      packStore,
      onReport: () => {},
      onError: (e) => {
        throw new Error(e.en);
      },
    });
    await packStore.open('mini');
    server.online = false;
    events.setConnected(false);
    edit('Offline 1');
    await autosave();
    expect(packStore.state.saveStatus).toBe('queued');
    expect(packStore.state.error?.en).toMatch(/offline/);
    expect(outbox.get('mini')?.baseRevision).toBe(1);
    edit('Offline 2');
    await autosave();
    expect(sync.state.getState()).toMatchObject({ connected: false, queued: 1 });

    server.online = true;
    events.setConnected(true);
    await sync.sync();
    expect(server.packs.get('mini')).toMatchObject({ revision: 2 });
    expect(server.packs.get('mini')?.pack.title.en).toBe('Offline 2');
    expect(packStore.state).toMatchObject({ revision: 2, saveStatus: 'saved', error: null });
    expect(sync.state.getState()).toMatchObject({ connected: true, queued: 0 });
    sync.stop();
  });

  it('brings back queued edits of a closed pack as the conflict banner when someone saved first', async () => {
    const first = await teamStudio();
    first.server.add(testPack(), 1);
    await first.packStore.open('mini');
    first.server.online = false;
    first.edit('Offline');
    await first.autosave();
    first.packStore.dispose();

    // Later, a new page: Bob saved meanwhile; the outbox meets his revision.
    const server = first.server;
    server.online = true;
    server.saveAs('bob', testPack({ title: { 'zh-CN': 'Bob', en: 'Bob' } }));
    const report = await first.packs.pushOutbox();
    expect(report.conflicts).toEqual(['mini']);
    const outbox = new Outbox(first.cache);
    await outbox.load();
    const timers = new ManualTimers();
    const packStore = new PackStore({
      packs: new TeamPackRepository(
        new ApiClient({ fetch: server.fetch, language: () => 'en' }),
        first.cache,
        outbox,
      ),
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
      stash: teamStash(memoryStash(), outbox),
    });
    await packStore.open('mini');
    expect(packStore.state).toMatchObject({ saveStatus: 'conflict', conflict: { revision: 2 } });
    expect(packStore.state.pack?.title.en).toBe('Offline');
    expect(outbox.list()).toEqual([]);
    expect(server.packs.get('mini')?.pack.title.en).toBe('Bob');
    packStore.dispose();
  });
});
