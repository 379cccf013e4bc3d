import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack, PackChange } from '../../domain/index.ts';
import { testPack } from '../../testing/testPack.ts';
import {
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  record,
  redo,
  stepText,
  undo,
  type History,
} from './history.ts';

const base = testPack({ locales: ['zh-CN', 'en', 'ja', 'fr'] });

/** Changes that always apply to `pack`, drawn against its current shape. */
function changeFor(pack: Pack, pick: number, text: string): PackChange {
  const n = pack.locales.length;
  switch (pick % 5) {
    case 0:
      return { type: 'set', path: ['title', 'en'], value: text };
    case 1:
      return { type: 'insert', path: ['locales'], index: pick % (n + 1), value: text };
    case 2:
      return n > 1
        ? { type: 'remove', path: ['locales'], index: pick % n }
        : { type: 'set', path: ['jurisdiction'], value: text || 'x' };
    case 3:
      return { type: 'move', path: ['locales'], from: pick % n, to: (pick * 7) % n };
    default:
      return {
        type: 'batch',
        changes: [
          { type: 'set', path: ['description', 'zh-CN'], value: text },
          { type: 'set', path: ['title', 'zh-CN'], value: `${text}!` },
        ],
      };
  }
}

describe('history', () => {
  it('undoing every step gives back the original, redoing every step the final pack', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100), fc.string({ maxLength: 4 })), { maxLength: 30 }),
        (steps) => {
          let pack = base;
          let history: History = EMPTY_HISTORY;
          for (const [pick, text] of steps)
            ({ pack, history } = record(pack, history, changeFor(pack, pick, text)));
          const final = pack;
          for (let r = undo(pack, history); r; r = undo(pack, history)) ({ pack, history } = r);
          expect(pack).toEqual(base);
          for (let r = redo(pack, history); r; r = redo(pack, history)) ({ pack, history } = r);
          expect(pack).toEqual(final);
        },
      ),
      { seed: 20260110, numRuns: 200 },
    );
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let pack = base;
    let history: History = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      ({ pack, history } = record(pack, history, {
        type: 'set',
        path: ['version'],
        value: `1.0.${i}`,
      }));
    expect(history.undo).toHaveLength(HISTORY_LIMIT);
  });

  it('does not merge an edit into a step that was undone and redone', () => {
    let { pack, history } = record(base, EMPTY_HISTORY, changeFor(base, 0, 'a'), 'k');
    ({ pack, history } = undo(pack, history) ?? { pack, history });
    ({ pack, history } = redo(pack, history) ?? { pack, history });
    const next = record(pack, history, changeFor(pack, 0, 'ab'), 'k');
    expect(next.history.undo).toHaveLength(2);
  });
});

describe('named steps', () => {
  it('say in words what the step did, through undo and redo, and when keystrokes merge', () => {
    const text = { 'zh-CN': '标题改为 A', en: 'retitled A' };
    const named = (value: string): PackChange => ({
      type: 'batch',
      label: 'title',
      text: { ...text, en: `retitled ${value}` },
      changes: [{ type: 'set', path: ['title', 'en'], value }],
    });
    let state = record(base, EMPTY_HISTORY, named('A'), 'title');
    state = record(state.pack, state.history, named('AB'), 'title');
    expect(state.history.undo).toHaveLength(1);
    expect(stepText(state.history.undo.at(-1))?.en).toBe('retitled AB');
    const undone = undo(state.pack, state.history);
    expect(stepText(undone?.history.redo.at(-1))?.en).toBe('retitled AB');
    const plain = record(base, EMPTY_HISTORY, { type: 'set', path: ['title', 'en'], value: 'x' });
    expect(stepText(plain.history.undo.at(-1))).toBeUndefined();
  });
});
