import type { EvaluationInputDraft, LocalizedText, Pack } from '../../domain/index.ts';
import {
  compilePack,
  evaluate,
  EvaluationError,
  PackInvalidError,
  type CompiledPack,
  type EvaluationResult,
  type Problem,
} from '../../engine/index.ts';
import { toInput, type InputDraft } from './inputForm.ts';

export type CompileOutcome =
  { ok: true; compiled: CompiledPack } | { ok: false; problems: Problem[]; message: LocalizedText };

const compiledPacks = new WeakMap<Pack, CompileOutcome>();

/** The pack compiled once per value: every edit makes a new value, every view shares the result. */
export function compileCached(pack: Pack): CompileOutcome {
  let outcome = compiledPacks.get(pack);
  if (!outcome) {
    try {
      outcome = { ok: true, compiled: compilePack(pack) };
    } catch (e) {
      if (!(e instanceof PackInvalidError)) throw e;
      const errors = e.problems.filter((p) => p.severity === 'error');
      outcome = {
        ok: false,
        problems: errors,
        message: {
          'zh-CN': `规则包有 ${errors.length} 个错误，无法运行`,
          en: `The pack has ${errors.length} error(s) and cannot run`,
        },
      };
    }
    compiledPacks.set(pack, outcome);
  }
  return outcome;
}

/** An engine error, as data: its code, the JSON path of the input or pack, and the node. */
export type SimulationError = {
  code: string;
  path: string;
  nodeId?: string;
  message: LocalizedText;
};

export type Simulation =
  | { kind: 'result'; input: EvaluationInputDraft; result: EvaluationResult }
  | { kind: 'error'; input: EvaluationInputDraft; error: SimulationError }
  | { kind: 'invalid'; problems: Problem[]; message: LocalizedText };

/**
 * Evaluates the form as the engine would a submitted one, with the trace. `now` times the nodes
 * (`performance.now` in the browser); without it the trace's times are 0.
 */
export function simulate(pack: Pack, draft: InputDraft, now?: () => number): Simulation {
  const outcome = compileCached(pack);
  if (!outcome.ok) return { kind: 'invalid', problems: outcome.problems, message: outcome.message };
  const input = toInput(pack, draft);
  try {
    const result = evaluate(outcome.compiled, input, now ? { trace: true, now } : { trace: true });
    return { kind: 'result', input, result };
  } catch (e) {
    return { kind: 'error', input, error: errorOf(e) };
  }
}

/** An unexpected failure is shown like an engine error rather than taking the studio down. */
function errorOf(e: unknown): SimulationError {
  if (e instanceof EvaluationError) {
    const error: SimulationError = { code: e.code, path: e.path, message: e.localized };
    if (e.nodeId) error.nodeId = e.nodeId;
    return error;
  }
  const text = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    path: '$',
    message: { 'zh-CN': `内部错误：${text}`, en: `Internal error: ${text}` },
  };
}
