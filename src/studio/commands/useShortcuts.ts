import { useEffect, useRef } from 'react';
import { isEnabled } from './index.ts';
import { isMacPlatform, matchesChord, parseChord } from './shortcuts.ts';
import type { Command, CommandContext } from './types.ts';

/** Text fields (and the code editor) keep their own keys, except for commands marked whileTyping. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.closest('.monaco-editor') !== null
  );
}

/**
 * Runs the command whose shortcut a key press is. Listens in the capture phase so that Save and
 * the palette work inside the code editor too, which otherwise takes Ctrl+K and Ctrl+S itself.
 */
export function useShortcuts(commands: readonly Command[], ctx: CommandContext): void {
  const latest = useRef({ commands, ctx });
  useEffect(() => {
    latest.current = { commands, ctx };
  });
  useEffect(() => {
    const isMac = isMacPlatform();
    const chords = commands.flatMap((command) =>
      (command.shortcut ?? []).map((text) => ({ command, chord: parseChord(text) })),
    );
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const hit = chords.find(({ chord }) => matchesChord(event, chord, isMac));
      if (!hit) return;
      const { command } = hit;
      if (!command.whileTyping && isTyping(event.target)) return;
      const context = latest.current.ctx;
      event.preventDefault();
      event.stopPropagation();
      if (isEnabled(command, context)) void command.perform(context);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [commands]);
}
