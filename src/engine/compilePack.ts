import type { GraphNode, Pack } from '../domain/index.ts';
import { compileInputCheck, type InputShape } from './inputCheck.ts';
import { orderGraph } from './graphOrder.ts';
import { indexPack, type PackIndex } from './packIndex.ts';
import { compileGetter } from './scope.ts';
import { PackInvalidError, type CompiledNode, type Scope } from './types.ts';
import { defOf, hasErrors, validateIndexed } from './validatePack.ts';

export type CompiledPack = {
  pack: Pack;
  /** Nodes in topological order: evaluate walks these, and so may other runners. */
  order: CompiledNode[];
  index: PackIndex;
  checkInput: (input: InputShape) => void;
};

function compileNode(node: GraphNode, index: PackIndex, path: string): CompiledNode {
  const def = defOf(node);
  const run = def.compile(node as never, { index, path, getter: compileGetter });
  const refs = def.reads(node as never);
  const getters = refs.map((r) => [r, compileGetter(r)] as const);
  return {
    id: node.id,
    kind: node.kind,
    node,
    run,
    reads: (scope: Scope) => {
      const read: Record<string, unknown> = {};
      for (const [ref, get] of getters) read[ref] = get(scope);
      return read;
    },
    fired: (output, scope) => def.fired(node as never, output, scope, index.pack),
  };
}

/**
 * Validates and compiles a pack into closures, once. Throws a `PackInvalidError` carrying the
 * problems when validation finds errors (warnings do not stop compilation).
 *
 * @example
 * const compiled = compilePack(pack);
 * const result = evaluate(compiled, { facts: { age: 35 }, answers: { Q1: 'A' }, evaluationDate: '2026-06-01' });
 */
export function compilePack(pack: Pack): CompiledPack {
  const index = indexPack(pack);
  const problems = validateIndexed(index);
  if (hasErrors(problems)) throw new PackInvalidError(problems);
  const ordered = orderGraph(pack.graph);
  if (!ordered.ok) throw new PackInvalidError(problems);
  const order = ordered.order.map((id) => {
    const entry = index.nodes.get(id);
    if (!entry) throw new Error(`node ${id} missing from index`);
    return compileNode(entry.node, index, `$.graph.nodes[${entry.index}]`);
  });
  return { pack, order, index, checkInput: compileInputCheck(index) };
}
