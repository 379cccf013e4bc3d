import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import miniPack from '../../domain/fixtures/miniPack.json' with { type: 'json' };
import { parsePack, type Pack } from '../../domain/index.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { EvaluationError } from '../types.ts';
import { lintPack } from './lintPack.ts';

type Band = { level: string; min: number; max: number };

function withBands(bands: Band[], fractional: boolean): Pack {
  const input = structuredClone(miniPack) as unknown as {
    graph: { nodes: { id: string; config: { bands?: Band[] } }[] };
    questionnaires: { sections: { questions: { options: { points: number }[] }[] }[] }[];
  };
  const classify = input.graph.nodes.find((n) => n.id === 'classify');
  if (classify) classify.config.bands = bands;
  const q2 = input.questionnaires[0]?.sections[0]?.questions[1];
  if (fractional && q2?.options[1]) q2.options[1].points = 5.5;
  const result = parsePack(input);
  if (!result.ok) throw new Error('mini pack with bands must parse');
  return result.pack;
}

/** Every client the mini pack can see: each answer to Q1 and each choice of Q2. */
const clients = ['A', 'B', 'C'].flatMap((q1) =>
  [['A'], ['B'], ['C'], ['B', 'C']].map((q2) => ({
    facts: { age: 40 },
    answers: { Q1: q1, Q2: q2 },
    evaluationDate: '2026-06-01',
  })),
);

/** The client's score, read through one band that holds every score. */
const catchAll = [false, true].map((f) =>
  compilePack(withBands([{ level: 'C1', min: -99, max: 99 }], f)),
);
function scoreOf(fractional: boolean, client: (typeof clients)[number]): number {
  const trace = evaluate(catchAll[fractional ? 1 : 0] as ReturnType<typeof compilePack>, client, {
    trace: true,
  }).trace;
  return (trace?.find((t) => t.nodeId === 'classify')?.output as { score: number }).score;
}

const bandArb = fc
  .array(
    fc.record({
      level: fc.constantFrom('C1', 'C2', 'C3'),
      min: fc.integer({ min: -2, max: 32 }),
      span: fc.integer({ min: 0, max: 14 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((bs) => bs.map(({ level, min, span }) => ({ level, min, max: min + span })));

describe('band lint against the engine (seeded)', () => {
  it('every score the engine finds no band for was reported; no client lands in a band called unreachable', () => {
    fc.assert(
      fc.property(bandArb, fc.boolean(), (bands, fractional) => {
        const pack = withBands(bands, fractional);
        const found = lintPack(pack);
        const errors = new Set(found.filter((p) => p.severity === 'error').map((p) => p.code));
        const unreachable = new Set(
          found
            .filter((p) => p.code === 'lint.band.unreachable')
            .map((p) => p.path.split('[').pop()),
        );
        const compiled = compilePack(pack);
        for (const client of clients) {
          try {
            const trace = evaluate(compiled, client, { trace: true }).trace ?? [];
            const score = (trace.find((t) => t.nodeId === 'classify')?.output as { score: number })
              .score;
            const hit = bands.findIndex((b) => b.min <= score && score <= b.max);
            expect(unreachable.has(`${hit}]`)).toBe(false);
          } catch (e) {
            if (!(e instanceof EvaluationError) || e.code !== 'classify.noBand') throw e;
            const lowest = Math.min(...bands.map((b) => b.min));
            const highest = Math.max(...bands.map((b) => b.max));
            const score = scoreOf(fractional, client);
            const expected =
              score < lowest
                ? 'lint.band.gapBelow'
                : score > highest
                  ? 'lint.band.gapAbove'
                  : 'lint.band.gap';
            expect(errors, `score ${score}`).toContain(expected);
          }
        }
      }),
      { seed: 4242, numRuns: 120 },
    );
  });
});
