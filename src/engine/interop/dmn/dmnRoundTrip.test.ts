import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../domain/index.ts';
import { compilePack } from '../../compilePack.ts';
import { evaluate } from '../../evaluate.ts';
import { EvaluationError } from '../../types.ts';
import { createPopulation } from '../../population/population.ts';
import { loadStarterPack, starterPackNames } from '../../../testing/starterPackFiles.ts';
import { exportDmn, PRODUCT_RISK } from './exportDmn.ts';
import { importDmn } from './importDmn.ts';

const CLIENTS = 2000;

/**
 * Export -> import -> evaluate: the DMN decisions of a starter pack, read back into a pack of
 * their own, decide as the pack's nodes do, for seeded clients of the pack. Each decision gets
 * the values its node read (from the trace): a table gives the same result, a classify its band,
 * a matrix "allowed" exactly where the product's check passes.
 */
async function roundTrip(pack: Pack) {
  const exported = exportDmn(pack);
  const imported = await importDmn(exported.xml);
  expect(imported.issues).toEqual([]);
  const original = compilePack(pack);
  const back = compilePack(imported.pack);
  const factOf = (name: string) => {
    const target = imported.mapping.inputs.get(name);
    if (!target || !('fact' in target)) throw new Error(`input ${name} was not imported`);
    return target.fact;
  };
  const outputOf = (name: string) => {
    const target = imported.mapping.decisions.get(name);
    if (!target || !('output' in target)) throw new Error(`decision ${name} was not imported`);
    return target.output;
  };
  const risks = [...new Set(pack.products.items.map((p) => p.risk))];
  const seen = new Map<string, Set<string>>();
  const note = (name: string, v: unknown) => {
    const set = seen.get(name) ?? new Set<string>();
    set.add(JSON.stringify(v));
    seen.set(name, set);
  };
  let compared = 0;
  const clients = createPopulation(pack, { seed: 20261207, evaluationDate: '2026-06-01' }).take(
    CLIENTS,
  );
  for (const client of clients) {
    let result;
    try {
      result = evaluate(original, client, { trace: true, rationale: false });
    } catch (e) {
      if (e instanceof EvaluationError) continue;
      throw e;
    }
    const values = new Map<string, unknown>();
    const outputs = new Map<string, unknown>();
    for (const t of result.trace ?? []) {
      for (const [ref, v] of Object.entries(t.input)) values.set(ref, v);
      outputs.set(t.nodeId, t.output);
    }
    const facts: Record<string, unknown> = {};
    for (const [name, ref] of exported.inputs) {
      const v = values.get(ref);
      if (name !== PRODUCT_RISK && v !== undefined && v !== null) facts[factOf(name)] = v;
    }
    const decide = (risk?: string) =>
      evaluate(
        back,
        {
          clientId: client.clientId,
          facts: risk ? { ...facts, [factOf(PRODUCT_RISK)]: risk } : facts,
          answers: {},
          evaluationDate: '2026-06-01',
        } as never,
        { rationale: false },
      ).outputs;
    const plain = decide(risks[0]);
    for (const [name, d] of exported.decisions) {
      const node = outputs.get(d.nodeId) as Record<string, unknown>;
      if (d.kind === 'table') {
        expect(plain[outputOf(name)], `${name} for ${client.clientId}`).toEqual(node['result']);
        note(name, node['result']);
      } else if (d.kind === 'classify') {
        expect(plain[outputOf(name)], `${name} for ${client.clientId}`).toBe(node['band']);
        note(name, node['band']);
      } else {
        const dimension = pack.graph.nodes.find((n) => n.id === d.nodeId);
        const dimId =
          dimension?.kind === 'match'
            ? dimension.config.dimensions[d.dimension ?? 0]?.id
            : undefined;
        const verdicts = new Map(risks.map((r) => [r, decide(r)[outputOf(name)]]));
        for (const product of pack.products.items) {
          const check = result.products[product.id]?.checks[dimId ?? ''];
          if (check === 'skipped' || check === undefined) continue;
          const verdict = verdicts.get(product.risk);
          expect(verdict === 'allowed', `${name} ${product.id} for ${client.clientId}`).toBe(
            check === 'pass',
          );
          note(name, verdict);
        }
      }
      compared++;
    }
  }
  return { compared, seen, decisions: exported.decisions.size };
}

describe('DMN export round trip', () => {
  for (const name of starterPackNames)
    it(`${name}: exported decisions, imported back, decide as the pack on ${CLIENTS} clients`, async () => {
      const { compared, seen, decisions } = await roundTrip(loadStarterPack(name));
      expect(decisions).toBeGreaterThan(1);
      // Most clients evaluate, and every decision takes more than one value (a dull population
      // or a decision that never varies would prove little).
      expect(compared).toBeGreaterThan(decisions * CLIENTS * 0.8);
      for (const [decision, values] of seen) expect(values.size, decision).toBeGreaterThan(1);
    });
});
