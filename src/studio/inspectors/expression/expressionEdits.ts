import type { PackChange } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { setField, setItemField } from '../common/listEdits.ts';
import { configPath } from '../common/paths.ts';

/** The expression node's edits as named intents (node `nodeIndex` of the graph). */

export function setExpression(nodeIndex: number, expression: string): PackChange {
  return setField(
    configPath(nodeIndex),
    'expression',
    expression,
    lt(`表达式改为 ${expression}`, `expression set to ${expression}`),
  );
}

/** What name `index` of the expression reads. */
export function setNameRef(nodeIndex: number, index: number, ref: string): PackChange {
  const names = { path: configPath(nodeIndex, 'names'), noun: lt('变量', 'name') };
  return setItemField(names, index, 'ref', ref);
}
