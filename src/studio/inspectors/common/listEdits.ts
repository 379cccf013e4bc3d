import type { LocalizedText, PackChange, PathKey } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { intent } from './paths.ts';

/**
 * Named intents on an ordered list inside a node (terms, rows, outputs, rules…). `noun` names one
 * item in both languages (`lt('评分项', 'term')`) and the history reads "added term 3".
 */
export type ListRef = { path: readonly PathKey[]; noun: LocalizedText };

const en = (noun: LocalizedText) => noun.en ?? '';
const zh = (noun: LocalizedText) => noun['zh-CN'] ?? '';

export function appendItem(list: ListRef, length: number, value: unknown): PackChange {
  const { path, noun } = list;
  return intent(
    `add ${en(noun)}`,
    lt(`添加${zh(noun)} ${length + 1}`, `added ${en(noun)} ${length + 1}`),
    { type: 'insert', path: [...path], index: length, value },
  );
}

export function removeItem(list: ListRef, index: number): PackChange {
  const { path, noun } = list;
  return intent(
    `remove ${en(noun)}`,
    lt(`删除${zh(noun)} ${index + 1}`, `removed ${en(noun)} ${index + 1}`),
    { type: 'remove', path: [...path], index },
  );
}

export function moveItem(list: ListRef, from: number, to: number): PackChange {
  const { path, noun } = list;
  return intent(
    `move ${en(noun)}`,
    lt(`${zh(noun)} ${from + 1} 移到第 ${to + 1} 位`, `moved ${en(noun)} ${from + 1} to ${to + 1}`),
    { type: 'move', path: [...path], from, to },
  );
}

/**
 * One field of item `index` (or a field inside it: `['knockout', 'flag']`); `undefined` removes an
 * optional field.
 */
export function setItemField(
  list: ListRef,
  index: number,
  key: PathKey | readonly PathKey[],
  value: unknown,
): PackChange {
  const { path, noun } = list;
  const keys = typeof key === 'object' ? key : [key];
  const name = keys.join('.');
  return intent(
    `${en(noun)} ${name}`,
    lt(`修改${zh(noun)} ${index + 1} 的 ${name}`, `changed ${name} of ${en(noun)} ${index + 1}`),
    { type: 'set', path: [...path, index, ...keys], value },
  );
}

/** One field of a node's config, by name: `setConfigField(path, 'round', 'floor')`. */
export function setField(
  path: readonly PathKey[],
  key: PathKey,
  value: unknown,
  text?: LocalizedText,
): PackChange {
  return intent(String(key), text ?? lt(`修改 ${key}`, `changed ${key}`), {
    type: 'set',
    path: [...path, key],
    value,
  });
}

/** Whatever is at `path` (given by the editor's host) replaced by `value`. */
export function setAt(path: readonly PathKey[], value: unknown, text: LocalizedText): PackChange {
  return intent(String(path.at(-1) ?? 'set'), text, { type: 'set', path: [...path], value });
}
