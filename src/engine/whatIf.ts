import { lt, type EvaluationInputDraft, type Reason } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import { runNode } from './evaluate.ts';
import { applyLevelLimits, type ClassifyOutput } from './nodes/classify.ts';
import type { OutputNodeOutput } from './nodes/output.ts';
import { compileGetter } from './scope.ts';
import { EvaluationError } from './types.ts';

/**
 * Threshold what-if for one classify node. Moving a band boundary only changes which band a
 * client's score falls in; everything upstream of the classify node, the score and the caps and
 * floors do not move. So each client is profiled once: its score, its floor and cap, and for every
 * band the client could land in, what the nodes downstream give (product verdicts and flags).
 * Clients with the same downstream outcomes share a class; an update is a counting pass.
 */

/** Verdict codes in typed arrays; `VERDICT_ERROR` marks a band where evaluation fails. */
export const VERDICT_CODES = ['allowed', 'warn', 'prohibited'] as const;
export const VERDICT_ERROR = 3;
/** Set in a class's flag word when evaluation fails downstream at that band. */
export const ERROR_BIT = 0x80000000;
/** Flags beyond this many are not counted (one bit each in a 32-bit word, one bit for errors). */
export const MAX_WHATIF_FLAGS = 31;

export type WhatIfShape = {
  classifyId: string;
  /** Levels of the classify scale, lowest first. */
  levels: string[];
  products: string[];
  /** Output flags, in the order of their bits. */
  flags: string[];
};

/** One client: fixed score and limits; per band rank, verdict codes and flag bits downstream. */
export type ClientProfile = {
  score: number;
  /** Rank of the applying floor, -1 for none. */
  floor: number;
  /** Rank of the applying cap, `levels.length` for none. */
  cap: number;
  /** `levels.length x products.length` verdict codes, band rank major. */
  outcomes: Uint8Array;
  /** Per band rank: flag bits, with the top bit set when evaluation fails there. */
  flagBits: Uint32Array;
};

export type WhatIfProfiler = {
  shape: WhatIfShape;
  profile: (input: EvaluationInputDraft) => ClientProfile;
};

/**
 * Clients as typed arrays, compact enough to move between workers. `classes[i]` is -1 for a
 * client whose evaluation fails whatever the bands (bad input, an upstream error).
 */
export type WhatIfTable = {
  shape: WhatIfShape;
  n: number;
  scores: Float64Array;
  floors: Int8Array;
  caps: Int8Array;
  classes: Int32Array;
  classCount: number;
  /** `classCount x levels x products` verdict codes. */
  classOutcomes: Uint8Array;
  /** `classCount x levels` flag words. */
  classFlags: Uint32Array;
};

export type Band = { level: string; min: number; max: number };

/** The classify node whose level matching reads, else the last classify node in graph order. */
export function primaryClassify(compiled: CompiledPack): string | undefined {
  const classify = compiled.order.filter((n) => n.kind === 'classify').map((n) => n.id);
  for (const node of compiled.pack.graph.nodes)
    if (node.kind === 'match')
      for (const d of node.config.dimensions)
        if (d.kind === 'matrix' || d.kind === 'compare') {
          const root = d.client.split('.')[0] ?? '';
          if (classify.includes(root)) return root;
        }
  return classify[classify.length - 1];
}

function downstreamOf(compiled: CompiledPack, id: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of compiled.pack.graph.edges)
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0)
    for (const t of next.get(queue.pop() as string) ?? [])
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
  return seen;
}

/**
 * Prepares the profiler of one classify node (by default the primary one).
 *
 * @example
 * const whatIf = prepareWhatIf(compilePack(pack));
 * const profile = whatIf.profile(input); // score, floor, cap, outcomes per band
 */
