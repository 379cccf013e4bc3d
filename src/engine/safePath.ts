import { FORBIDDEN_KEYS, lt } from '../domain/index.ts';
import type { LocalizedText } from '../domain/index.ts';
import { EvaluationError } from './types.ts';

/** Reads one value out of a fact: what a compiled json-rules-engine `path` does. */
export type PathReader = (value: unknown) => unknown;

/**
 * Splits a json-rules-engine path into its keys, or says why it is refused. Only `$`, `$.a.b`,
 * `$.a[0]`, `$.a.b[2].c` are accepted: filters, wildcards, `..`, slices, quoted keys and scripts
 * are not, nor are `__proto__`, `constructor` and `prototype`.
 */
export function parsePath(path: string): { keys: string[] } | { problem: LocalizedText } {
  if (!path.startsWith('$')) return { problem: syntaxProblem(path) };
  // One segment at a time, sticky so that nothing can be skipped over: `.key` or `[index]`.
  const segment = /\.([A-Za-z0-9_-]+)|\[(\d+)\]/y;
  segment.lastIndex = 1;
  const keys: string[] = [];
  while (segment.lastIndex < path.length) {
    const m = segment.exec(path);
    if (!m) return { problem: syntaxProblem(path) };
    const key = (m[1] ?? m[2]) as string;
    if (FORBIDDEN_KEYS.has(key))
      return {
        problem: lt(
          `路径 "${path}" 使用了保留名称 "${key}"`,
          `path "${path}" uses the reserved name "${key}"`,
        ),
      };
    keys.push(key);
  }
  return { keys };
}

function syntaxProblem(path: string): LocalizedText {
  return lt(
    `路径 "${path}" 不是简单路径；只允许 $.a.b 或 $.a[0] 这样的写法`,
    `path "${path}" is not a simple path; only forms such as $.a.b or $.a[0] are allowed`,
  );
}

/**
 * One step down: an own property of anything but null and undefined. Strings and arrays expose
 * their indices and `length` (as json-rules-engine's default resolver does); inherited members
 * such as `toString` or `__proto__` never resolve, and a `__proto__` key that JSON.parse made an
 * own property is plain data.
 */
function step(value: unknown, key: string): unknown {
  return value !== null && value !== undefined && Object.hasOwn(value as object, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Compiles a path once into a reader; a missing step gives `undefined`.
 * Throws an `EvaluationError` (code `condition.path`, located at `at`) for a path it refuses.
 *
 * @example
 * compilePath('$.byQuestion.Q1')({ byQuestion: { Q1: 4 } }) // 4
 * compilePath('$.items[1]')({ items: ['a', 'b'] }) // 'b'
 */
export function compilePath(path: string, at = '$'): PathReader {
  const parsed = parsePath(path);
  if ('problem' in parsed) throw new EvaluationError('condition.path', parsed.problem, at);
  const { keys } = parsed;
  const [k1, k2, k3] = keys;
  // Short paths, the common case, get a closure without a loop.
  if (k1 === undefined) return (v) => v;
  if (k2 === undefined) return (v) => step(v, k1);
  if (k3 === undefined) return (v) => step(step(v, k1), k2);
  return (v) => {
    let out = v;
    for (const k of keys) out = step(out, k);
    return out;
  };
}

/**
 * A `pathResolver` for json-rules-engine (`new Engine(rules, { pathResolver })`) that reads paths
 * exactly as the compiled engine does. Paths are compiled on first use and kept.
 */
export function createSafePathResolver(): (value: object, path: string) => unknown {
  const readers = new Map<string, PathReader>();
  return (value, path) => {
    let read = readers.get(path);
    if (!read) {
      read = compilePath(path);
      readers.set(path, read);
    }
    return read(value);
  };
}
