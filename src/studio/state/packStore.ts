import { createStore, type StoreApi } from 'zustand/vanilla';
import { afterEdit, type Pack, type PackChange } from '../../domain/index.ts';
import { toStorageError, type StoredPack } from '../../storage/index.ts';
import { Autosave } from './autosave.ts';
import { checkChange } from './checkChange.ts';
import { record, redo, undo, type History } from './history.ts';
import { CLOSED, refused, type PackState, type PackStoreDeps } from './packState.ts';
import { problemCache } from './problemCache.ts';
import { recoveredState } from './recovery.ts';
import { StashKeeper } from './stashKeeper.ts';
import type { TabMessage } from './tabSync.ts';
import type { DispatchResult, Problem, Selection } from './types.ts';

export type { PackState, PackStoreDeps } from './packState.ts';

/**
 * The open pack and everything about editing it: one store, changed only through these methods.
 * Editors read slices with selectors and write with `dispatch(change)`.
 */
export class PackStore {
  readonly store: StoreApi<PackState> = createStore<PackState>(() => CLOSED);
  private readonly deps: PackStoreDeps;
  private readonly tabId: string;
  private readonly unsubscribe: () => void;
  private readonly stash: StashKeeper;
  private readonly autosave: Autosave;
  /** The pack's problems, computed once per pack value (edits make new values). */
  readonly problemsOf: (pack: Pack | null) => readonly Problem[];

  constructor(deps: PackStoreDeps) {
    this.deps = deps;
    this.tabId = deps.tabId ?? 'tab';
    this.stash = new StashKeeper(deps.stash, this.tabId);
    const timing = {
      autosaveMs: 600,
      setTimer: (run: () => void, ms: number): unknown => setTimeout(run, ms),
      clearTimer: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
    };
    this.autosave = new Autosave(this.store, { ...timing, ...deps, tabId: this.tabId }, this.stash);
    this.problemsOf = problemCache(deps.validate);
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
    this.stash.forget();
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
      this.recover(stored);
    } catch (e) {
      if (this.state.key === key)
        this.set({ loading: false, saveStatus: 'error', error: toStorageError(e, key).localized });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.store.setState(CLOSED);
    this.stash.forget();
  }

  /**
   * Applies an edit, records it for undo and schedules the autosave. An edit that cannot apply,
   * or whose result the schema refuses, changes nothing and says why (with the JSON path).
   * The domain's lifecycle follows at once (an edit to a published pack is the next version's
   * draft), so the editor shows the pack storage will hold; the lifecycle is not part of the
   * undo step, since storage never turns a draft back into the published pack.
   */
  dispatch(change: PackChange, options: { mergeKey?: string } = {}): DispatchResult {
    const { pack, history, conflict } = this.state;
    if (!pack) return { ok: false, error: { 'zh-CN': '没有打开的规则包', en: 'no pack is open' } };
    let next: { pack: Pack; history: History };
    try {
      next = record(pack, history, change, options.mergeKey);
      next.pack = afterEdit(pack, next.pack);
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
    // A change to the pack replaces whatever text the JSON view held back.
    this.set({ ...next, error: null, unappliedText: null, saveStatus: status(conflict) });
    this.autosave.schedule();
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
    if (!pack || !next) return false;
    this.set({
      ...next,
      pack: afterEdit(pack, next.pack),
      unappliedText: null,
      saveStatus: status(conflict),
    });
    this.autosave.schedule();
    return true;
  }

  select(selection: Partial<Selection>): void {
    this.set({ selection: { ...this.state.selection, ...selection } });
  }

  clearError(): void {
    this.set({ error: null });
  }

  /** The JSON view's text that is not applied (`null` once it is applied or dropped). */
  holdText(text: string | null): void {
    if (this.state.unappliedText !== text) this.set({ unappliedText: text });
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
    await this.autosave.flush();
  }

  /**
   * Writes the unsaved edits now, after a save that failed for a reason that has passed (the
   * team server was out of reach and is back).
   */
  retrySave(): Promise<void> {
    const { pack, savedPack, conflict } = this.state;
    if (pack && pack !== savedPack && !conflict) this.autosave.schedule();
    return this.flush();
  }

  /** Another tab saved: take its version when this tab has nothing unsaved, else flag the conflict. */
  private async heard(message: TabMessage): Promise<void> {
    const { key, revision } = this.state;
    if (message.from === this.tabId || message.key !== key || message.revision <= revision) return;
    // Input an editor still holds counts as an edit: it must not vanish under a silent reload.
    this.applyPendingEdits();
    const { pack, savedPack, unappliedText } = this.state;
    const clean = pack === savedPack && unappliedText === null;
    if (clean && !this.autosave.busy) await this.reload();
    else this.set({ saveStatus: 'conflict', conflict: { revision: message.revision } });
  }

  /** Drops this tab's unsaved edits and loads the stored pack. */
  async reload(): Promise<void> {
    const { key } = this.state;
    if (!key) return;
    this.stash.drop(key);
    this.autosave.cancel();
    const selection = this.state.selection;
    await this.open(key);
    this.set({ selection });
  }

  /** Keeps this tab's version as a new pack and opens it; returns its key. */
  async saveAsCopy(): Promise<string | undefined> {
    const { pack, key, unappliedText } = this.state;
    if (!pack || !key) return undefined;
    this.autosave.cancel();
    try {
      const copy = await this.deps.packs.createCopy(pack);
      this.stash.drop(key);
      this.store.setState({
        ...CLOSED,
        key: copy.key,
        pack: copy.pack,
        savedPack: copy.pack,
        revision: copy.revision,
        saveStatus: 'saved',
        unappliedText,
      });
      return copy.key;
    } catch (e) {
      this.set({ saveStatus: 'error', error: toStorageError(e, key).localized });
      return undefined;
    }
  }

  /**
   * The page is going away (`pagehide`): starts the save that is due and keeps, synchronously,
   * everything not yet committed (applied edits, the pack of a save under way, text the JSON
   * view holds), since the asynchronous save may not finish before the page is gone. `open`
   * takes it back; until then every save of this page keeps the stash in step.
   */
  stashUnsaved(): void {
    // `flush` applies held input and starts the write before its first await, so the stash
    // below already knows the pack being written.
    void this.flush();
    this.stash.keep(this.state, this.autosave.writing);
  }

  /** Brings back what the last page left unsaved for the pack just opened. */
  private recover(stored: StoredPack): void {
    const { pack } = this.state;
    const entry = pack && this.stash.take(stored.key);
    if (!entry || !pack) return;
    const recovered = recoveredState(pack, stored, entry);
    this.set(recovered);
    if (recovered.saveStatus === 'dirty') this.autosave.schedule();
    // The entry may describe a save that has since been committed: restate it from this state.
    this.stash.keep(this.state, this.autosave.writing);
  }

  dispose(): void {
    this.autosave.cancel();
    this.unsubscribe();
  }
}

const status = (conflict: PackState['conflict']) => (conflict ? 'conflict' : 'dirty');
