import { ZenEngine } from '@gorules/zen-engine';
import { expect } from 'vitest';
import type { EvaluationInput, Pack } from '../../src/domain/index.ts';
import {
  compilePack,
  evaluate,
  EvaluationError,
  exportJdm,
  type EvaluationResult,
} from '../../src/engine/index.ts';
import { createPopulation, type PopulationConfig } from '../../src/engine/population/population.ts';

type ZenResult = {
  error?: { code: string; nodeId: string; rows: string[] } | null;
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

type ZenTrace = { output: Record<string, unknown> };
type NodeOutput = Record<string, unknown>;
/**
 * The keys of a node's output the export computes: a table's `result`, and its `matched` rows
 * where exported (not for first hit); everything of a questionnaire but its knock-out list.
 */
const exportedKeys = (node: NodeOutput, zen: NodeOutput) =>
  'result' in node
    ? ['result', ...('matched' in zen ? ['matched'] : [])]
    : Object.keys(node).filter((k) => k !== 'knockouts');
/**
 * A ZEN expression cannot leave a key out: a fact bound by an unanswered question is null there
 * and absent in the engine (both read as null by references), so records compare without nulls.
 */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (v === null || typeof v !== 'object') return v;
  const kept = Object.entries(v).filter(([, x]) => x !== null && x !== undefined);
  return Object.fromEntries(kept.map(([k, x]) => [k, withoutNulls(x)]));
}
const pick = (o: NodeOutput, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, withoutNulls(o[k])]));
/** What the distinct counts note of a compared node: a table's result, a questionnaire's state. */
const NOTED = ['result', 'complete', 'expired'];

type Outcome = { input: EvaluationInput } & (
  { result: EvaluationResult } | { error: { code: string; nodeId: string | undefined } }
);

export type DifferentialCounts = {
  /** Clients evaluated by both engines with identical outputs, flags and product verdicts. */
  compared: number;
  /** Clients for which both report the same table error (code and node), by code. */
  tableErrors: Record<string, number>;
  /** Clients the engine refused, by error code: the export promises nothing for them. */
  refused: Record<string, number>;
  /**
   * How many different values each output, the initiator and the compared nodes' `result`,
   * `complete` and `expired` (as `<node>.complete`) took over the compared clients.
   */
  distinct: Record<string, number>;
};

/**
 * Runs `count` seeded clients through the compiled engine and through the pack's JDM export in
 * zen-engine, and expects the same outcome for each: the same result, or the same table error
 * (which the export returns as `error`). The export must report nothing it cannot express.
 * `nodes` also compares those nodes' outputs, read from both traces: a table's `result` (and
 * `matched` where exported), a questionnaire's `missing`, `complete`, `expired`, points and bound
 * facts; what no output node can read, such as a list, is compared too.
 */
export async function differential(
  pack: Pack,
  config: PopulationConfig,
  count: number,
  nodes: string[] = [],
): Promise<DifferentialCounts> {
  const { jdm, unsupported } = exportJdm(pack);
  expect(unsupported.filter((p) => p.severity === 'error')).toEqual([]);
  const decision = new ZenEngine().createDecision(jdm);
  const compiled = compilePack(pack);
  const counts: DifferentialCounts = { compared: 0, tableErrors: {}, refused: {}, distinct: {} };
  const seen = new Map<string, Set<string>>();
  const ours: Outcome[] = [];
  for (const input of createPopulation(pack, config).take(count)) {
    try {
      const trace = nodes.length > 0;
      ours.push({ input, result: evaluate(compiled, input, { rationale: false, trace }) });
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      if (e.code.startsWith('table.'))
        ours.push({ input, error: { code: e.code, nodeId: e.nodeId } });
      else counts.refused[e.code] = (counts.refused[e.code] ?? 0) + 1;
    }
  }
  // zen-engine evaluates on its own threads; a bounded batch keeps the test quick and in order.
  for (let i = 0; i < ours.length; i += 100) {
    const batch = ours.slice(i, i + 100);
    const theirs = await Promise.all(
      batch.map((x) => decision.evaluate(x.input, { trace: nodes.length > 0 })),
    );
    batch.forEach((outcome, k) => {
      const response = theirs[k] as { result: ZenResult; trace?: Record<string, ZenTrace> };
      const zen = response.result;
      const clientId = outcome.input.clientId;
      if ('error' in outcome) {
        expect({ clientId, code: zen.error?.code, nodeId: zen.error?.nodeId }).toEqual({
          clientId,
          ...outcome.error,
        });
        const code = outcome.error.code;
        counts.tableErrors[code] = (counts.tableErrors[code] ?? 0) + 1;
        return;
      }
      expect({ clientId, error: zen.error ?? null, ...comparable(zen) }).toEqual({
        clientId,
        error: null,
        ...comparable(outcome.result),
      });
      const values: NodeOutput = { ...outcome.result.outputs, initiator: outcome.input.initiator };
      for (const id of nodes) {
        const node = outcome.result.trace?.find((t) => t.nodeId === id)?.output as NodeOutput;
        const theirNode = response.trace?.[id]?.output[id] as NodeOutput;
        const keys = exportedKeys(node, theirNode);
        expect({ clientId, id, ...pick(theirNode, keys) }).toEqual({
          clientId,
          id,
          ...pick(node, keys),
        });
        for (const k of NOTED) if (k in node) values[`${id}.${k}`] = node[k];
      }
      counts.compared++;
      for (const [name, value] of Object.entries(values))
        seen.set(name, (seen.get(name) ?? new Set()).add(JSON.stringify(value)));
    });
  }
  for (const [name, values] of seen) counts.distinct[name] = values.size;
  return counts;
}
