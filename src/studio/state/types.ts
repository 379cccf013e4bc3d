import type { LocalizedText, PathKey } from '../../domain/index.ts';

/** A problem found in the pack by the engine's validatePack, located by JSON path. */
export type { Problem } from '../../engine/index.ts';

/** What the user is looking at: a graph node and, in the inspector, a path inside the pack. */
export type Selection = { nodeId: string | null; focusPath: readonly PathKey[] | null };
export const EMPTY_SELECTION: Selection = { nodeId: null, focusPath: null };

/**
 * `saved`: storage holds what is shown. `dirty`: an edit waits for the autosave. `conflict`:
 * another tab saved first; nothing more is written until the user reloads or saves a copy.
 */
/** `queued`: the team server is out of reach and the edits wait on this device to be sent. */
export type SaveStatus = 'idle' | 'saved' | 'dirty' | 'saving' | 'queued' | 'conflict' | 'error';

export type DispatchResult = { ok: true } | { ok: false; error: LocalizedText };
