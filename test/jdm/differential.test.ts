import { ZenEngine } from '@gorules/zen-engine';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, Pack } from '../../src/domain/index.ts';
import {
  compilePack,
  evaluate,
  EvaluationError,
  type EvaluationResult,
} from '../../src/engine/index.ts';
import { exportJdm } from '../../src/engine/interop/exportJdm.ts';
import { buildPack } from '../../src/testing/fixtures.ts';
import { createPopulation, type PopulationConfig } from '../../src/testing/population.ts';
import { csrcPopulationConfig, loadCsrcPack, loadPackFile } from '../bench/workload.ts';

type ZenResult = {
  outputs: Record<string, unknown>;
  flags: string[];
  products: Record<string, { verdict: string; flags: string[]; checks: Record<string, string> }>;
};

/** What both engines must agree on: every named output, the raised flags, each product's verdict,
 * product flags and per-dimension checks. Reasons and rationale are text and are not exported. */
function comparable(r: EvaluationResult | ZenResult) {
  const products: Record<string, unknown> = {};
  for (const id of Object.keys(r.products).sort()) {
    const p = r.products[id] as ZenResult['products'][string];
    products[id] = { verdict: p.verdict, flags: p.flags, checks: { ...p.checks } };
  }
  const outputs = Object.fromEntries(
    Object.keys(r.outputs)
      .sort()
      .map((k) => [k, r.outputs[k]]),
  );
  return { outputs, flags: r.flags, products };
}

async function differential(pack: Pack, config: PopulationConfig, count: number) {
  const { jdm, unsupported } = exportJdm(pack);
  expect(unsupported.filter((p) => p.severity === 'error')).toEqual([]);
  const decision = new ZenEngine().createDecision(jdm);
  const compiled = compilePack(pack);
  const clients: EvaluationInput[] = createPopulation(pack, config).take(count);
  const ours: { input: EvaluationInput; result: EvaluationResult }[] = [];
  for (const input of clients) {
    try {
      ours.push({ input, result: evaluate(compiled, input, { rationale: false }) });
    } catch (e) {
      // The engine refuses bad input; the export only promises agreement where evaluation succeeds.
      if (!(e instanceof EvaluationError)) throw e;
    }
  }
  // zen-engine evaluates on its own threads; a bounded batch keeps the test quick and in order.
  for (let i = 0; i < ours.length; i += 100) {
    const batch = ours.slice(i, i + 100);
    const theirs = await Promise.all(batch.map((x) => decision.evaluate(x.input)));
    batch.forEach(({ input, result }, k) => {
      const zen = comparable((theirs[k] as { result: ZenResult }).result);
      expect({ clientId: input.clientId, ...zen }).toEqual({
        clientId: input.clientId,
        ...comparable(result),
      });
    });
  }
  return { compared: ours.length };
}

describe('JDM export through zen-engine agrees with the compiled engine', () => {
  it('cn-csrc-2017: 2,000 seeded clients, identical levels, flags and product verdicts', async () => {
    const { compared } = await differential(loadCsrcPack(), csrcPopulationConfig(2017), 2000);
    expect(compared).toBe(2000);
    // zen-engine takes ~3 ms of CPU per CSRC client: room for a busy machine.
  }, 180_000);

  it('cn-bank-wealth: 500 seeded clients with default distributions', async () => {
    const pack = loadPackFile(
      new URL('../../rule-packs/cn-bank-wealth/pack.json', import.meta.url).pathname,
    );
    const { compared } = await differential(pack, { seed: 11, evaluationDate: '2026-06-01' }, 500);
    expect(compared).toBeGreaterThan(450);
  });

  it('the mini pack: show-if, numeric bands, a knock-out cap and partial answers', async () => {
    const { compared } = await differential(
      buildPack(),
      { seed: 5, evaluationDate: '2026-06-01', unanswered: 0.1, coherence: 0.3 },
      500,
    );
    expect(compared).toBeGreaterThan(400);
  });

  it('eu-mifid2 is reported as not fully expressible (its SRI decision table), never dropped', () => {
    const pack = loadPackFile(
      new URL('../../rule-packs/eu-mifid2/pack.json', import.meta.url).pathname,
    );
    const errors = exportJdm(pack).unsupported.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.nodeId)).toContain('sriFit');
  });
});
