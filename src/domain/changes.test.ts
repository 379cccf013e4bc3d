import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, ChangeError, invertChange, type PackChange } from './changes.ts';
import type { Pack } from './pack.ts';

const base = {
  id: 'p',
  list: [1, 2, 3],
  nested: { a: { b: 1 } },
} as unknown as Pack;

describe('applyChange', () => {
  it('sets, inserts, removes and moves without mutating the input', () => {
    const frozen = structuredClone(base);
    let p = applyChange(base, { type: 'set', path: ['nested', 'a', 'b'], value: 2 });
    p = applyChange(p, { type: 'insert', path: ['list'], index: 0, value: 0 });
    p = applyChange(p, { type: 'remove', path: ['list'], index: 3 });
    p = applyChange(p, { type: 'move', path: ['list'], from: 0, to: 2 });
    expect(p).toEqual({ id: 'p', list: [1, 2, 0], nested: { a: { b: 2 } } });
    expect(base).toEqual(frozen);
  });

  it('refuses reserved keys', () => {
    expect(() => applyChange(base, { type: 'set', path: ['__proto__', 'x'], value: 1 })).toThrow(
      /reserved/,
    );
  });

  it('change then inverse gives back the same pack', () => {
    const change = fc.oneof(
      fc.record({
        type: fc.constant('set' as const),
        path: fc.constant(['nested', 'a', 'b']),
        value: fc.integer(),
      }),
      fc.record({
        type: fc.constant('insert' as const),
        path: fc.constant(['list']),
        index: fc.integer({ min: 0, max: 3 }),
        value: fc.integer(),
      }),
      fc.record({
        type: fc.constant('remove' as const),
        path: fc.constant(['list']),
        index: fc.integer({ min: 0, max: 2 }),
      }),
      fc.record({
        type: fc.constant('move' as const),
        path: fc.constant(['list']),
        from: fc.integer({ min: 0, max: 2 }),
        to: fc.integer({ min: 0, max: 2 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
        const batch: PackChange = { type: 'batch', changes };
        let changed: Pack;
        try {
          changed = applyChange(base, batch);
        } catch (error) {
          fc.pre(!(error instanceof ChangeError));
          throw error;
        }
        const inverse = invertChange(base, batch);
        expect(applyChange(changed, inverse)).toEqual(base);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
