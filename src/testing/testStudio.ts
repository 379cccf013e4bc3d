import { validatePack } from '../engine/index.ts';
import type { Pack } from '../domain/index.ts';
import {
  openStorage,
  type PackRepository,
  type Storage,
  type StoredPack,
} from '../storage/index.ts';
import { fixedClock, testPack } from './testPack.ts';
import { PackStore } from '../studio/state/packStore.ts';
import type { TabChannel, TabMessage } from '../studio/state/tabSync.ts';
import { memoryStash } from '../studio/state/unsavedStash.ts';

/** Timers that fire only when the test says so: autosave without sleeping. */
export class ManualTimers {
  private next = 1;
  private readonly pending = new Map<number, () => void>();
  readonly setTimer = (run: () => void) => {
    const id = this.next++;
    this.pending.set(id, run);
    return id;
  };
  readonly clearTimer = (id: unknown) => void this.pending.delete(id as number);
  get size(): number {
    return this.pending.size;
  }
  runAll(): void {
    for (const [id, run] of [...this.pending]) {
      this.pending.delete(id);
      run();
    }
  }
}

/** Tabs of one browser: what one posts, the others hear (asynchronously, as BroadcastChannel). */
export class ChannelHub {
  private readonly listeners = new Set<(m: TabMessage) => void>();
  open(): TabChannel {
    const mine = new Set<(m: TabMessage) => void>();
    return {
      post: (message) => {
        for (const l of this.listeners) if (!mine.has(l)) queueMicrotask(() => l(message));
      },
      subscribe: (listener) => {
        mine.add(listener);
        this.listeners.add(listener);
        return () => {
          mine.delete(listener);
          this.listeners.delete(listener);
        };
      },
      close: () => {
        for (const l of mine) this.listeners.delete(l);
      },
    };
  }
}

/**
 * Saves that wait for the test, to stand for a page that goes away while they run: the write
 * may never reach the database, reach it without the page hearing back, or finish as usual.
 */
export class HeldSaves {
  private held: { write: () => Promise<StoredPack>; settle: (p: Promise<StoredPack>) => void }[] =
    [];

  /** `packs` whose `save` waits here. */
  wrap(packs: PackRepository): PackRepository {
    const wrapped = Object.create(packs) as PackRepository;
    wrapped.save = (key, pack, revision) =>
      new Promise((resolve) =>
        this.held.push({ write: () => packs.save(key, pack, revision), settle: resolve }),
      );
    return wrapped;
  }

  get size(): number {
    return this.held.length;
  }

  /** The page went away before the writes reached the database. */
  drop(): void {
    this.held = [];
  }

  /** The writes are committed, but the page had stopped running and never hears back. */
  async commitUnheard(): Promise<void> {
    for (const { write } of this.held.splice(0)) await write();
  }

  /** The writes finish as usual. */
  async release(): Promise<void> {
    for (const { write, settle } of this.held.splice(0)) {
      const written = write();
      settle(written);
      await written.catch(() => undefined);
    }
  }
}

let dbCounter = 0;

/**
 * A headless studio for tests (in the manner of tldraw's TestEditor): a fresh database with the
 * given packs, a store with manual timers, and `openTab()` for a second tab on the same database.
 * Needs `import 'fake-indexeddb/auto'` in the test file.
 */
export async function createTestStudio(packs: Pack[] = [testPack()]) {
  const storage: Storage = openStorage(`test-studio-${++dbCounter}`, fixedClock());
  for (const pack of packs) await storage.packs.create(pack);
  const hub = new ChannelHub();
  // Shared by the tabs, as localStorage is.
  const stash = memoryStash();
  let tabs = 0;
  const openTab = (options: { validate?: typeof validatePack; saves?: HeldSaves } = {}) => {
    const { validate = validatePack, saves } = options;
    const timers = new ManualTimers();
    const packStore = new PackStore({
      packs: saves ? saves.wrap(storage.packs) : storage.packs,
      channel: hub.open(),
      tabId: `tab-${++tabs}`,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
      validate,
      stash,
    });
    /** Fires the autosave and waits for the write. */
    const autosave = async () => {
      timers.runAll();
      await packStore.flush();
    };
    return { packStore, timers, autosave };
  };
  return { storage, stash, openTab, dispose: () => storage.db.delete() };
}
