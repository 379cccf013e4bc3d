import { FORBIDDEN_KEYS } from '../../../domain/index.ts';

/**
 * The only ways pack content enters generated JavaScript. A literal is written by `JSON.stringify`
 * and nothing else: what it writes is a JavaScript expression that evaluates to the same value,
 * whatever the text holds (quotes, backslashes, `</script>`, line separators). Ids are checked
 * again here, besides the pack schema, so that a pack that skipped validation cannot smuggle code.
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A JSON value as a JavaScript expression; refuses what JSON cannot hold (undefined, NaN, ∞). */
export function lit(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`cannot write ${String(value)} as a literal`);
  // JSON.stringify writes -0 as 0; the engine keeps -0, and so must the module.
  if (Object.is(value, -0)) return '-0';
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot write ${typeof value} as a literal`);
  return text;
}

/** A pack id, checked, as the text of a string literal (for `o[key]` and `{ [key]: v }`). */
export function idLit(id: string): string {
  if (!ID.test(id) || FORBIDDEN_KEYS.has(id)) throw new Error(`not a pack id: ${lit(id)}`);
  return lit(id);
}

/** Reads `key` of `object` as an expression: always bracketed, so any id is a key, never code. */
export function prop(object: string, id: string): string {
  return `${object}[${idLit(id)}]`;
}

/** An object literal with the given ids as keys and expressions as values, in order. */
export function objectOf(entries: readonly (readonly [string, string])[]): string {
  return `{ ${entries.map(([k, v]) => `${idLit(k)}: ${v}`).join(', ')} }`;
}
