import type { LocalizedText } from '../../domain/index.ts';
import type { UiLocale } from '../i18n/index.tsx';
import type { Studio } from '../state/index.ts';
import type { EditorTab, Route } from '../app/route.ts';

/** What a command can reach: the store, the route and the shell's own dialogs. */
export type CommandContext = {
  studio: Studio;
  route: Route;
  navigate: (route: Route) => void;
  locale: UiLocale;
  setLocale: (locale: UiLocale) => void;
  /** Tabs the editor can show now (the graph tab needs the graph editor). */
  availableTabs: readonly EditorTab[];
  openPalette: () => void;
  /** Opens the file picker to import a pack. */
  importPack: () => void;
  /** Opens the new pack dialog (blank or from a template). */
  newPack: () => void;
  exportPack: () => void;
};

export type CommandGroup = 'file' | 'edit' | 'view' | 'pack';

/**
 * One action of the studio. The same object drives the menus, the keyboard shortcut and the
 * command palette; register one by adding it to COMMANDS in `commands/index.ts`.
 */
export type Command = {
  id: string;
  group: CommandGroup;
  label: LocalizedText;
  /** Chords such as `Mod+Shift+Z` (`Mod` is Cmd on macOS, Ctrl elsewhere). */
  shortcut?: readonly string[];
  /** Runs even while typing in a text field (Save, the palette); others leave typing alone. */
  whileTyping?: boolean;
  enabled?: (ctx: CommandContext) => boolean;
  /** What the command would do now, shown after its label ("Undo: moved C3/C4 boundary…"). */
  detail?: (ctx: CommandContext) => LocalizedText | undefined;
  perform: (ctx: CommandContext) => void | Promise<void>;
};
