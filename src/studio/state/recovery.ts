import { hashPack, type Pack } from '../../domain/index.ts';
import { EMPTY_HISTORY, record } from './history.ts';
import type { PackState } from './packState.ts';
import type { Unsaved } from './unsavedStash.ts';

/**
 * What opening a pack does with what the last page left in the stash:
 * - `edits`: the stash is the newest state; its pack (when it differs from the stored one) is
 *   put on top of the stored revision as an unsaved edit, and its unapplied text goes back to
 *   the JSON view;
 * - `conflict`: another tab saved since; the stashed state is shown but nothing is written over
 *   the other tab's save until the user reloads or saves a copy.
 */
export type Recovery =
  | { kind: 'edits'; pack: Pack | null; text: string | null }
  | { kind: 'conflict'; pack: Pack; revision: number; text: string | null };

const samePack = (a: Pack, b: Pack) => a === b || hashPack(a) === hashPack(b);

/**
 * Decides which is newer, the stored revision or the stash. The stash is based on
 * `entry.revision`; if a save was under way when the page went away, it may have been committed
 * as the next revision after the page stopped running: that revision is recognized by holding
 * exactly the pack that was being written, and counts as this page's own save.
 */
export function planRecovery(stored: { pack: Pack; revision: number }, entry: Unsaved): Recovery {
  const text = entry.text ?? null;
  const ownSave =
    entry.writing !== undefined &&
    stored.revision === entry.revision + 1 &&
    samePack(stored.pack, entry.writing);
  const same = samePack(entry.pack, stored.pack);
  // Storage already holds the stashed pack: there is nothing to choose between.
  if (stored.revision === entry.revision || ownSave || (same && text === null))
    return { kind: 'edits', pack: same ? null : entry.pack, text };
  return { kind: 'conflict', pack: entry.pack, revision: entry.revision, text };
}

/**
 * The state that brings the stash back over the stored pack just opened (`current`): the pack
 * as one undoable replace, unsaved (`dirty`) or in `conflict`, and the JSON view's text.
 */
export function recoveredState(
  current: Pack,
  stored: { pack: Pack; revision: number },
  entry: Unsaved,
): Partial<PackState> {
  const plan = planRecovery(stored, entry);
  const unappliedText = plan.text;
  if (!plan.pack) return { unappliedText };
  const next = record(current, EMPTY_HISTORY, { type: 'replace', pack: plan.pack });
  if (plan.kind === 'edits') return { ...next, saveStatus: 'dirty', unappliedText };
  return {
    ...next,
    revision: plan.revision,
    saveStatus: 'conflict',
    conflict: { revision: stored.revision },
    unappliedText,
  };
}
