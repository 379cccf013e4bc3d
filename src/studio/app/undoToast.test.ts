import { describe, expect, it } from 'vitest';
import { lt } from '../../domain/index.ts';
import type { History, HistoryEntry } from '../state/index.ts';
import { toastStore } from './toasts.ts';
import { offerUndo } from './undoToast.ts';

const step = (): HistoryEntry => ({
  forward: { type: 'set', path: ['id'], value: 'a' },
  inverse: { type: 'set', path: ['id'], value: 'b' },
});

function fakeStore(undo: HistoryEntry[]) {
  const store = {
    state: { history: { undo, redo: [] } as History },
    undone: 0,
    undo: () => {
      store.undone++;
      store.state = { history: { undo: undo.slice(0, -1), redo: [] } };
      return true;
    },
  };
  return store;
}

function runAction(id: number): void {
  const toast = toastStore.getState().toasts.find((t) => t.id === id);
  toast?.action?.run();
}

describe('offerUndo', () => {
  it('undoes the step it was offered for', () => {
    const store = fakeStore([step()]);
    const id = offerUndo(store, lt('已删除', 'Deleted'));
    expect(toastStore.getState().toasts.find((t) => t.id === id)?.action?.label.en).toBe('Undo');
    runAction(id);
    expect(store.undone).toBe(1);
  });

  it('undoes nothing after a later edit, and says so', () => {
    const store = fakeStore([step()]);
    const id = offerUndo(store, lt('已删除', 'Deleted'));
    store.state = { history: { undo: [...store.state.history.undo, step()], redo: [] } };
    const before = toastStore.getState().toasts.length;
    runAction(id);
    expect(store.undone).toBe(0);
    const toasts = toastStore.getState().toasts;
    expect(toasts.length).toBe(before + 1);
    expect(toasts.at(-1)?.kind).toBe('error');
  });
});
