import type { StoreApi } from 'zustand/vanilla';
import type { Pack } from '../../domain/index.ts';
import { ConflictError, toStorageError, type StoredPack } from '../../storage/index.ts';
import type { PackState, PackStoreDeps } from './packState.ts';
import type { StashKeeper } from './stashKeeper.ts';

type AutosaveDeps = Required<
  Pick<PackStoreDeps, 'packs' | 'tabId' | 'autosaveMs' | 'setTimer' | 'clearTimer'>
> &
  Pick<PackStoreDeps, 'channel'>;

/**
 * Writes the open pack to storage: after a pause in editing, or at once when asked; one write at
 * a time, the latest state wins, and a write names the revision it was based on so that another
 * tab's save is never overwritten.
 */
export class Autosave {
  private timer: unknown = null;
  private saving: Promise<void> | null = null;
  private again = false;
  private inFlight: Pack | null = null;

  constructor(
    private readonly store: StoreApi<PackState>,
    private readonly deps: AutosaveDeps,
    private readonly stash: StashKeeper,
  ) {}

  /** The pack the write under way stores: not in storage until that write commits. */
  get writing(): Pack | null {
    return this.inFlight;
  }

  /** A save is scheduled or under way. */
  get busy(): boolean {
    return this.timer !== null || this.saving !== null;
  }

  schedule(): void {
    this.cancel();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.save();
    }, this.deps.autosaveMs);
  }

  cancel(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  /**
   * Saves now what is scheduled, and settles once nothing is left to write: a write that was
   * under way is followed by one of the latest state. The write starts before this returns, so
   * that a stash taken right after knows what is being written.
   */
  flush(): Promise<void> {
    if (this.timer !== null) {
      this.cancel();
      void this.save();
    }
    return this.settled();
  }

  private async settled(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private save(): Promise<void> {
    if (this.saving) {
      this.again = true;
      return this.saving;
    }
    this.saving = this.write().finally(() => {
      this.saving = null;
      if (this.again) {
        this.again = false;
        void this.save();
      }
    });
    return this.saving;
  }

  private set(partial: Partial<PackState>): void {
    this.store.setState(partial);
    this.stash.sync(this.store.getState(), this.inFlight);
  }

  private async write(): Promise<void> {
    const { key, pack, savedPack, revision, conflict } = this.store.getState();
    if (!key || !pack || conflict) return;
    // Undo back to the stored pack leaves nothing to write.
    if (pack === savedPack) {
      this.set({ saveStatus: 'saved' });
      return;
    }
    this.inFlight = pack;
    this.set({ saveStatus: 'saving' });
    let stored: StoredPack;
    try {
      stored = await this.deps.packs.save(key, pack, revision);
    } catch (e) {
      this.inFlight = null;
      if (this.store.getState().key !== key) return;
      if (e instanceof ConflictError)
        this.set({ saveStatus: 'conflict', conflict: { revision: e.actualRevision } });
      else {
        const error = toStorageError(e, key);
        this.set({
          saveStatus: error.code === 'offline' ? 'queued' : 'error',
          error: error.localized,
        });
      }
      return;
    }
    this.inFlight = null;
    if (this.store.getState().key !== key) return;
    // Edits made while this write ran stay unsaved (and stashed), now based on its revision.
    this.set({
      revision: stored.revision,
      savedPack: pack,
      saveStatus: this.store.getState().pack === pack ? 'saved' : 'dirty',
      error: null,
    });
    this.deps.channel?.post({
      type: 'saved',
      key,
      revision: stored.revision,
      from: this.deps.tabId,
    });
  }
}
