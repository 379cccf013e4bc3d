import { ZenEngine } from '@gorules/zen-engine';
import type { EvaluationInput, Pack } from '../../src/domain/index.ts';
import { compilePack, evaluate, evaluateReference, exportJdm } from '../../src/engine/index.ts';
import { num, timeAsync, timeConcurrent, timeSync, type Timing } from './measure.ts';

export type PeerOptions = {
  /** Clients run through json-rules-engine reference mode (slow: a subset). */
  reference: number;
  /** Clients run through zen-engine on the JDM export (a subset). */
  zen: number;
  /** Include the compiled engine with its plain-language rationale as well as batch mode. */
  rationale?: boolean;
};

/**
 * The same clients through our compiled engine, our json-rules-engine reference mode and
 * zen-engine on the JDM export. The slow peers take the first n clients of the same list.
 */
export async function comparePeers(
  pack: Pack,
  inputs: readonly EvaluationInput[],
  options: PeerOptions,
): Promise<{ base: Timing; timings: Timing[]; compileMs: { ours: number; zen: number } }> {
  let start = performance.now();
  const compiled = compilePack(pack);
  const oursCompile = performance.now() - start;
  const timings: Timing[] = [];
  const timed = timeSync('compiled (batch: no rationale)', inputs, (x) =>
    evaluate(compiled, x, { rationale: false }),
  );
  // Clients who match alike share one remembered match outcome: say how many there were.
  const outcomes = new Set(inputs.map((x) => evaluate(compiled, x, { rationale: false }).products));
  const base = { ...timed, note: `${num(outcomes.size)} distinct match outcomes` };
  timings.push(base);
  const noMemo = compilePack(pack, { memo: false });
  timings.push(
    timeSync('compiled, memo off (batch: no rationale)', inputs, (x) =>
      evaluate(noMemo, x, { rationale: false }),
    ),
  );
  if (options.rationale)
    timings.push(timeSync('compiled (with rationale)', inputs, (x) => evaluate(compiled, x)));
  if (options.reference > 0) {
    const subset = inputs.slice(0, options.reference);
    const t = await timeAsync(
      'json-rules-engine, our reference mode (not a native formulation)',
      subset,
      (x) => evaluateReference(compiled, x, { rationale: false }),
    );
    timings.push({ ...t, note: `first ${subset.length.toLocaleString('en-US')} clients` });
  }
  let zenCompile = 0;
  if (options.zen > 0) {
    const { jdm, unsupported } = exportJdm(pack);
    const errors = unsupported.filter((p) => p.severity === 'error').length;
    start = performance.now();
    const decision = new ZenEngine().createDecision(jdm);
    await decision.evaluate(inputs[0]);
    zenCompile = performance.now() - start;
    const subset = inputs.slice(0, options.zen);
    const note = `first ${subset.length.toLocaleString('en-US')} clients${errors ? `; ${errors} unsupported part(s)` : ''}`;
    const seq = await timeAsync(
      'zen-engine on our JDM export, not idiomatic (awaited one by one)',
      subset,
      (x) => decision.evaluate(x),
    );
    timings.push({ ...seq, note });
    const conc = await timeConcurrent(
      'zen-engine on our JDM export, not idiomatic (64 in flight)',
      subset,
      (x) => decision.evaluate(x),
    );
    timings.push({ ...conc, note: `${note}; uses zen's own threads` });
  }
  return { base, timings, compileMs: { ours: oursCompile, zen: zenCompile } };
}
