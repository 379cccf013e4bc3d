import type { EvaluationInputDraft, FactValue } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import type { OutputNodeOutput } from './nodes/output.ts';
import { buildRationale } from './rationale.ts';
import {
  EvaluationError,
  type EvaluateOptions,
  type CompiledNode,
  type EvaluationResult,
  type NodeTrace,
  type ProductVerdict,
  type Scope,
} from './types.ts';

/** Runs a node; an error from inside it (e.g. a condition's) is tied to the node if it is not yet. */
export function runNode(node: CompiledNode, scope: Scope): unknown {
  try {
    return node.run(scope);
  } catch (e) {
    if (e instanceof EvaluationError && e.nodeId === undefined)
      throw new EvaluationError(e.code, e.localized, e.path, node.id);
    throw e;
  }
}

function localizeError(e: unknown, locale: string | undefined): unknown {
  if (e instanceof EvaluationError && locale && e.localized[locale])
    e.message = e.localized[locale];
  return e;
}

/**
 * Evaluates one client, synchronously. Bad input throws an `EvaluationError` naming its JSON path
 * (`$.answers.Q3`); so does a broken table or a score in no band.
 *
 * @example
 * const result = evaluate(compilePack(pack), {
 *   facts: { age: 35 },
 *   answers: { Q1: 'A', Q9: ['B', 'C'] },
 *   evaluationDate: '2026-06-01',
 * }, { trace: true, now: () => performance.now() });
 * result.outputs.level; // 'C3'
 */
export function evaluate(
  compiled: CompiledPack,
  input: EvaluationInputDraft,
  options: EvaluateOptions = {},
): EvaluationResult {
  try {
    compiled.checkInput(input);
    const scope = compiled.createScope(input);
    const trace: NodeTrace[] | undefined = options.trace ? [] : undefined;
    const now = options.now;
    let outputs: Record<string, FactValue> | undefined;
    let flags: string[] = [];
    let products: Record<string, ProductVerdict> = {};
    for (const node of compiled.order) {
      const start = trace && now ? now() : 0;
      const out = runNode(node, scope);
      scope[node.id] = out;
      if (trace)
        trace.push({
          nodeId: node.id,
          kind: node.kind,
          input: node.reads(scope),
          output: out,
          fired: node.fired(out, scope),
          micros: now ? Math.round((now() - start) * 1000) : 0,
        });
      if (node.kind === 'output') {
        const o = out as OutputNodeOutput;
        // Most packs have one output node: its own maps are the result, with nothing copied.
        if (outputs === undefined) {
          outputs = o.outputs as Record<string, FactValue>;
          flags = o.flags;
        } else {
          outputs = { ...outputs, ...o.outputs } as Record<string, FactValue>;
          flags = [...flags, ...o.flags.filter((f) => !flags.includes(f))];
        }
        if (node.node.kind === 'output' && node.node.config.verdicts) products = o.products;
      }
    }
    const result: EvaluationResult = {
      outputs: outputs ?? {},
      flags,
      products,
      rationale: options.rationale === false ? [] : buildRationale(compiled, scope),
    };
    if (trace) result.trace = trace;
    return result;
  } catch (e) {
    throw localizeError(e, options.locale);
  }
}

/** Evaluates many clients; an input that fails yields its error in place of a result. */
export function evaluateAll(
  compiled: CompiledPack,
  inputs: Iterable<EvaluationInputDraft>,
  options: EvaluateOptions = {},
): (EvaluationResult | EvaluationError)[] {
  const results: (EvaluationResult | EvaluationError)[] = [];
  for (const input of inputs) {
    try {
      results.push(evaluate(compiled, input, options));
    } catch (e) {
      if (e instanceof EvaluationError) results.push(e);
      else throw e;
    }
  }
  return results;
}
