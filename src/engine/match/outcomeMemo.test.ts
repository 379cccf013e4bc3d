import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import { createPopulation } from '../../testing/population.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { outcomeKey } from './outcomeMemo.ts';

const packTexts = import.meta.glob<string>('../../../rule-packs/*/pack.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function loadPack(file: string): Pack {
  const result = parsePack(packTexts[file] ?? '', file);
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.pack;
}

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
  for (const file of Object.keys(packTexts).sort())
    it(`${file}: equal to a cold evaluation for every client, and frozen`, () => {
      const pack = loadPack(file);
      const warm = compilePack(pack);
      const clients = createPopulation(pack, {
        seed: 11,
        evaluationDate: '2026-06-01',
        unanswered: 0.05,
      }).take(120);
      for (const client of clients) {
        const cold = compilePack(pack);
        let expected: unknown;
        try {
          expected = evaluate(cold, client);
        } catch (e) {
          expect(() => evaluate(warm, client)).toThrow((e as Error).message);
          continue;
        }
        const result = evaluate(warm, client);
        expect(result).toEqual(expected);
        const first = Object.values(result.products)[0];
        if (first) {
          expect(Object.isFrozen(first)).toBe(true);
          expect(Object.isFrozen(first.reasons)).toBe(true);
        }
      }
      // Repeated clients hit the memo: the second pass returns the very same outcome objects.
      const again = evaluate(warm, clients[0]!);
      expect(evaluate(warm, clients[0]!).products).toBe(again.products);
    });
});
