import type { GraphNode, Pack } from '../../../domain/index.ts';
import { questionsOf } from '../../../domain/index.ts';
import {
  answerType,
  CONTEXT_TYPE,
  factType,
  kindOf,
  typeFits,
  type ValueType,
} from '../../../engine/index.ts';

/** Where a reference's root comes from: it groups the picker's options. */
export type RefGroup =
  { kind: 'fact' } | { kind: 'answers' } | { kind: 'context' } | { kind: 'node'; nodeId: string };

/** One value a node may read, with its type. */
export type RefOption = { ref: string; type: ValueType; group: RefGroup };

/** How deep the picker opens records: `risk.byDimension.financial` is three keys. */
const MAX_DEPTH = 3;

/** The ids of the nodes upstream of `nodeId` (a path of edges leads from them to it). */
export function upstreamOf(pack: Pack, nodeId: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of pack.graph.edges) {
    const list = incoming.get(e.target) ?? [];
    list.push(e.source);
    incoming.set(e.target, list);
  }
  const seen = new Set<string>();
  const stack = [...(incoming.get(nodeId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === nodeId) continue;
    seen.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return seen;
}

/** The declared outputs of a node, or none when its configuration is too broken to say. */
export function nodeOutputs(node: GraphNode, pack: Pack): Record<string, ValueType> {
  try {
    const def = kindOf(node.kind) as { outputs(n: GraphNode, p: Pack): Record<string, ValueType> };
    return def.outputs(node, pack);
  } catch {
    return {};
  }
}

function expand(
  prefix: string,
  type: ValueType,
  group: RefGroup,
  out: RefOption[],
  depth: number,
): void {
  out.push({ ref: prefix, type, group });
  if (type.type !== 'record' || !type.keys || depth >= MAX_DEPTH) return;
  for (const [key, t] of Object.entries(type.keys))
    expand(`${prefix}.${key}`, t, group, out, depth + 1);
}

/**
 * Every reference `nodeId` may read, in picker order: facts, answers, context, then the upstream
 * nodes in document order with their output keys. With `wanted`, only references of a fitting type.
 */
export function scopeRefs(pack: Pack, nodeId: string, wanted?: ValueType): RefOption[] {
  const out: RefOption[] = [];
  for (const fact of pack.vocabulary.facts)
    out.push({ ref: fact.id, type: factType(fact), group: { kind: 'fact' } });
  for (const q of pack.questionnaires)
    for (const question of questionsOf(q))
      out.push({
        ref: `answers.${question.id}`,
        type: answerType(question),
        group: { kind: 'answers' },
      });
  if (CONTEXT_TYPE.type === 'record')
    for (const [key, t] of Object.entries(CONTEXT_TYPE.keys ?? {}))
      out.push({ ref: `context.${key}`, type: t, group: { kind: 'context' } });
  const upstream = upstreamOf(pack, nodeId);
  for (const node of pack.graph.nodes) {
    // The input node's output is the facts, answers and context listed above.
    if (!upstream.has(node.id) || node.kind === 'input') continue;
    const group: RefGroup = { kind: 'node', nodeId: node.id };
    for (const [key, t] of Object.entries(nodeOutputs(node, pack)))
      expand(`${node.id}.${key}`, t, group, out, 1);
  }
  return wanted ? out.filter((o) => typeFits(o.type, wanted)) : out;
}
