import type { Scope } from '../types.ts';
import type { Residual } from './dimensions.ts';

/**
 * A value as the checks compare it: by content for plain values and lists of them. An object is
 * compared by identity (`===`, `includes`), so a client holding one gets no key and is not cached.
 */
function encode(v: unknown): string | undefined {
  switch (typeof v) {
    case 'number':
      return `n${v}`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      if (v === null) return 'z';
      return Array.isArray(v) ? encodeList(v) : undefined;
  }
}

function encodeList(list: readonly unknown[]): string | undefined {
  let out = '[';
  for (const x of list) {
    const e = typeof x === 'object' && x !== null ? undefined : encode(x);
    if (e === undefined) return undefined;
    out += `${e},`;
  }
  return `${out}]`;
}

/** A leftover condition and the dimension it belongs to: it is tested only when that one applies. */
export type KeyedResidual = { dim: number; test: Residual['test'] };

/** Each leftover condition once, in the order the products first ask for it. */
export function uniqueResiduals(
  products: readonly { residuals: readonly (Residual | undefined)[] }[],
): KeyedResidual[] {
  const seen = new Set<string>();
  const out: KeyedResidual[] = [];
  for (const p of products)
    p.residuals.forEach((r, dim) => {
      if (!r || seen.has(r.key)) return;
      seen.add(r.key);
      out.push({ dim, test: r.test });
    });
  return out;
}

/**
 * Everything a match outcome depends on, as a string: per dimension whether it applies and the
 * client's prepared value, which policies are active, and the result of every leftover condition.
 * Two clients with the same key get the same verdicts, reasons, checks and flags for every product.
 * Undefined when a value is compared by identity. The leftover conditions run in the order the
 * full match would first run them, so a condition that throws throws the same error.
 */
export function outcomeKey(
  scope: Scope,
  applies: readonly boolean[],
  prepared: readonly unknown[],
  active: readonly boolean[],
  residuals: readonly KeyedResidual[],
): string | undefined {
  let key = '';
  for (let i = 0; i < applies.length; i++) {
    if (!applies[i]) {
      key += '-|';
      continue;
    }
    const e = encode(prepared[i]);
    if (e === undefined) return undefined;
    key += `${e}|`;
  }
  for (const a of active) key += a ? '1' : '0';
  key += '|';
  for (const r of residuals) key += applies[r.dim] ? (r.test(scope) ? '1' : '0') : '-';
  return key;
}

/**
 * Outcomes by key, for one compiled match node. An outcome is kept only from the second time its
 * key is met (freezing and holding a one-off client's outcome costs more than it saves, most of all
 * for a large catalogue), and once the memo is full it keeps what it has: the outcomes met twice
 * first are the common ones, and clearing would only make every client pay to refill it.
 */
export class OutcomeMemo<T> {
  private readonly map = new Map<string, T>();
  private readonly seen = new Set<string>();
  constructor(private readonly capacity: number) {}
  get(key: string): T | undefined {
    return this.map.get(key);
  }
  /** Whether the outcome of `key` is worth keeping now: true when the key was met before. */
  admit(key: string): boolean {
    if (this.full) return false;
    if (this.seen.has(key)) return true;
    if (this.seen.size >= this.capacity * 4) this.seen.clear();
    this.seen.add(key);
    return false;
  }
  /** Whether there is room for another outcome. */
  get full(): boolean {
    return this.map.size >= this.capacity;
  }
  set(key: string, value: T): void {
    if (!this.full) this.map.set(key, value);
  }
}
