import { describe, expect, it } from 'vitest';
import { createPopulation } from '../population/population.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { outcomeKey } from './outcomeMemo.ts';
import { loadStarterPack, starterPackNames } from '../../testing/starterPackFiles.ts';

describe('outcomeKey', () => {
  const key = (prepared: unknown[], applies = prepared.map(() => true)) =>
    outcomeKey({}, applies, prepared, [], []);

  it('tells apart values the checks tell apart', () => {
    const keys = [
      key([1]),
      key(['1']),
      key([true]),
      key([null]),
      key([undefined]),
      key([['a', 'b']]),
      key([['a,b']]),
      key([['a'], 'b']),
      key([1], [false]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives no key when a value is compared by identity', () => {
    expect(key([{ a: 1 }])).toBeUndefined();
    expect(key([[{ a: 1 }]])).toBeUndefined();
    expect(key([[['a']]])).toBeUndefined();
  });

  it('adds active policies and the results of leftover conditions, skipping dimensions that do not apply', () => {
    const residuals = [
      { dim: 0, test: () => true },
      { dim: 1, test: () => false },
    ];
    const a = outcomeKey({}, [true, true], [1, 2], [true, false], residuals);
    const b = outcomeKey({}, [true, false], [1, 2], [true, false], residuals);
    const c = outcomeKey({}, [true, true], [1, 2], [false, false], residuals);
    expect(new Set([a, b, c]).size).toBe(3);
  });
});

describe('remembered match outcomes', () => {
  for (const file of starterPackNames)
    it(`${file}: equal to a cold evaluation for every client, and frozen`, () => {
      const pack = loadStarterPack(file);
      const warm = compilePack(pack);
      const clients = createPopulation(pack, {
        seed: 11,
        evaluationDate: '2026-06-01',
        unanswered: 0.05,
      }).take(120);
      // A cold evaluation per client, with a pack compiled for it alone: nothing remembered.
      const expected = clients.map((client) => {
        try {
          return evaluate(compilePack(pack), client);
        } catch (e) {
          return e as Error;
        }
      });
      // Twice over the same clients: the first pass meets each key, the second remembers it.
      for (const pass of [1, 2])
        clients.forEach((client, i) => {
          const want = expected[i];
          if (want instanceof Error) {
            expect(() => evaluate(warm, client)).toThrow(want.message);
            return;
          }
          const result = evaluate(warm, client);
          expect(result).toEqual(want);
          const first = Object.values(result.products)[0];
          if (pass === 2 && first) {
            expect(Object.isFrozen(first)).toBe(true);
            expect(Object.isFrozen(first.reasons)).toBe(true);
          }
        });
      // Remembered: the same client again gets the very same outcome object.
      expect(evaluate(warm, clients[0]!).products).toBe(evaluate(warm, clients[0]!).products);
    });
});