export function prepareWhatIf(
  compiled: CompiledPack,
  classifyId = primaryClassify(compiled),
): WhatIfProfiler {
  const entry = classifyId === undefined ? undefined : compiled.index.nodes.get(classifyId);
  if (!entry || entry.node.kind !== 'classify' || classifyId === undefined)
    throw new Error(`no classify node "${classifyId ?? ''}" to analyse`);
  const c = entry.node.config;
  const levels = compiled.index.scales.get(c.scale)?.ids ?? [];
  const rank = new Map(levels.map((id, i) => [id, i]));
  const L = levels.length;
  const down = downstreamOf(compiled, classifyId);
  const before = compiled.order.filter((n) => n.id !== classifyId && !down.has(n.id));
  const after = compiled.order.filter((n) => down.has(n.id));
  const outputNodes = compiled.order.filter((n) => n.kind === 'output');
  const products = compiled.pack.products.items.map((p) => p.id);
  const P = products.length;
  const flags = [
    ...new Set(
      outputNodes.flatMap((n) =>
        n.node.kind === 'output'
          ? n.node.config.outputs.filter((o) => o.kind === 'flag').map((o) => o.name)
          : [],
      ),
    ),
  ].slice(0, MAX_WHATIF_FLAGS);
  const flagBit = new Map(flags.map((f, i) => [f, 1 << i]));
  const input = compileGetter(c.input);
  const limit = (l: (typeof c.caps)[number]) => ({
    when: compileGetter(l.when),
    rank: rank.get(l.level) ?? 0,
    flag: l.flag,
    reason: l.reason,
  });
  const floors = c.floors.map(limit);
  const caps = c.caps.map(limit);
  const limits = { floors, caps, rulesNodes: c.rulesLimits };
  const path = `$.graph.nodes[${entry.index}]`;

  function profile(client: EvaluationInputDraft): ClientProfile {
    compiled.checkInput(client);
    const scope = compiled.createScope(client);
    for (const node of before) scope[node.id] = runNode(node, scope);
    const score = input(scope);
    if (typeof score !== 'number' || Number.isNaN(score))
      throw new EvaluationError(
        'classify.notNumber',
        lt(
          `分级输入“${c.input}”不是数字（${String(score)}）`,
          `classify input "${c.input}" is not a number (${String(score)})`,
        ),
        `${path}.config.input`,
        classifyId,
      );
    // The classify node's own limit logic, so that the what-if cannot drift from it.
    const limitFlags: Record<string, boolean> = {};
    for (const l of [...caps, ...floors]) if (l.flag) limitFlags[l.flag] = false;
    const reasons: Reason[] = [];
    const applied = applyLevelLimits(scope, limits, rank, limitFlags, reasons);
    const floor = Math.max(-1, applied.floor);
    const cap = Math.min(L, applied.cap);
    const outcomes = new Uint8Array(L * P);
    const flagBits = new Uint32Array(L);
    for (let b = 0; b < L; b++) {
      const r = Math.min(Math.max(b, floor), cap);
      const classified: ClassifyOutput = {
        level: levels[r] as string,
        levelIndex: r,
        score,
        band: levels[b] as string,
        capped: cap < Math.max(b, floor),
        floored: floor > b,
        flags: { ...limitFlags },
        reasons: [...reasons],
      };
      scope[classifyId as string] = classified;
      try {
        for (const node of after) scope[node.id] = runNode(node, scope);
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        outcomes.fill(VERDICT_ERROR, b * P, (b + 1) * P);
        flagBits[b] = ERROR_BIT;
        continue;
      }
      let verdicts: OutputNodeOutput['products'] = {};
      let bits = 0;
      for (const node of outputNodes) {
        const o = scope[node.id] as OutputNodeOutput;
        for (const f of o.flags) bits |= flagBit.get(f) ?? 0;
        if (node.node.kind === 'output' && node.node.config.verdicts) verdicts = o.products;
      }
      flagBits[b] = bits >>> 0;
      for (let p = 0; p < P; p++) {
        const v = verdicts[products[p] as string]?.verdict;
        outcomes[b * P + p] =
          v === 'allowed' ? 0 : v === 'warn' ? 1 : v === 'prohibited' ? 2 : VERDICT_ERROR;
      }
    }
    return { score, floor, cap, outcomes, flagBits };
  }

  return { shape: { classifyId, levels, products, flags }, profile };
}
