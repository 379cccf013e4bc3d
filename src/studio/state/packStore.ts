import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Pack, PackChange } from '../../domain/index.ts';
import { ConflictError, toStorageError } from '../../storage/index.ts';
import { checkChange } from './checkChange.ts';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history.ts';
import { CLOSED, NO_PROBLEMS, refused, type PackState, type PackStoreDeps } from './packState.ts';
import type { TabMessage } from './tabSync.ts';
import type { DispatchResult, Problem, Selection } from './types.ts';

export type { PackState, PackStoreDeps } from './packState.ts';

/**
 * The open pack and everything about editing it: one store, changed only through these methods.
 * Editors read slices with selectors and write with `dispatch(change)`.
 */
export class PackStore {
  readonly store: StoreApi<PackState> = createStore<PackState>(() => CLOSED);
  private readonly deps: Required<Omit<PackStoreDeps, 'channel' | 'validate' | 'stash'>> &
    Pick<PackStoreDeps, 'channel' | 'validate' | 'stash'>;
  private readonly problemCache = new WeakMap<Pack, readonly Problem[]>();
  private timer: unknown = null;
  private saving: Promise<void> | null = null;
  private saveAgain = false;
  private readonly unsubscribe: () => void;

  constructor(deps: PackStoreDeps) {
    this.deps = {
      tabId: 'tab',
      autosaveMs: 600,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      ...deps,
    };
    this.unsubscribe = deps.channel?.subscribe((m) => void this.heard(m)) ?? (() => {});
  }

  get state(): PackState {
    return this.store.getState();
  }

  private set(partial: Partial<PackState>): void {
    this.store.setState(partial);
  }

