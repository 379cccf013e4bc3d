import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };
import { parsePack, type Pack } from '../domain/index.ts';
import { compilePack, evaluate, EvaluationError, PackInvalidError } from '../engine/index.ts';
import { jsonMutation, jsonOverLimit, mutateJson } from '../testing/mutateJson.ts';
import { jsonlItem } from './readers.ts';

/**
 * Seeded fuzzing of what users hand the CLI: mutated packs and mutated input rows must be refused
 * with a located, localized reason or accepted and evaluated; nothing may throw anything else (the
 * CLI's "internal error"), and nothing may reach Object.prototype.
 */
const SEED = 20261208;
const RUNS = 1000;

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeNames();
const untouched = () => {
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

const base = parsePack(miniPack);
if (!base.ok) throw new Error('the mini pack must parse');
const compiled = compilePack(base.pack);
const client = {
  clientId: 'c1',
  facts: { age: 40 },
  answers: { Q1: 'C', Q2: ['B', 'C'] },
  evaluationDate: '2026-06-01',
};

/** Evaluates, accepting only the engine's own located refusal. */
function evaluateOrRefuse(pack: Pack, input: Parameters<typeof evaluate>[1]): 'ok' | 'refused' {
  try {
    evaluate(compilePack(pack), input);
    return 'ok';
  } catch (e) {
    if (e instanceof PackInvalidError) {
      expect(e.problems.every((p) => p.path.startsWith('$'))).toBe(true);
      return 'refused';
    }
    if (e instanceof EvaluationError) {
      expect(e.path).toMatch(/^\$/);
      return 'refused';
    }
    throw e;
  }
}

describe('bad input never escapes as an internal error (seeded fuzz)', () => {
  it(`refuses or runs ${RUNS} mutated packs, every refusal located`, () => {
    const outcomes = { parsed: 0, refused: 0, compiledOrLocated: 0 };
    fc.assert(
      fc.property(
        fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (mutations, asText) => {
          const doc = mutateJson(miniPack, mutations);
          const result = parsePack(asText ? JSON.stringify(doc, null, 1) : doc, 'pack.json');
          untouched();
          if (!result.ok) {
            outcomes.refused++;
            expect(result.errors.length).toBeGreaterThan(0);
            for (const e of result.errors) {
              expect(e.path).toMatch(/^\$/);
              expect(e.message.en).not.toBe('');
              expect(e.message['zh-CN']).not.toBe('');
            }
            return;
          }
          outcomes.parsed++;
          evaluateOrRefuse(result.pack, {
            ...compiled.pack.sampleClients[0]?.input,
            ...client,
            initiator: 'client',
          });
          outcomes.compiledOrLocated++;
          untouched();
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // A dull generator shows here: most mutations must be refused, and some must still parse.
    expect(outcomes.refused).toBeGreaterThan(RUNS / 2);
    expect(outcomes.parsed).toBeGreaterThan(20);
  });

  it(`refuses or evaluates ${RUNS} mutated input rows, every refusal located`, () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const row = mutateJson(client, mutations);
        const item = jsonlItem(7, JSON.stringify(row), undefined);
        untouched();
        expect(item.line).toBe(7);
        if ('error' in item) {
          refused++;
          expect(item.error.en).not.toBe('');
          expect(item.error['zh-CN']).not.toBe('');
          return;
        }
        if (evaluateOrRefuse(base.pack, item.input) === 'refused') refused++;
        untouched();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
    expect(refused).toBeLessThan(RUNS);
  });

  it('refuses packs and rows past a limit before the schema, naming where', () => {
    fc.assert(
      fc.property(jsonOverLimit, fc.boolean(), (mutation, asText) => {
        const doc = mutateJson(miniPack, [mutation]);
        const result = parsePack(asText ? JSON.stringify(doc) : doc, 'pack.json');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]?.code).toMatch(/^limit\./);
        expect(result.errors[0]?.path).toMatch(/^\$./);
        const item = jsonlItem(1, JSON.stringify(mutateJson(client, [mutation])), undefined);
        expect('error' in item ? item.error.en : '').toMatch(/^\$.*(too long|too many)/);
      }),
      { seed: SEED, numRuns: 6 },
    );
  });
});
