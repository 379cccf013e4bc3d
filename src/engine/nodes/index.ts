import type { NodeKind } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { inputKind } from './input.ts';
import { questionnaireKind } from './questionnaire.ts';
import { scoreKind } from './score.ts';
import { rulesKind } from './rules.ts';
import { tableKind } from './table.ts';
import { expressionKind } from './expression.ts';
import { classifyKind } from './classify.ts';
import { matchKind } from './match.ts';
import { outputKind } from './output.ts';

export type { NodeKindDef, ValidateContext, CompileContext } from './kind.ts';

/** Every node kind the engine runs. Adding a kind is adding its entry here. */
export const NODE_KIND_REGISTRY: { [K in NodeKind]: NodeKindDef<K> } = {
  input: inputKind,
  questionnaire: questionnaireKind,
  score: scoreKind,
  rules: rulesKind,
  table: tableKind,
  expression: expressionKind,
  classify: classifyKind,
  match: matchKind,
  output: outputKind,
};

/** The definition of a node's kind, typed for that node. */
export function kindOf<K extends NodeKind>(kind: K): NodeKindDef<K> {
  return NODE_KIND_REGISTRY[kind];
}