  /** Loads a pack from storage; unsaved edits of the pack open before are saved first. */
  async open(key: string): Promise<void> {
    await this.flush();
    this.store.setState({ ...CLOSED, key, loading: true });
    try {
      const stored = await this.deps.packs.get(key);
      if (this.state.key !== key) return;
      this.set({
        pack: stored.pack,
        savedPack: stored.pack,
        revision: stored.revision,
        saveStatus: 'saved',
        loading: false,
      });
      this.recover(key, stored.revision);
    } catch (e) {
      if (this.state.key === key)
        this.set({ loading: false, saveStatus: 'error', error: toStorageError(e, key).localized });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.store.setState(CLOSED);
  }

  /**
   * Applies an edit, records it for undo and schedules the autosave. An edit that cannot apply,
   * or whose result the schema refuses, changes nothing and says why (with the JSON path).
   */
  dispatch(change: PackChange, options: { mergeKey?: string } = {}): DispatchResult {
    const { pack, history, conflict } = this.state;
    if (!pack) return { ok: false, error: { 'zh-CN': '没有打开的规则包', en: 'no pack is open' } };
    let next: { pack: Pack; history: History };
    try {
      next = record(pack, history, change, options.mergeKey);
    } catch (e) {
      const error = refused(e, change);
      this.set({ error });
      return { ok: false, error };
    }
    const error = checkChange(next.pack, change);
    if (error) {
      this.set({ error });
      return { ok: false, error };
    }
    this.set({ ...next, error: null, saveStatus: conflict ? 'conflict' : 'dirty' });
    this.scheduleSave();
    return { ok: true };
  }

  undo(): boolean {
    return this.step(undo);
  }

  redo(): boolean {
    return this.step(redo);
  }

  private step(move: typeof undo): boolean {
    const { pack, history, conflict } = this.state;
    const next = pack ? move(pack, history) : undefined;
    if (!next) return false;
    this.set({ ...next, saveStatus: conflict ? 'conflict' : 'dirty' });
    this.scheduleSave();
    return true;
  }

  /** The pack's problems, computed once per pack value (edits make new values). */
  problemsOf(pack: Pack | null): readonly Problem[] {
    if (!pack || !this.deps.validate) return NO_PROBLEMS;
    let problems = this.problemCache.get(pack);
    if (!problems) {
      problems = this.deps.validate(pack);
      this.problemCache.set(pack, problems);
    }
    return problems;
  }

  select(selection: Partial<Selection>): void {
    this.set({ selection: { ...this.state.selection, ...selection } });
  }

  clearError(): void {
    this.set({ error: null });
  }

  private scheduleSave(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.save();
    }, this.deps.autosaveMs);
  }

  private readonly pendingEdits = new Set<() => void>();

  /**
   * An editor that holds input before dispatching it (the JSON view waits for a pause in typing)
   * registers here, so that Save, leaving the pack and leaving the page apply that input first.
   */
  addPendingEdits(apply: () => void): () => void {
    this.pendingEdits.add(apply);
    return () => this.pendingEdits.delete(apply);
  }

  private applyPendingEdits(): void {
    for (const apply of this.pendingEdits) apply();
  }

  /** Saves now whatever is pending (Save, leaving the pack, hiding the page). */
  async flush(): Promise<void> {
    this.applyPendingEdits();
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
      await this.save();
    } else if (this.saving) await this.saving;
  }

  /** Writes the pack if it has unsaved edits; one write at a time, the latest state wins. */
  save(): Promise<void> {
    if (this.saving) {
      this.saveAgain = true;
      return this.saving;
    }
    this.saving = this.write().finally(() => {
      this.saving = null;
      if (this.saveAgain) {
        this.saveAgain = false;
        void this.save();
      }
    });
    return this.saving;
  }

  private async write(): Promise<void> {
    const { key, pack, savedPack, revision, conflict } = this.state;
    if (!key || !pack || conflict) return;
    // Undo back to the stored pack leaves nothing to write.
    if (pack === savedPack) {
      this.set({ saveStatus: 'saved' });
      return;
    }
    this.set({ saveStatus: 'saving' });
    try {
      const stored = await this.deps.packs.save(key, pack, revision);
      if (this.state.key !== key) return;
      this.set({
        revision: stored.revision,
        savedPack: pack,
        saveStatus: this.state.pack === pack ? 'saved' : 'dirty',
        error: null,
      });
      this.deps.stash?.remove(key);
      this.deps.channel?.post({
        type: 'saved',
        key,
        revision: stored.revision,
        from: this.deps.tabId,
      });
    } catch (e) {
      if (this.state.key !== key) return;
      if (e instanceof ConflictError)
        this.set({ saveStatus: 'conflict', conflict: { revision: e.actualRevision } });
      else this.set({ saveStatus: 'error', error: toStorageError(e, key).localized });
    }
  }

  /** Another tab saved: take its version when this tab has nothing unsaved, else flag the conflict. */
  private async heard(message: TabMessage): Promise<void> {
    const { key, revision } = this.state;
    if (message.from === this.deps.tabId || message.key !== key || message.revision <= revision)
      return;
    // Input an editor still holds counts as an edit: it must not vanish under a silent reload.
    this.applyPendingEdits();
    const { pack, savedPack } = this.state;
    if (pack === savedPack && this.timer === null && !this.saving) await this.reload();
    else this.set({ saveStatus: 'conflict', conflict: { revision: message.revision } });
  }

  /** Drops this tab's unsaved edits and loads the stored pack. */
  async reload(): Promise<void> {
    const { key } = this.state;
    if (!key) return;
    this.deps.stash?.remove(key);
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    const selection = this.state.selection;
    await this.open(key);
    this.set({ selection });
  }

  /** Keeps this tab's version as a new pack and opens it; returns its key. */
  async saveAsCopy(): Promise<string | undefined> {
    const { pack, key } = this.state;
    if (!pack || !key) return undefined;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    try {
      const copy = await this.deps.packs.createCopy(pack);
      this.deps.stash?.remove(key);
      this.store.setState({
        ...CLOSED,
        key: copy.key,
        pack: copy.pack,
        savedPack: copy.pack,
        revision: copy.revision,
        saveStatus: 'saved',
      });
      return copy.key;
    } catch (e) {
      this.set({ saveStatus: 'error', error: toStorageError(e, key).localized });
      return undefined;
    }
  }

  /**
   * Keeps the unsaved edit synchronously (page hide): the asynchronous save may not finish
   * before the page is gone. `open` takes it back.
   */
  stashUnsaved(): void {
    this.applyPendingEdits();
    const { key, pack, savedPack, revision } = this.state;
    if (key && pack && pack !== savedPack) this.deps.stash?.put({ key, revision, pack });
  }

  /** An edit stashed when the page went away comes back as an undoable, unsaved change. */
  private recover(key: string, storedRevision: number): void {
    const unsaved = this.deps.stash?.take(key);
    const { pack } = this.state;
    if (!unsaved || !pack) return;
    const change = { type: 'replace', pack: unsaved.pack } as const;
    const next = record(pack, EMPTY_HISTORY, change);
    if (unsaved.revision === storedRevision) {
      this.set({ ...next, saveStatus: 'dirty' });
      this.scheduleSave();
    } else {
      // Saved elsewhere since: keep the edit on screen, but let the user choose.
      this.set({
        ...next,
        revision: unsaved.revision,
        saveStatus: 'conflict',
        conflict: { revision: storedRevision },
      });
    }
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.unsubscribe();
  }
}
