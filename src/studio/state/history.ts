import {
  applyChange,
  invertChange,
  type LocalizedText,
  type Pack,
  type PackChange,
} from '../../domain/index.ts';

/** One undoable step: the change as made and the change that takes it back. */
export type HistoryEntry = {
  forward: PackChange;
  inverse: PackChange;
  /** Consecutive changes with the same key (keystrokes in one field) undo as one step. */
  mergeKey?: string;
};

export type History = {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
};

export const EMPTY_HISTORY: History = { undo: [], redo: [] };

/** The intent's name and words of a change, kept when keystrokes merge into one step. */
function named(change: PackChange): { label?: string; text?: LocalizedText } {
  if (change.type !== 'batch') return {};
  return {
    ...(change.label ? { label: change.label } : {}),
    ...(change.text ? { text: change.text } : {}),
  };
}

/** What a step did, in words, when it was made by a named intent ("moved C3/C4 boundary 53 → 60"). */
export function stepText(entry: HistoryEntry | undefined): LocalizedText | undefined {
  return entry?.forward.type === 'batch' ? entry.forward.text : undefined;
}

/** Past this many steps the oldest are dropped: each holds at most a copy of the changed part. */
export const HISTORY_LIMIT = 500;

/** Applies `change` and records it; a new change clears the redo stack. Throws if it cannot apply. */
export function record(
  pack: Pack,
  history: History,
  change: PackChange,
  mergeKey?: string,
): { pack: Pack; history: History } {
  const inverse = invertChange(pack, change);
  const next = applyChange(pack, change);
  const last = history.undo[history.undo.length - 1];
  let entry: HistoryEntry = { forward: change, inverse, ...(mergeKey ? { mergeKey } : {}) };
  let undo = history.undo;
  if (mergeKey !== undefined && last?.mergeKey === mergeKey) {
    undo = undo.slice(0, -1);
    entry = {
      forward: { type: 'batch', changes: [last.forward, change], ...named(change) },
      inverse: { type: 'batch', changes: [inverse, last.inverse], ...named(change) },
      mergeKey,
    };
  }
  return { pack: next, history: { undo: [...undo, entry].slice(-HISTORY_LIMIT), redo: [] } };
}

/** Takes back the last step, or returns `undefined` when there is none. */
export function undo(pack: Pack, history: History): { pack: Pack; history: History } | undefined {
  const entry = history.undo[history.undo.length - 1];
  if (!entry) return undefined;
  return {
    pack: applyChange(pack, entry.inverse),
    // An undone step never merges with the next edit.
    history: {
      undo: history.undo.slice(0, -1),
      redo: [...history.redo, { forward: entry.forward, inverse: entry.inverse }],
    },
  };
}

/** Makes the last undone step again, or returns `undefined` when there is none. */
export function redo(pack: Pack, history: History): { pack: Pack; history: History } | undefined {
  const entry = history.redo[history.redo.length - 1];
  if (!entry) return undefined;
  return {
    pack: applyChange(pack, entry.forward),
    history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1) },
  };
}
