import { useStudio, usePackState } from './StoreContext.tsx';
import type { PackState } from './packStore.ts';
import type { Problem } from './types.ts';
import { stepText } from './history.ts';

/** Thin named slices of the store; components read these, not the whole state. */
export const selectPack = (s: PackState) => s.pack;
export const selectKey = (s: PackState) => s.key;
export const selectSelection = (s: PackState) => s.selection;
export const selectSaveStatus = (s: PackState) => s.saveStatus;
export const selectCanUndo = (s: PackState) => s.history.undo.length > 0;
export const selectCanRedo = (s: PackState) => s.history.redo.length > 0;
/** What undo / redo would take back or make again, in words, when a named intent made it. */
export const selectUndoText = (s: PackState) => stepText(s.history.undo.at(-1));
export const selectRedoText = (s: PackState) => stepText(s.history.redo.at(-1));
export const selectConflict = (s: PackState) => s.conflict;
export const selectError = (s: PackState) => s.error;
export const selectTitle = (s: PackState) => s.pack?.title;

/** The open pack's problems, memoized per pack value. */
export function useProblems(): readonly Problem[] {
  const { packStore } = useStudio();
  const pack = usePackState(selectPack);
  return packStore.problemsOf(pack);
}
