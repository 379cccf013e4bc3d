import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePack, type EvaluationInput, type Pack } from '../domain/index.ts';
import { createPopulation } from './population/population.ts';
import { compilePack, evaluate, EvaluationError } from './index.ts';
import type { ClassifyOutput } from './nodes/classify.ts';
import { prepareWhatIf, primaryClassify, type Band } from './whatIf.ts';
import { countWhatIf, createWhatIfBuilder } from './whatIfCounts.ts';
import csrcText from '../../rule-packs/cn-csrc-2017/pack.json?raw';
import mifidText from '../../rule-packs/eu-mifid2/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

function withBands(pack: Pack, classifyId: string, bands: Band[]): Pack {
  const copy = structuredClone(pack);
  const node = copy.graph.nodes.find((n) => n.id === classifyId);
  if (node?.kind !== 'classify') throw new Error('no classify node');
  node.config.bands = bands;
  return copy;
}

/** What a full evaluation of every client says, counted the way the what-if counts. */
function fullCounts(pack: Pack, classifyId: string, clients: EvaluationInput[]) {
  const compiled = compilePack(pack);
  const whatIf = prepareWhatIf(compiled, classifyId);
  const { levels, products, flags } = whatIf.shape;
  const levelCounts = new Array<number>(levels.length).fill(0);
  const reach = new Array<number>(products.length * 3).fill(0);
  const flagCounts = new Array<number>(flags.length).fill(0);
  let failed = 0;
  for (const client of clients) {
    try {
      const result = evaluate(compiled, client, { trace: true, rationale: false });
      const out = result.trace?.find((t) => t.nodeId === classifyId)?.output as ClassifyOutput;
      levelCounts[out.levelIndex]! += 1;
      products.forEach((p, i) => {
        const v = result.products[p]?.verdict;
        if (v) reach[i * 3 + ['allowed', 'warn', 'prohibited'].indexOf(v)]! += 1;
      });
      flags.forEach((f, i) => {
        if (result.flags.includes(f)) flagCounts[i]! += 1;
      });
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      failed++;
    }
  }
  return { levels: levelCounts, reach, flags: flagCounts, failed };
}

function profileAll(pack: Pack, classifyId: string, clients: EvaluationInput[]) {
  const whatIf = prepareWhatIf(compilePack(pack), classifyId);
  const builder = createWhatIfBuilder(whatIf.shape, clients.length);
  clients.forEach((c, i) => {
    try {
      builder.add(i, whatIf.profile(c));
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
    }
  });
  return builder.table();
}

/** Moves the boundary between bands j and j + 1 to `at` (whole-number bands). */
function moved(bands: Band[], j: number, at: number): Band[] {
  return bands.map((b, k) =>
    k === j ? { ...b, max: at } : k === j + 1 ? { ...b, min: at + 1 } : { ...b },
  );
}

const csrc = load(csrcText);
const evaluationDate = '2026-06-01';

describe('what-if', () => {
  const clients = createPopulation(csrc, { seed: 7, evaluationDate }).take(300);
  const table = profileAll(csrc, 'classify', clients);
  const original = (csrc.graph.nodes.find((n) => n.id === 'classify')?.config as { bands: Band[] })
    .bands;

  it('picks the classify node that matching reads', () => {
    expect(primaryClassify(compilePack(csrc))).toBe('classify');
    expect(primaryClassify(compilePack(load(mifidText)))).toBe('profile');
  });

  it('shares classes between clients with the same outcomes', () => {
    expect(table.classCount).toBeGreaterThan(1);
    expect(table.classCount).toBeLessThan(clients.length);
  });

  it('counts what a full re-evaluation with the moved boundary gives (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: original.length - 2 }),
        fc.integer({ min: -1, max: 101 }),
        (j, at) => {
          const lo = original[j]!.min;
          const hi = original[j + 1]!.max;
          const bands = moved(original, j, Math.min(Math.max(at, lo), hi - 1));
          const counts = countWhatIf(table, bands, original);
          const full = fullCounts(withBands(csrc, 'classify', bands), 'classify', clients);
          expect([...counts.levels]).toEqual(full.levels);
          expect([...counts.reach]).toEqual(full.reach);
          expect([...counts.flags]).toEqual(full.flags);
          expect(counts.failed + counts.invalid).toBe(full.failed);
        },
      ),
      { seed: 20260601, numRuns: 12 },
    );
  });

  it('counts a gap between bands as failed evaluations, as the engine does', () => {
    const gap = original.map((b, k) => (k === 2 ? { ...b, min: b.min + 5 } : b));
    const counts = countWhatIf(table, gap, original);
    const full = fullCounts(withBands(csrc, 'classify', gap), 'classify', clients);
    expect(counts.failed + counts.invalid).toBe(full.failed);
    expect(full.failed).toBeGreaterThan(0);
    expect([...counts.reach]).toEqual(full.reach);
  });

  it('gives moves whose rows add up to the baseline and columns to the new levels', () => {
    const bands = moved(original, 1, 45);
    const counts = countWhatIf(table, bands, original);
    const base = countWhatIf(table, original);
    const L = table.shape.levels.length;
    for (let r = 0; r < L; r++) {
      let row = 0;
      let col = 0;
      for (let k = 0; k <= L; k++) {
        row += counts.moves[r * (L + 1) + k]!;
        col += counts.moves[k * (L + 1) + r]!;
      }
      expect(row).toBe(base.levels[r]);
      expect(col).toBe(counts.levels[r]);
    }
    // Raising the C2 / C3 boundary can only move clients down from C3 to C2.
    expect(counts.moves[2 * (L + 1) + 1]).toBeGreaterThan(0);
    expect(counts.moves[1 * (L + 1) + 2]).toBe(0);
  });

  it('merges chunks built apart into the same counts', () => {
    const whatIf = prepareWhatIf(compilePack(csrc), 'classify');
    const chunkOf = (from: number, to: number) => {
      const b = createWhatIfBuilder(whatIf.shape, to - from);
      for (let i = from; i < to; i++)
        try {
          b.add(i - from, whatIf.profile(clients[i]!));
        } catch {
          // left at -1, as in the whole table
        }
      return b.table();
    };
    const merged = createWhatIfBuilder(whatIf.shape, clients.length);
    merged.merge(chunkOf(150, 300), 150);
    merged.merge(chunkOf(0, 150), 0);
    const bands = moved(original, 3, 70);
    expect(countWhatIf(merged.table(), bands, original)).toEqual(
      countWhatIf(table, bands, original),
    );
  });

  it('agrees on a pack with several classify nodes (MiFID profile)', () => {
    const mifid = load(mifidText);
    const people = createPopulation(mifid, { seed: 3, evaluationDate }).take(150);
    const profileTable = profileAll(mifid, 'profile', people);
    const bands = (mifid.graph.nodes.find((n) => n.id === 'profile')?.config as { bands: Band[] })
      .bands;
    const shifted = bands.map((b, k) => (k === 1 ? { ...b, min: 2, max: 2 } : b));
    const counts = countWhatIf(profileTable, shifted, bands);
    const full = fullCounts(withBands(mifid, 'profile', shifted), 'profile', people);
    expect([...counts.levels]).toEqual(full.levels);
    expect([...counts.reach]).toEqual(full.reach);
    expect(counts.failed + counts.invalid).toBe(full.failed);
  });
});
