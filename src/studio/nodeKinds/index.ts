import type { NodeKind } from '../../domain/index.ts';
import type { NodeKindEntry, NodeKindRegistry } from './types.ts';
import { inputEntry } from './input.ts';
import { questionnaireEntry } from './questionnaire.ts';
import { scoreEntry } from './score.ts';
import { rulesEntry } from './rules.ts';
import { tableEntry } from './table.ts';
import { expressionEntry } from './expression.ts';
import { classifyEntry } from './classify.ts';
import { matchEntry } from './match.ts';
import { outputEntry } from './output.ts';

export type { NodeKindEntry, NodeKindRegistry, NodeViewProps } from './types.ts';

/** Every node kind the studio shows, in palette order. Adding a kind is adding its entry here. */
export const NODE_KIND_ENTRIES: NodeKindRegistry = {
  input: inputEntry,
  questionnaire: questionnaireEntry,
  score: scoreEntry,
  rules: rulesEntry,
  table: tableEntry,
  expression: expressionEntry,
  classify: classifyEntry,
  match: matchEntry,
  output: outputEntry,
};

export const PALETTE_KINDS = Object.keys(NODE_KIND_ENTRIES) as NodeKind[];

export function kindEntry<K extends NodeKind>(kind: K): NodeKindEntry<K> {
  return NODE_KIND_ENTRIES[kind] as NodeKindEntry<K>;
}
