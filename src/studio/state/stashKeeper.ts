import type { Pack } from '../../domain/index.ts';
import type { PackState } from './packState.ts';
import type { Unsaved, UnsavedStash } from './unsavedStash.ts';

/**
 * Keeps the stash in step with the open pack from the moment the page is hidden (or a stash is
 * recovered) until everything in it is committed: a save that commits while the page still runs
 * restates the stash from the new revision instead of deleting edits made in the meantime.
 */
export class StashKeeper {
  private live = false;

  constructor(
    private readonly stash: UnsavedStash | undefined,
    private readonly tab: string,
  ) {}

  /** The entry the last page left for the pack; from now on this tab keeps it (see `keep`). */
  take(key: string): Unsaved | undefined {
    return this.stash?.take(key);
  }

  /** Stashes what is not yet committed now, and keeps doing so on every `sync`. */
  keep(state: PackState, writing: Pack | null): void {
    this.live = true;
    this.sync(state, writing);
  }

  /** Puts what is not yet committed in the stash, or clears it when nothing is left. */
  sync(state: PackState, writing: Pack | null): void {
    const { key, pack, savedPack, revision, unappliedText } = state;
    if (!this.live || !key || !pack || !this.stash) return;
    if (pack === savedPack && !writing && unappliedText === null) {
      this.drop(key);
      return;
    }
    const entry = {
      key,
      revision,
      pack,
      ...(writing ? { writing } : {}),
      ...(unappliedText !== null ? { text: unappliedText } : {}),
    };
    this.stash.put(entry, this.tab);
  }

  /** Discards this tab's stash of the pack: its edits were committed, given up or copied. */
  drop(key: string): void {
    this.live = false;
    this.stash?.remove(key, this.tab);
  }

  /** Stops following the pack (another one opens); what is stashed stays for its next open. */
  forget(): void {
    this.live = false;
  }
}
