import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportJdm } from '../../src/engine/index.ts';
import { buildPack } from '../../src/testing/fixtures.ts';
import type { PopulationConfig } from '../../src/engine/population/population.ts';
import { csrcPopulationConfig, loadPackFile } from '../bench/workload.ts';
import { differential } from './differential.ts';

const PACKS = fileURLToPath(new URL('../../rule-packs/', import.meta.url));
const STARTER_PACKS = readdirSync(PACKS).filter((id) => existsSync(`${PACKS}${id}/pack.json`));
const starterPack = (id: string) => loadPackFile(`${PACKS}${id}/pack.json`);

type Run = { config: PopulationConfig; count: number; distinct: Record<string, number> };
const evaluationDate = '2026-06-01';
/** Every starter pack runs; these have a population of their own and results they must reach. */
const RUNS: Record<string, Run> = {
  // zen-engine takes ~3 ms of CPU per CSRC client: the timeout leaves room for a busy machine.
  'cn-csrc-2017': { config: csrcPopulationConfig(2017), count: 2000, distinct: { level: 5 } },
  'cn-bank-wealth': { config: { seed: 11, evaluationDate }, count: 500, distinct: { level: 5 } },
  // Every band, so every row of the SRI decision table both matched and did not.
  'eu-mifid2': {
    config: { seed: 2014, evaluationDate },
    count: 1000,
    distinct: { band: 5, acceptedSri: 5 },
  },
};

describe('JDM export through zen-engine agrees with the compiled engine', () => {
  it.each(STARTER_PACKS)(
    '%s: seeded clients, identical outputs, flags, product verdicts and checks',
    async (id) => {
      const run = RUNS[id] ?? { config: { seed: 1, evaluationDate }, count: 300, distinct: {} };
      const counts = await differential(starterPack(id), run.config, run.count);
      expect(counts).toMatchObject({ compared: run.count, tableErrors: {}, refused: {} });
      expect(counts.distinct).toMatchObject(run.distinct);
    },
    180_000,
  );

  // Full answers never leave a required question missing: these runs leave 15% unanswered, and
  // compare each questionnaire node's missing list, completeness and expiry in both engines.
  it.each(STARTER_PACKS)(
    '%s: a share unanswered, firm-initiated and expired assessments, identical missing and complete',
    async (id) => {
      const run = RUNS[id]?.config ?? { seed: 1, evaluationDate };
      const pack = starterPack(id);
      const questionnaires = pack.graph.nodes.filter((n) => n.kind === 'questionnaire');
      const nodes = questionnaires.map((n) => n.id);
      const config = { ...run, seed: run.seed + 15, unanswered: 0.15, firmInitiated: 0.3 };
      const counts = await differential(pack, config, 300, nodes);
      expect(counts).toMatchObject({ compared: 300, tableErrors: {}, refused: {} });
      const both = Object.fromEntries(
        [...nodes.flatMap((n) => [`${n}.complete`, `${n}.expired`]), 'initiator'].map((k) => [
          k,
          2,
        ]),
      );
      expect(counts.distinct).toMatchObject(both);
    },
    120_000,
  );

  it('the mini pack: show-if, numeric bands, a knock-out cap and partial answers', async () => {
    const counts = await differential(
      buildPack(),
      { seed: 5, evaluationDate: '2026-06-01', unanswered: 0.1, coherence: 0.3 },
      500,
    );
    expect(counts).toMatchObject({ compared: 500, tableErrors: {}, refused: {} });
  });
});

describe('what the JDM export covers', () => {
  it('every starter pack exports with nothing it cannot express', () => {
    expect(STARTER_PACKS).toEqual(expect.arrayContaining(Object.keys(RUNS)));
    for (const id of STARTER_PACKS) {
      const errors = exportJdm(starterPack(id)).unsupported.filter((p) => p.severity === 'error');
      expect({ id, errors }).toEqual({ id, errors: [] });
    }
  });

  it('eu-mifid2: the SRI table, once reported as not exported, is a JDM decision table', () => {
    const { jdm, unsupported } = exportJdm(starterPack('eu-mifid2'));
    expect(unsupported.filter((p) => p.nodeId === 'sriFit')).toEqual([]);
    const table = jdm.nodes.find((n) => n.id === '_sriFit-rows');
    expect(table?.type).toBe('decisionTableNode');
    // Collect list is JDM's own collect; the rows come back in row order with their ids.
    expect(table?.content['hitPolicy']).toBe('collect');
    expect(table?.content['rules']).toHaveLength(7);
  });
});
