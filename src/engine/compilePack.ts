import type { EvaluationInputDraft, GraphNode, Pack } from '../domain/index.ts';
import { compileInputCheck, type InputShape } from './inputCheck.ts';
import { orderGraph } from './graphOrder.ts';
import { INPUT_FACTS } from './nodes/input.ts';
import { indexPack, type PackIndex } from './packIndex.ts';
import { recordTemplate } from './recordTemplate.ts';
import { compileGetter } from './scope.ts';
import { PackInvalidError, type CompiledNode, type Scope } from './types.ts';
import { createValidateContext } from './validateContext.ts';
import { defOf, hasErrors, nodeOutputTypes, validateIndexed } from './validatePack.ts';
import type { ValidateContext } from './nodes/kind.ts';

export type CompiledPack = {
  pack: Pack;
  /** Nodes in topological order: evaluate walks these, and so may other runners. */
  order: CompiledNode[];
  index: PackIndex;
  checkInput: (input: InputShape) => void;
  /** The scope the nodes read for one input: facts at the root, `answers`, `context`. */
  createScope: (input: EvaluationInputDraft) => Scope;
};

const EMPTY: Record<string, never> = {};

/**
 * Scopes are cloned from a template that already holds every fact id, `answers`, `context` and
 * node id: each scope then has the same shape, which V8 copies and reads quickly, where adding
 * keys one by one to `{}` builds a slow dictionary object per client.
 */
function compileScope(pack: Pack, nodeIds: readonly string[]): CompiledPack['createScope'] {
  const factIds = pack.vocabulary.facts.map((f) => f.id);
  const template: Scope = recordTemplate(
    [...factIds, INPUT_FACTS, 'answers', 'context', ...nodeIds],
    undefined,
  );
  return (input) => {
    const facts = (input.facts ?? EMPTY) as Record<string, unknown>;
    // The input check admits only vocabulary facts, all of them keys of the template already; a
    // spread copies own properties only, so nothing inherited reaches the scope.
    const scope: Scope = { ...template, ...facts };
    scope[INPUT_FACTS] = facts;
    scope['answers'] = input.answers ?? EMPTY;
    scope['context'] = {
      evaluationDate: input.evaluationDate,
      assessmentDate: input.assessmentDate ?? input.evaluationDate,
      initiator: input.initiator ?? 'client',
      clientId: input.clientId,
    };
    return scope;
  };
}

function compileNode(
  node: GraphNode,
  index: PackIndex,
  path: string,
  typing: () => ValidateContext,
  memo: boolean,
): CompiledNode {
  const def = defOf(node);
  const run = def.compile(node as never, {
    index,
    memo,
    path,
    getter: compileGetter,
    conditionTypes: (c, extra) => typing().conditionTypes(c, extra),
  });
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
 * What validation knows of the types each node reads, for compilers (this one and the exports):
 * one context per node, made only when the node asks for types (rules do, per rule).
 */
export function nodeTyping(
  index: PackIndex,
  ancestors: ReadonlyMap<string, Set<string>>,
): (nodeId: string, path: string) => () => ValidateContext {
  const outputTypes = nodeOutputTypes(index.pack);
  return (id, path) => {
    let context: ValidateContext | undefined;
    const upstream = ancestors.get(id) ?? new Set<string>();
    return () =>
      (context ??= createValidateContext(index, id, path, upstream, (n) => outputTypes.get(n)));
  };
}

/**
 * `memo: false` turns off the match nodes' memo of outcomes shared by clients (on by default): the
 * verdicts are the same, only the time differs; benchmarks measure the engine without it.
 */
export type CompileOptions = { memo?: boolean };

/**
 * Validates and compiles a pack into closures, once. Throws a `PackInvalidError` carrying the
 * problems when validation finds errors (warnings do not stop compilation).
 *
 * @example
 * const compiled = compilePack(pack);
 * const result = evaluate(compiled, { facts: { age: 35 }, answers: { Q1: 'A' }, evaluationDate: '2026-06-01' });
 */
export function compilePack(pack: Pack, options: CompileOptions = {}): CompiledPack {
  const index = indexPack(pack);
  const problems = validateIndexed(index);
  if (hasErrors(problems)) throw new PackInvalidError(problems);
  const ordered = orderGraph(pack.graph);
  if (!ordered.ok) throw new PackInvalidError(problems);
  const typing = nodeTyping(index, ordered.ancestors);
  const order = ordered.order.map((id) => {
    const entry = index.nodes.get(id);
    if (!entry) throw new Error(`node ${id} missing from index`);
    const path = `$.graph.nodes[${entry.index}]`;
    return compileNode(entry.node, index, path, typing(id, path), options.memo ?? true);
  });
  return {
    pack,
    order,
    index,
    checkInput: compileInputCheck(index),
    createScope: compileScope(
      pack,
      order.map((n) => n.id),
    ),
  };
}
