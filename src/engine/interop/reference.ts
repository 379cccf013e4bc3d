import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { lt } from '../../domain/index.ts';
import type { EvaluationInputDraft, NodeConfig } from '../../domain/index.ts';
import type { CompiledPack } from '../compilePack.ts';
import { conditionFacts } from '../conditions.ts';
import type { FactSource } from '../conditions.ts';
import { evaluate } from '../evaluate.ts';
import { applyRuleEvents } from '../nodes/rules.ts';
import type { RulesOutput } from '../nodes/rules.ts';
import { createSafePathResolver } from '../safePath.ts';
import { EvaluationError } from '../types.ts';
import type { CompiledNode, EvaluateOptions, EvaluationResult, Scope } from '../types.ts';
import { toJreRule } from './exportJre.ts';
import { addPackOperators } from './jreOperators.ts';

type RulesConfig = NodeConfig<'rules'>;

/** Per rules config: its rules as json-rules-engine JSON and the facts they read, made once. */
const prepared = new WeakMap<RulesConfig, { rules: RuleProperties[]; facts: string[] }>();

function prepare(config: RulesConfig) {
  let p = prepared.get(config);
  if (!p) {
    const facts = new Set(config.rules.flatMap((r) => conditionFacts(r.conditions)));
    p = { rules: config.rules.map(toJreRule) as RuleProperties[], facts: [...facts] };
    prepared.set(config, p);
  }
  return p;
}

/**
 * Runs a rules node's rules through json-rules-engine itself, with `allowUndefinedFacts`, the
 * safe path resolver and the date operators registered, and shapes the output with the engine's `applyRuleEvents`, which orders what
 * fired by priority, then document order (json-rules-engine fires rules of one priority
 * concurrently). Only the facts the rules read are handed over. A failure of json-rules-engine
 * becomes an `EvaluationError` located at `at`.
 *
 * @example
 * const out = await evaluateRulesReference(node.config, { age: 72 }, ['C1', 'C2', 'C3']);
 * out.fired; // ['senior']
 */
export async function evaluateRulesReference(
  config: RulesConfig,
  facts: Scope | FactSource,
  levels: readonly string[] = [],
  at = '$',
): Promise<RulesOutput> {
  const { rules, facts: needed } = prepare(config);
  const read: FactSource =
    typeof facts === 'function' ? facts : (f) => (Object.hasOwn(facts, f) ? facts[f] : undefined);
  const runtime: Record<string, unknown> = {};
  for (const f of needed) {
    const v = read(f);
    if (v !== undefined) runtime[f] = v;
  }
  // A new engine per run: after a failed run json-rules-engine marks itself finished a tick later,
  // which would make a reused engine skip the rules of the next run.
  const engine = addPackOperators(
    new Engine(rules, { allowUndefinedFacts: true, pathResolver: createSafePathResolver() }),
  );
  let fired: string[];
  try {
    const { results } = await engine.run(runtime);
    fired = results.map((r) => String(r.name));
  } catch (e) {
    if (e instanceof EvaluationError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new EvaluationError(
      'rules.reference',
      lt(
        `${at}：json-rules-engine 运行规则失败：${msg}`,
        `${at}: json-rules-engine failed: ${msg}`,
      ),
      at,
    );
  }
  return applyRuleEvents(config, fired, levels);
}

/** Thrown through `evaluate` when it reaches a rules node whose reference output is not known yet. */
class NeedsReference {
  constructor(
    readonly nodeId: string,
    readonly config: RulesConfig,
    readonly scope: Scope,
  ) {}
}

/**
 * Evaluates like `evaluate`, but every rules node runs through json-rules-engine instead of its
 * compiled closure, so that the two modes can be compared end to end. Everything else (input
 * checks, scope, other nodes, result, rationale, trace) is the engine's own `evaluate`.
 *
 * json-rules-engine is asynchronous and `evaluate` is not, so this walks in rounds: a rules node
 * without an answer yet stops the round, json-rules-engine runs on the scope as it was then, and
 * the next round replays (evaluation is pure, so the replay reaches the same scope) up to the next
 * such node. A pack with n rules nodes takes n + 1 rounds.
 *
 * @example
 * const result = await evaluateReference(compilePack(pack), { facts: { age: 72 }, evaluationDate: '2026-06-01' });
 */
export async function evaluateReference(
  compiled: CompiledPack,
  input: EvaluationInputDraft,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const known = new Map<string, RulesOutput>();
  const order = compiled.order.map((n): CompiledNode => {
    const node = n.node;
    if (node.kind !== 'rules') return n;
    return {
      ...n,
      run: (scope) => {
        const out = known.get(n.id);
        if (out) return out;
        throw new NeedsReference(n.id, node.config, scope);
      },
    };
  });
  const reference: CompiledPack = { ...compiled, order };
  for (;;) {
    try {
      return evaluate(reference, input, options);
    } catch (e) {
      if (!(e instanceof NeedsReference)) throw e;
      const { nodeId, config, scope } = e;
      const levels = config.scale ? (compiled.index.scales.get(config.scale)?.ids ?? []) : [];
      const at = `$.graph.nodes[${compiled.index.nodes.get(nodeId)?.index ?? 0}]`;
      try {
        known.set(nodeId, await evaluateRulesReference(config, scope, levels, at));
      } catch (err) {
        const locale = options.locale;
        if (err instanceof EvaluationError && locale && err.localized[locale])
          err.message = err.localized[locale];
        throw err;
      }
    }
  }
}
