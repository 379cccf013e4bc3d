import { CORE_COMMANDS } from './coreCommands.ts';
import type { Command } from './types.ts';

export * from './types.ts';
export * from './shortcuts.ts';
export * from './fuzzy.ts';

/**
 * Every command of the studio. The list drives the menus, the keyboard shortcuts and the command
 * palette: add an editor's commands by spreading its array here.
 */
export const COMMANDS: readonly Command[] = [...CORE_COMMANDS];

export function isEnabled(command: Command, ctx: Parameters<Command['perform']>[0]): boolean {
  return command.enabled ? command.enabled(ctx) : true;
}
