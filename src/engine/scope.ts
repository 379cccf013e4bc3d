import type { Scope } from './types.ts';

/** Own property or undefined: scope values come from clients, so inherited names never resolve. */
export function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Splits `risk.byQuestion.Q1` into root and keys once, at compile time. */
export function splitRef(ref: string): { root: string; keys: string[] } {
  const [root = '', ...keys] = ref.split('.');
  return { root, keys };
}

/**
 * Compiles a dot-path reference into a getter. Short paths get their own closure so that the hot
 * path does no parsing and no loop.
 */
export function compileGetter(ref: string): (scope: Scope) => unknown {
  const { root, keys } = splitRef(ref);
  const [k1, k2] = keys;
  if (k1 === undefined) return (s) => s[root];
  if (k2 === undefined) return (s) => own(s[root], k1);
  if (keys.length === 2) return (s) => own(own(s[root], k1), k2);
  return (s) => {
    let v = s[root];
    for (const k of keys) v = own(v, k);
    return v;
  };
}

/** Reads `$.a.b` / `$.a[0]` json-rules-engine paths (already validated as simple) as key lists. */
export function jsonPathKeys(path: string): string[] {
  const keys: string[] = [];
  const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) keys.push((m[1] ?? m[2]) as string);
  return keys;
}
