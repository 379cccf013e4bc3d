import type { Pack } from '../../domain/index.ts';
import { indexPack } from '../packIndex.ts';
import { baseRootType } from '../refTypes.ts';
import { nodeOutputTypes } from '../validatePack.ts';
import { typeAtPath, type ValueType } from '../valueTypes.ts';
import { createRangeFinder, type ValueRange } from './valueRange.ts';

/**
 * What a fact (with its path) can hold when a condition reads it: every value of a known finite
 * set, or numbers within a range, and then also missing (`undefined`, or `null` as given) when
 * `absent`. Lint claims a condition never holds only from these, so each must hold every value
 * evaluation can produce; when in doubt a value is added (missing, a wider range), never left out.
 */
export type Domain = { values: unknown[] } | { range: ValueRange; absent: boolean };

/** An optional fact or an unanswered question reads as missing: `undefined`, or `null` as given. */
export const ABSENT = [undefined, null];

/** Node outputs every evaluation sets, by node kind: they are never missing. */
const ALWAYS_SET: Record<string, readonly string[]> = {
  classify: ['level', 'levelIndex', 'score', 'band', 'capped', 'floored'],
  questionnaire: ['total', 'maxTotal', 'complete', 'knockedOut', 'expired'],
  score: ['value'],
};

const keysOf = (path: string | undefined) =>
  path ? [...path.slice(1).matchAll(/[A-Za-z0-9_-]+/g)].map((m) => m[0]) : [];

/** Builds the domain finder of a pack: it knows each fact's scale, options and declared bounds. */
export function createDomainFinder(pack: Pack) {
  const index = indexPack(pack);
  const outputs = nodeOutputTypes(pack);
  // Conditions may read an unfinished questionnaire: a required question can still score 0.
  const rangeOf = createRangeFinder(pack, { answered: false });
  const scaleIds = (id: string | undefined) => (id ? index.scales.get(id)?.ids : undefined);

  const fromFact = (fact: string): Domain | undefined => {
    const f = index.facts.get(fact);
    if (!f) return undefined;
    // The input check refuses an evaluation without a required fact, or with one out of bounds.
    const missing = f.required ? [] : ABSENT;
    if (f.type === 'number')
      return {
        range: { min: f.min ?? -Infinity, max: f.max ?? Infinity, integer: f.integer },
        absent: !f.required,
      };
    if (f.type === 'boolean') return { values: [true, false, ...missing] };
    if (f.type !== 'enum') return undefined;
    const ids = f.scale ? scaleIds(f.scale) : f.values?.map((v) => v.id);
    return ids && { values: [...ids, ...missing] };
  };

  const fromAnswer = (id: string): Domain | undefined => {
    const q = index.questions.get(id)?.question;
    if (!q) return undefined;
    if (q.type === 'numeric')
      return { range: { min: q.min, max: q.max, integer: q.integer }, absent: true };
    if (q.type === 'single' || q.type === 'yesno')
      return { values: [...q.options.map((o) => o.id), ...ABSENT] };
    return undefined;
  };

  /** Inside a match condition, `product` is a catalogue item; its scales bound its fields. */
  const fromProduct = (field: string): Domain | undefined => {
    const c = pack.products;
    if (field === 'id') return { values: c.items.map((p) => p.id) };
    if (field === 'complex') return { values: [true, false] };
    if (field === 'risk') return withIds(scaleIds(c.riskScale), []);
    if (field === 'horizon') return withIds(scaleIds(c.horizonScale), ABSENT);
    if (field === 'variety') return withIds(scaleIds(c.varietyScale), ABSENT);
    return undefined;
  };

  const fromType = (fact: string, keys: string[]): Domain | undefined => {
    const node = index.nodes.get(fact)?.node;
    const set = keys.length === 1 && (ALWAYS_SET[node?.kind ?? ''] ?? []).includes(keys[0] ?? '');
    const range = node ? rangeOf([fact, ...keys].join('.')) : undefined;
    if (range) return { range, absent: !set };
    const root: ValueType | undefined =
      fact === 'answers' || fact === 'context'
        ? baseRootType(index, fact)
        : outputs.get(fact) && { type: 'record', keys: outputs.get(fact) };
    if (!root) return undefined;
    const t = typeAtPath(root, keys);
    if (!t.ok) return undefined;
    const missing = set ? [] : ABSENT;
    if (t.type.type === 'boolean') return { values: [true, false, ...missing] };
    if (t.type.type === 'level') return withIds(scaleIds(t.type.scale), missing);
    return undefined;
  };

  const memo = new Map<string, Domain | undefined>();
  return (fact: string, path: string | undefined): Domain | undefined => {
    const key = `${fact}\u0000${path ?? ''}`;
    if (memo.has(key)) return memo.get(key);
    const keys = keysOf(path);
    const found = index.facts.has(fact)
      ? keys.length === 0
        ? fromFact(fact)
        : undefined
      : fact === 'answers' && keys.length === 1
        ? (fromAnswer(keys[0] as string) ?? fromType(fact, keys))
        : fact === 'product'
          ? // A node named `product` would make the reading ambiguous; then nothing is claimed.
            keys.length === 1 && !index.nodes.has(fact)
            ? fromProduct(keys[0] as string)
            : undefined
          : fromType(fact, keys);
    memo.set(key, found);
    return found;
  };
}

function withIds(ids: readonly string[] | undefined, missing: readonly unknown[]) {
  return ids && { values: [...ids, ...missing] };
}

/** The same fact and path, whatever the spelling of the path: `$.a.b` and `$.a["b"]` alike. */
export const factKey = (fact: string, path: string | undefined) =>
  [fact, ...keysOf(path)].join('.');
