import type { LocalizedText, Pack, PackChange } from '../../domain/index.ts';
import type { PackRepository } from '../../storage/index.ts';
import { EMPTY_HISTORY, type History } from './history.ts';
import type { TabChannel } from './tabSync.ts';
import { EMPTY_SELECTION, type Problem, type SaveStatus, type Selection } from './types.ts';
import type { UnsavedStash } from './unsavedStash.ts';

export type PackState = {
  /** Storage key of the open pack; `null` on the workspace. */
  key: string | null;
  pack: Pack | null;
  /** The stored revision `pack` is based on: the next save must find it unchanged. */
  revision: number;
  /** The pack as last read from or written to storage; `pack !== savedPack` means unsaved edits. */
  savedPack: Pack | null;
  history: History;
  selection: Selection;
  saveStatus: SaveStatus;
  /**
   * Text the JSON view holds that is not applied (it does not parse, or the edit was refused):
   * not part of the pack, but kept with it so that a reload or a tab switch does not lose it.
   */
  unappliedText: string | null;
  /** The last storage error or refused edit, for the shell to show. */
  error: LocalizedText | null;
  /** Set when another tab saved this pack over the revision this tab edits. */
  conflict: { revision: number } | null;
  loading: boolean;
};

export const CLOSED: PackState = {
  key: null,
  pack: null,
  revision: 0,
  savedPack: null,
  history: EMPTY_HISTORY,
  selection: EMPTY_SELECTION,
  saveStatus: 'idle',
  unappliedText: null,
  error: null,
  conflict: null,
  loading: false,
};

export const NO_PROBLEMS: readonly Problem[] = [];

export type PackStoreDeps = {
  /** The local repository, or the team server's (which answers the same three calls). */
  packs: Pick<PackRepository, 'get' | 'save' | 'createCopy'>;
  channel?: TabChannel;
  /** Identifies this tab in channel messages. */
  tabId?: string;
  /** Autosave delay after the last edit. */
  autosaveMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The engine's checks beyond the schema (`validatePack`); none when not given. */
  validate?: (pack: Pack) => Problem[];
  /** Where unsaved edits go when the page is hidden (see `stashUnsaved`). */
  stash?: UnsavedStash;
};

export function refused(error: unknown, change: PackChange): LocalizedText {
  const en = error instanceof Error ? error.message : String(error);
  return {
    'zh-CN': `无法应用修改（${change.type}）：${en}`,
    en: `could not apply the edit (${change.type}): ${en}`,
  };
}
