import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy.ts';
import { formatChord, matchesChord, parseChord, type KeyLike } from './shortcuts.ts';
import { COMMANDS } from './index.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('reads Mod as Ctrl off macOS and Cmd on macOS', () => {
    const undo = parseChord('Mod+Z');
    expect(matchesChord(key('z', { ctrlKey: true }), undo, false)).toBe(true);
    expect(matchesChord(key('z', { metaKey: true }), undo, false)).toBe(false);
    expect(matchesChord(key('z', { metaKey: true }), undo, true)).toBe(true);
    expect(matchesChord(key('z', { ctrlKey: true, shiftKey: true }), undo, false)).toBe(false);
  });

  it('matches shifted letters and a plain Ctrl chord', () => {
    expect(
      matchesChord(key('Z', { ctrlKey: true, shiftKey: true }), parseChord('Mod+Shift+Z'), false),
    ).toBe(true);
    expect(matchesChord(key('y', { ctrlKey: true }), parseChord('Ctrl+Y'), true)).toBe(true);
  });

  it('formats chords for each platform', () => {
    expect(formatChord('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatChord('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});

describe('fuzzy', () => {
  it('matches subsequences and ranks word starts and runs first', () => {
    expect(fuzzyScore('xyz', 'Undo')).toBeNull();
    const items = ['Redo', 'Export pack file', 'Undo', 'Go to the JSON tab'];
    expect(fuzzyFilter('un', items, (s) => s)).toEqual(['Undo']);
    expect(fuzzyFilter('ep', items, (s) => s)[0]).toBe('Export pack file');
    expect(fuzzyFilter('', items, (s) => s)).toEqual(items);
  });

  it('matches Chinese labels character by character', () => {
    expect(fuzzyFilter('撤', ['重做', '撤销'], (s) => s)).toEqual(['撤销']);
  });
});

describe('COMMANDS', () => {
  it('have unique ids, both languages and no shortcut used twice', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) expect(c.label['zh-CN'] && c.label.en).toBeTruthy();
    const chords = COMMANDS.flatMap((c) => c.shortcut ?? []);
    expect(new Set(chords).size).toBe(chords.length);
  });
});
