/**
 * The static type of a value in the evaluation scope. Node kinds declare their outputs with these so
 * that validation can check references and the studio can offer pickers.
 */
export type ValueType =
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'date' }
  /** A level id of an ordered scale. */
  | { type: 'level'; scale: string }
  | { type: 'list'; of?: ValueType }
  /**
   * An object. With `keys` the known keys are listed; `values` types any other key (a map keyed by
   * question, product, flag...). With neither, any key is accepted.
   */
  | { type: 'record'; keys?: Record<string, ValueType>; values?: ValueType }
  | { type: 'any' };

export const T = {
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  string: { type: 'string' },
  date: { type: 'date' },
  any: { type: 'any' },
  level: (scale: string): ValueType => ({ type: 'level', scale }),
  list: (of?: ValueType): ValueType => (of ? { type: 'list', of } : { type: 'list' }),
  record: (keys?: Record<string, ValueType>, values?: ValueType): ValueType => {
    const t: { type: 'record'; keys?: Record<string, ValueType>; values?: ValueType } = {
      type: 'record',
    };
    if (keys) t.keys = keys;
    if (values) t.values = values;
    return t;
  },
} as const satisfies Record<string, ValueType | ((...a: never[]) => ValueType)>;

/** The type at `keys` inside `t`, or the first key that does not exist. */
export function typeAtPath(
  t: ValueType,
  keys: readonly string[],
): { ok: true; type: ValueType } | { ok: false; missing: string; at: number } {
  let cur: ValueType = t;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (cur.type === 'any') return { ok: true, type: cur };
    if (cur.type === 'list' && /^\d+$/.test(k)) {
      cur = cur.of ?? T.any;
      continue;
    }
    if (cur.type !== 'record') return { ok: false, missing: k, at: i };
    const known = cur.keys && Object.hasOwn(cur.keys, k) ? cur.keys[k] : undefined;
    if (known) cur = known;
    else if (cur.values) cur = cur.values;
    else if (!cur.keys) cur = T.any;
    else return { ok: false, missing: k, at: i };
  }
  return { ok: true, type: cur };
}

/** Short readable name of a type, for messages: `number`, `level of C`, `list`. */
export function describeType(t: ValueType): string {
  if (t.type === 'level') return `level of ${t.scale}`;
  if (t.type === 'list') return t.of ? `list of ${describeType(t.of)}` : 'list';
  return t.type;
}

/** Whether a value of type `actual` can be used where `wanted` is expected (any matches all). */
export function typeFits(actual: ValueType, wanted: ValueType): boolean {
  if (actual.type === 'any' || wanted.type === 'any') return true;
  if (wanted.type === 'string') return actual.type === 'string' || actual.type === 'level';
  if (wanted.type === 'level')
    return actual.type === 'level' ? actual.scale === wanted.scale : actual.type === 'string';
  return actual.type === wanted.type;
}
