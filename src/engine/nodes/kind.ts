import type {
  LocalizedText,
  NodeKind,
  NodeOfKind,
  Pack,
  TopLevelCondition,
} from '../../domain/index.ts';
import type { PackIndex, ScaleIndex } from '../packIndex.ts';
import type { Problem, Scope } from '../types.ts';
import type { ValueType } from '../valueTypes.ts';
import type { ConditionTypes } from '../conditions.ts';

/** Helpers a node kind validates with. Sub-paths are relative to the node, e.g. `config.bands[1]`. */
export type ValidateContext = {
  index: PackIndex;
  nodeId: string;
  /** `$.graph.nodes[3]` */
  path: string;
  problems: Problem[];
  error(code: string, subPath: string, message: LocalizedText): void;
  warn(code: string, subPath: string, message: LocalizedText): void;
  /** Checks a value reference resolves (to an upstream node) and, if given, has the wanted type. */
  ref(ref: string, subPath: string, wanted?: ValueType): ValueType | undefined;
  scale(scaleId: string, subPath: string): ScaleIndex | undefined;
  /** Checks `level` is a level of `scale` (when the scale exists). */
  level(scale: ScaleIndex | undefined, level: string, subPath: string): boolean;
  /**
   * Checks every fact and path of a json-rules-engine condition, and reports what
   * `conditionProblems` finds in it, knowing the facts' types; `extraRoots` adds e.g. `product`.
   */
  condition(
    condition: TopLevelCondition,
    subPath: string,
    extraRoots?: Record<string, ValueType>,
  ): void;
  /** The types of what each fact condition of `condition` compares, as validation finds them. */
  conditionTypes(
    condition: TopLevelCondition,
    extraRoots?: Record<string, ValueType>,
  ): ConditionTypes;
};

export type CompileContext = {
  index: PackIndex;
  /** Whether match nodes remember outcomes shared by clients (see CompileOptions). */
  memo: boolean;
  /** `$.graph.nodes[3]`, for errors raised while evaluating. */
  path: string;
  getter(ref: string): (scope: Scope) => unknown;
  /**
   * The static types of what a condition compares (see `ValidateContext.conditionTypes`): the
   * compiler uses them to know which comparisons cannot throw and may stop a list early.
   */
  conditionTypes(
    condition: TopLevelCondition,
    extraRoots?: Record<string, ValueType>,
  ): ConditionTypes;
};

/**
 * One node kind of the decision graph. Adding a kind is adding one of these to `nodes/index.ts`
 * (and its config schema to the domain).
 */
export type NodeKindDef<K extends NodeKind> = {
  kind: K;
  /** The keys of the node's output with their types: what references and pickers may use. */
  outputs(node: NodeOfKind<K>, pack: Pack): Record<string, ValueType>;
  validate(node: NodeOfKind<K>, ctx: ValidateContext): Problem[];
  /** References the node reads, for the trace. */
  reads(node: NodeOfKind<K>): string[];
  compile(node: NodeOfKind<K>, ctx: CompileContext): (scope: Scope) => unknown;
  /** What fired, from the node's output: rule names, row ids, band levels, matrix cells. */
  fired(node: NodeOfKind<K>, output: unknown, scope: Scope, pack: Pack): string[];
};
