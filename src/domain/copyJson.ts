/**
 * A deep copy of a JSON value (packs, inputs): plain data only, so JSON round-tripping is exact.
 * The core's ES2022 library has no `structuredClone`.
 */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `list` with `deleteCount` items at `start` replaced by `items`, as ES2023's `toSpliced`. */
export function spliced<T>(
  list: readonly T[],
  start: number,
  deleteCount: number,
  ...items: T[]
): T[] {
  const copy = list.slice();
  copy.splice(start, deleteCount, ...items);
  return copy;
}
