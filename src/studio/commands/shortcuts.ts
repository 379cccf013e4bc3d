/** A key chord such as `Mod+Shift+Z`: `Mod` is Cmd on macOS and Ctrl elsewhere. */
export type Chord = { key: string; mod: boolean; ctrl: boolean; shift: boolean; alt: boolean };

export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

export function parseChord(text: string): Chord {
  const parts = text.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const has = (name: string) => parts.includes(name);
  return { key, mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt') };
}

/**
 * Whether a key event is the chord. `Mod` wants Cmd on macOS and Ctrl elsewhere; `Ctrl` always
 * wants Ctrl (Ctrl+Y is redo on Windows and Linux). Letters compare case-insensitively because
 * Shift changes `event.key`.
 */
export function matchesChord(event: KeyLike, chord: Chord, isMac: boolean): boolean {
  const wantCtrl = chord.ctrl || (chord.mod && !isMac);
  const wantMeta = chord.mod && isMac;
  return (
    event.key.toLowerCase() === chord.key &&
    event.ctrlKey === wantCtrl &&
    event.metaKey === wantMeta &&
    event.shiftKey === chord.shift &&
    event.altKey === chord.alt
  );
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' };

/** `Mod+Shift+Z` as people read it: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatChord(text: string, isMac: boolean): string {
  const parts = text.split('+').map((p) => (p.length === 1 ? p.toUpperCase() : p));
  if (isMac) return parts.map((p) => MAC_SYMBOLS[p] ?? p).join('');
  return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
