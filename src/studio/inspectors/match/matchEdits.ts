import type { MatchDimension, MatchPolicy, PackChange, PathKey } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import {
  appendItem,
  moveItem,
  removeItem,
  setAt,
  setField,
  setItemField,
} from '../common/listEdits.ts';
import { configPath, intent } from '../common/paths.ts';
import type { Cells } from './matrix.ts';

/**
 * The match node's edits as named intents. Dimensions and policies belong to node `nodeIndex`;
 * one dimension's settings are addressed by `dimensionPath` (what `DimensionCard` is given).
 */

const dimensions = (nodeIndex: number) => ({
  path: configPath(nodeIndex, 'dimensions'),
  noun: lt('匹配维度', 'dimension'),
});
const policies = (nodeIndex: number) => ({
  path: configPath(nodeIndex, 'policies'),
  noun: lt('规则', 'policy'),
});

export function dimensionPath(nodeIndex: number, index: number): PathKey[] {
  return configPath(nodeIndex, 'dimensions', index);
}

export function policyPath(nodeIndex: number, index: number): PathKey[] {
  return configPath(nodeIndex, 'policies', index);
}

export function addDimension(nodeIndex: number, count: number, dim: MatchDimension): PackChange {
  return appendItem(dimensions(nodeIndex), count, dim);
}

export function removeDimension(nodeIndex: number, index: number): PackChange {
  return removeItem(dimensions(nodeIndex), index);
}

export function moveDimension(nodeIndex: number, from: number, to: number): PackChange {
  return moveItem(dimensions(nodeIndex), from, to);
}

/** One setting of the dimension at `path` (client / product fields, onFail, appliesWhen…). */
export function setDimensionField(
  path: readonly PathKey[],
  key: string,
  value: unknown,
): PackChange {
  return setField(path, key, value, lt(`修改匹配维度的 ${key}`, `changed the dimension's ${key}`));
}

/** The matrix at `cellsPath` filled: `filled` is the whole grid, missing cells included. */
export function fillMatrix(cellsPath: readonly PathKey[], filled: Cells): PackChange {
  return setAt(cellsPath, filled, lt('补全矩阵', 'filled the matrix'));
}

/** The boolean at `path` a dimension needs before it applies (`undefined`: always). */
export function setAppliesWhen(path: readonly PathKey[], ref: string | undefined): PackChange {
  return setAt(
    path,
    ref,
    ref ? lt(`仅当 ${ref} 时适用`, `applies when ${ref}`) : lt('始终适用', 'always applies'),
  );
}

export function addPolicy(nodeIndex: number, count: number, policy: MatchPolicy): PackChange {
  return appendItem(policies(nodeIndex), count, policy);
}

export function removePolicy(nodeIndex: number, index: number): PackChange {
  return removeItem(policies(nodeIndex), index);
}

export function movePolicy(nodeIndex: number, from: number, to: number): PackChange {
  return moveItem(policies(nodeIndex), from, to);
}

/** One field of policy `index` (enabled, when, verdict, from, to, flag, verdicts…). */
export function setPolicyField(
  nodeIndex: number,
  index: number,
  key: string,
  value: unknown,
): PackChange {
  return setItemField(policies(nodeIndex), index, key, value);
}

/** Policy `index` switched on or off, said in words. */
export function setPolicyEnabled(nodeIndex: number, index: number, on: boolean): PackChange {
  return intent(
    'policy enabled',
    on
      ? lt(`启用规则 ${index + 1}`, `policy ${index + 1} on`)
      : lt(`停用规则 ${index + 1}`, `policy ${index + 1} off`),
    { type: 'set', path: policyPath(nodeIndex, index).concat('enabled'), value: on },
  );
}
