import type { NodeConfig, PackChange } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { appendItem, moveItem, removeItem, setField, setItemField } from '../common/listEdits.ts';
import { configPath } from '../common/paths.ts';

/** The output node's edits as named intents (node `nodeIndex` of the graph). */

export type Output = NodeConfig<'output'>['outputs'][number];

const outputs = (nodeIndex: number) => ({
  path: configPath(nodeIndex, 'outputs'),
  noun: lt('输出', 'output'),
});

export function addOutput(nodeIndex: number, count: number, output: Output): PackChange {
  return appendItem(outputs(nodeIndex), count, output);
}

export function removeOutput(nodeIndex: number, index: number): PackChange {
  return removeItem(outputs(nodeIndex), index);
}

export function moveOutput(nodeIndex: number, from: number, to: number): PackChange {
  return moveItem(outputs(nodeIndex), from, to);
}

/** One field of output `index` (name, kind, ref, label). */
export function setOutputField<K extends keyof Output>(
  nodeIndex: number,
  index: number,
  key: K,
  value: Output[K],
): PackChange {
  return setItemField(outputs(nodeIndex), index, key, value);
}

/** The match node whose product verdicts the output carries (`undefined`: none). */
export function setVerdicts(nodeIndex: number, matchId: string | undefined): PackChange {
  return setField(
    configPath(nodeIndex),
    'verdicts',
    matchId,
    matchId
      ? lt(`输出 ${matchId} 的产品结论`, `verdicts of ${matchId}`)
      : lt('不输出产品结论', 'no verdicts'),
  );
}
