import type { NodeKind, NodeOfKind, TopLevelCondition } from '../../../domain/index.ts';
import type { ConditionTypes } from '../../conditions.ts';
import type { ValidateContext } from '../../nodes/kind.ts';
import type { PackIndex } from '../../packIndex.ts';
import { splitRef } from '../../scope.ts';
import type { ConditionEnv } from './jsConditions.ts';
import { idLit, lit } from './jsLiteral.ts';

/** What a node's emitter writes with: its place in the pack and the module's names. */
export type NodeEnv = ConditionEnv & {
  index: PackIndex;
  nodeId: string;
  /** `$.graph.nodes[3]` */
  path: string;
  /** A value reference (`risk.byQuestion.Q1`) as an expression. */
  ref(ref: string): string;
  /** A hoisted constant holding this very object (a reason): identity is kept, as in the engine. */
  object(value: unknown): string;
  /** The same environment with `product` bound to an expression, for match conditions. */
  withProduct(product: string): NodeEnv;
  /**
   * Declares a top-level function of this node and returns its name: V8 optimizes small functions,
   * and gives up on one past some tens of kilobytes (a match over a whole catalogue would be).
   */
  helper(params: string, body: string): string;
  /** Declares module-level state of this node (`const <name> = init`) and returns its name. */
  state(init: string): string;
  /** The types validation finds in a condition of this node (what the engine compiles with). */
  conditionTypes(c: TopLevelCondition): ConditionTypes;
};

/**
 * Writes one node kind as the body of `function (F, A, C, V)`: `F` the client's facts, `A` the
 * answers, `C` the context, `V` the outputs of the nodes before it. Adding a node kind to the
 * engine without its emitter here fails the type check.
 */
export type JsEmitter<K extends NodeKind> = (node: NodeOfKind<K>, env: NodeEnv) => string;

/** The hoisted constants of a module: one `const Kn` per object, frozen. */
export class Constants {
  private readonly byObject = new Map<unknown, string>();
  private readonly byText = new Map<string, string>();
  readonly lines: string[] = [];
  /** `value` held once by identity: the module shares it as the engine shares the pack's object. */
  of(value: unknown): string {
    const known = this.byObject.get(value);
    if (known) return known;
    const name = this.declare(value);
    this.byObject.set(value, name);
    return name;
  }
  /** `value` held once by content: for lists and maps made at export time. */
  shared(value: unknown): string {
    const text = lit(value);
    const known = this.byText.get(text);
    if (known) return known;
    const name = this.declare(value);
    this.byText.set(text, name);
    return name;
  }
  private declare(value: unknown): string {
    const name = `K${this.lines.length}`;
    this.lines.push(`const ${name} = deepFreeze(${lit(value)});`);
    return name;
  }
}

/** How a scope root reads in generated code (see compilePack's scope and scopeFacts). */
export function rootExpression(name: string, index: PackIndex, nodeVars: Map<string, string>) {
  const node = nodeVars.get(name);
  if (node) return node;
  if (name === 'answers') return 'A';
  if (name === 'context') return 'C';
  if (index.facts.has(name)) return `own(F, ${idLit(name)})`;
  // Validation admits no other root; the engine's scope has nothing under it.
  return 'undefined';
}

export function createNodeEnv(
  base: {
    index: PackIndex;
    nodeId: string;
    path: string;
    constants: Constants;
    typing: () => ValidateContext;
    /** Top-level functions the node declares besides its own, named `<prefix><n>`. */
    helpers: string[];
    prefix: string;
  },
  nodeVars: Map<string, string>,
  product?: string,
): NodeEnv {
  const root = (name: string) =>
    name === 'product' && product !== undefined
      ? product
      : rootExpression(name, base.index, nodeVars);
  return {
    index: base.index,
    nodeId: base.nodeId,
    path: base.path,
    root,
    constant: (v) => base.constants.shared(v),
    object: (v) => base.constants.of(v),
    ref(ref) {
      const { root: r, keys } = splitRef(ref);
      let out = root(r);
      for (const k of keys) out = `own(${out}, ${idLit(k)})`;
      return out;
    },
    withProduct: (p) => createNodeEnv(base, nodeVars, p),
    conditionTypes: (c) => base.typing().conditionTypes(c),
    state(init) {
      const name = `${base.prefix}${base.helpers.length}`;
      base.helpers.push(`const ${name} = ${init};`);
      return name;
    },
    helper(params, body) {
      const name = `${base.prefix}${base.helpers.length}`;
      base.helpers.push(`function ${name}(${params}) {\n${body}\n}`);
      return name;
    },
  };
}
