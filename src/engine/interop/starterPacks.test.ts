import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { evaluationInputArb } from '../../testing/arbitraries.ts';
import { compilePack } from '../compilePack.ts';
import { evaluate } from '../evaluate.ts';
import { createSafePathResolver } from '../safePath.ts';
import { EvaluationError } from '../types.ts';
import { exportJsonRulesEngine } from './exportJre.ts';
import { addPackOperators } from './jreOperators.ts';
import { evaluateReference } from './reference.ts';
import { loadStarterPack, starterPackNames } from '../../testing/starterPackFiles.ts';

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    // The two modes word a failing condition differently; that both fail is what must agree.
    if (e instanceof EvaluationError) return 'error';
    throw e;
  }
}

describe.each(starterPackNames)('%s through json-rules-engine', (file) => {
  const pack = loadStarterPack(file);
  const compiled = compilePack(pack);
  const exported = exportJsonRulesEngine(pack);
  const seed = [...pack.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);

  it('gives the same result as the compiled engine for random clients', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationInputArb(pack), async (input) => {
        const options = { trace: true, rationale: true };
        const fast = await outcome(() => evaluate(compiled, input, options));
        const reference = await outcome(() => evaluateReference(compiled, input, options));
        expect(reference).toEqual(fast);
      }),
      { seed, numRuns: 100 },
    );
  });

  it('fires, from its export, the rules the compiled engine fired', async () => {
    const resolver = createSafePathResolver();
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(evaluationInputArb(pack), async (input) => {
        const result = await outcome(() => evaluate(compiled, input, { trace: true }));
        if (result === 'error') return;
        const { trace = [] } = result as {
          trace?: { nodeId: string; output: unknown; fired: string[] }[];
        };
        const scope: Record<string, unknown> = {
          ...input.facts,
          answers: input.answers ?? {},
          context: {
            evaluationDate: input.evaluationDate,
            assessmentDate: input.assessmentDate ?? input.evaluationDate,
            initiator: input.initiator ?? 'client',
            clientId: input.clientId,
          },
        };
        for (const t of trace) scope[t.nodeId] = t.output;
        for (const set of exported.ruleSets) {
          const facts = Object.fromEntries(set.facts.map((f) => [f.id, scope[f.id]]));
          const engine = addPackOperators(
            new Engine(set.rules as RuleProperties[], {
              ...exported.engineOptions,
              pathResolver: resolver,
            }),
          );
          const { results } = await engine.run(facts);
          const expected = trace.find((t) => t.nodeId === set.nodeId)?.fired ?? [];
          expect(results.map((r) => String(r.name)).sort()).toEqual([...expected].sort());
          fired += expected.length;
        }
      }),
      { seed: seed + 1, numRuns: 100 },
    );
    if (exported.ruleSets.some((s) => s.rules.length > 0)) expect(fired).toBeGreaterThan(0);
  });
});
