import type { GraphNode, NodeKind, Pack } from '../domain/index.ts';
import { NODE_KIND_REGISTRY } from './nodes/index.ts';
import type { NodeKindDef } from './nodes/kind.ts';
import { indexPack, type PackIndex } from './packIndex.ts';
import type { Problem } from './types.ts';
import { createValidateContext } from './validateContext.ts';
import { validateContent } from './validateContent.ts';
import { validateTests } from './validateTests.ts';
import { validateGraph } from './validateGraph.ts';
import type { ValueType } from './valueTypes.ts';

/** The definition of a node's kind; the registry is typed per kind, a node is any kind. */
export function defOf(node: GraphNode): NodeKindDef<NodeKind> {
  return NODE_KIND_REGISTRY[node.kind] as unknown as NodeKindDef<NodeKind>;
}

/** Declared output types of every node, for reference checks and the studio's pickers. */
export function nodeOutputTypes(pack: Pack): Map<string, Record<string, ValueType>> {
  return new Map(pack.graph.nodes.map((n) => [n.id, defOf(n).outputs(n as never, pack)]));
}

/**
 * Checks a (schema-valid) pack for everything the schema cannot: graph structure, references,
 * types, levels, table cells, tests. Each problem has a code, a severity, a JSON path, the node it
 * belongs to and a message in zh-CN and en. Only `error`s stop `compilePack`.
 *
 * @example
 * for (const p of validatePack(pack)) console.log(p.severity, p.path, p.message.en);
 * // error $.graph.nodes[3].config.input "q.totl": "totl" does not exist in "q.totl"
 */
export function validatePack(pack: Pack): Problem[] {
  return validateIndexed(indexPack(pack));
}

export function validateIndexed(index: PackIndex): Problem[] {
  const { pack } = index;
  const problems: Problem[] = [];
  const order = validateGraph(pack, problems);
  validateContent(index, problems);
  const outputTypes = nodeOutputTypes(pack);
  // With a cycle there is no upstream relation; references are then checked for existence only.
  const allIds = new Set(pack.graph.nodes.map((n) => n.id));
  pack.graph.nodes.forEach((node, i) => {
    const upstream = order.ok ? (order.ancestors.get(node.id) ?? new Set<string>()) : allIds;
    const ctx = createValidateContext(index, node.id, `$.graph.nodes[${i}]`, upstream, (id) =>
      outputTypes.get(id),
    );
    problems.push(...defOf(node).validate(node as never, ctx));
  });
  validateTests(pack, index, problems);
  return problems;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
