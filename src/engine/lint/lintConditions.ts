import {
  lt,
  type Condition,
  type FactCondition,
  type LocalizedText,
  type Pack,
  type TopLevelCondition,
} from '../../domain/index.ts';
import { indexPack } from '../packIndex.ts';
import { baseRootType } from '../refTypes.ts';
import { nodeOutputTypes } from '../validatePack.ts';
import { typeAtPath, type ValueType } from '../valueTypes.ts';
import { reachable } from './lintBands.ts';
import type { ValueRange } from './valueRange.ts';

/**
 * Conditions that can never hold: contradictory comparisons on the same fact (`x < 10` and
 * `x > 20`), `equal` to a value the fact cannot take (a level not on its scale, an option its
 * question does not have), two different `equal`s. Only what is certain is reported: a fact
 * whose values are not known is judged by the comparisons alone.
 */

type Never = { path: string; reason: LocalizedText };
export type ConditionFindings = {
  /** Why the whole condition can never hold, and where. */
  never?: Never;
  /** Branches of an `any` that can never hold, while others can. */
  deadBranches: Never[];
};

/** What a fact (with its path) can hold: a known finite set of values, or numbers in a range. */
type Domain = { values: unknown[] } | { range: ValueRange | undefined };

/** An optional fact or an unanswered question reads as missing: `undefined`, or `null` as given. */
const ABSENT = [undefined, null];

const numeric = (v: unknown) => !Number.isNaN(Number.parseFloat(v as string));

/** json-rules-engine's operators on a literal value, as the engine evaluates them. */
function holds(c: FactCondition, a: unknown): boolean | undefined {
  const b = c.value;
  switch (c.operator) {
    case 'equal':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'in':
      return Array.isArray(b) ? b.includes(a as never) : undefined;
    case 'notIn':
      return Array.isArray(b) ? !b.includes(a as never) : undefined;
    case 'lessThan':
      return numeric(a) && (a as number) < (b as number);
    case 'lessThanInclusive':
      return numeric(a) && (a as number) <= (b as number);
    case 'greaterThan':
      return numeric(a) && (a as number) > (b as number);
    case 'greaterThanInclusive':
      return numeric(a) && (a as number) >= (b as number);
    default:
      return undefined;
  }
}

const isLiteral = (c: FactCondition) =>
  c.value === null || typeof c.value !== 'object' || Array.isArray(c.value);

/** The values a fact can hold, as people read them: without the missing markers. */
const shown = (values: readonly unknown[]) =>
  values
    .filter((v) => !ABSENT.includes(v as never))
    .map((v) => JSON.stringify(v))
    .join(', ');

function describe(c: FactCondition): string {
  return `${c.fact}${c.path ? c.path.slice(1) : ''} ${c.operator} ${JSON.stringify(c.value)}`;
}

/**
 * Whether a group of conditions on one fact can hold together. Returns the reason when not.
 */
function contradiction(
  group: readonly FactCondition[],
  domain: Domain | undefined,
): LocalizedText | undefined {
  const text = group.map(describe).join(' & ');
  const what = group.length === 1 ? '条件' : '条件组合';
  const whatEn = group.length === 1 ? 'the condition' : 'the conditions';
  // Candidates: the fact's known values, else the values an `equal` / `in` pins it to.
  let candidates: unknown[] | undefined = domain && 'values' in domain ? domain.values : undefined;
  for (const c of group) {
    const pinned =
      c.operator === 'equal'
        ? [c.value]
        : c.operator === 'in' && Array.isArray(c.value)
          ? c.value
          : undefined;
    if (pinned && !candidates) candidates = pinned;
  }
  if (candidates) {
    const left = candidates.filter((v) => group.every((c) => holds(c, v) !== false));
    if (left.length > 0) return undefined;
    const known = domain && 'values' in domain ? `；可能的值为 ${shown(domain.values)}` : '';
    const knownEn =
      domain && 'values' in domain ? `; the possible values are ${shown(domain.values)}` : '';
    return lt(`${what} ${text} 永远不会成立${known}`, `${whatEn} ${text} can never hold${knownEn}`);
  }
  // Numbers only: the comparisons must leave some value (a whole one, for integer facts).
  let span = { lo: -Infinity, loOpen: false, hi: Infinity, hiOpen: false };
  for (const c of group) {
    if (typeof c.value !== 'number') continue;
    const v = c.value;
    if (c.operator === 'lessThan' && v <= span.hi) span = { ...span, hi: v, hiOpen: true };
    if (c.operator === 'lessThanInclusive' && v < span.hi) span = { ...span, hi: v, hiOpen: false };
    if (c.operator === 'greaterThan' && v >= span.lo) span = { ...span, lo: v, loOpen: true };
    if (c.operator === 'greaterThanInclusive' && v > span.lo)
      span = { ...span, lo: v, loOpen: false };
  }
  const range = domain && 'range' in domain ? domain.range : undefined;
  if (reachable(span, range)) return undefined;
  return lt(
    `${what} ${text} 永远不会成立${range ? `（取值范围 [${range.min}, ${range.max}]${range.integer ? '，整数' : ''}）` : ''}`,
    `${whatEn} ${text} can never hold${range ? ` (values in [${range.min}, ${range.max}]${range.integer ? ', whole numbers' : ''})` : ''}`,
  );
}

/** Builds the checker for a pack: it knows each fact's scale, options and declared bounds. */
export function createConditionLinter(pack: Pack) {
  const index = indexPack(pack);
  const outputs = nodeOutputTypes(pack);

  const domainOf = (fact: string, path: string | undefined): Domain | undefined => {
    const keys = path ? [...path.slice(1).matchAll(/[A-Za-z0-9_-]+/g)].map((m) => m[0]) : [];
    const f = index.facts.get(fact);
    if (f && keys.length === 0) {
      if (f.type === 'enum' && f.values && !f.scale)
        return { values: [...f.values.map((v) => v.id), ...ABSENT] };
      // Declared bounds are enforced on input, so they are certain.
      if (f.type === 'number')
        return { range: { min: f.min ?? -Infinity, max: f.max ?? Infinity, integer: f.integer } };
    }
    if (fact === 'answers' && keys.length === 1) {
      const q = index.questions.get(keys[0] as string)?.question;
      if (q && (q.type === 'single' || q.type === 'yesno'))
        return { values: [...q.options.map((o) => o.id), ...ABSENT] };
    }
    const root: ValueType | undefined =
      f || fact === 'answers' || fact === 'context'
        ? baseRootType(index, fact)
        : outputs.get(fact) && { type: 'record', keys: outputs.get(fact) };
    if (!root) return undefined;
    const t = typeAtPath(root, keys);
    if (!t.ok) return undefined;
    if (t.type.type === 'boolean') return { values: [true, false, ...ABSENT] };
    if (t.type.type === 'level') {
      const scale = index.scales.get(t.type.scale);
      return scale ? { values: [...scale.ids, ...ABSENT] } : undefined;
    }
    return undefined;
  };

  const check = (c: Condition, path: string, dead: Never[] | undefined): Never | undefined => {
    if ('fact' in c) {
      if (!isLiteral(c)) return undefined;
      const reason = contradiction([c], domainOf(c.fact, c.path));
      return reason && { path, reason };
    }
    if ('all' in c) {
      for (const [i, child] of c.all.entries()) {
        const r = check(child, `${path}.all[${i}]`, dead);
        if (r) return r;
      }
      const groups = new Map<string, FactCondition[]>();
      for (const child of c.all)
        if ('fact' in child && isLiteral(child)) {
          const key = `${child.fact}\u0000${child.path ?? ''}`;
          groups.set(key, [...(groups.get(key) ?? []), child]);
        }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const first = group[0] as FactCondition;
        const reason = contradiction(group, domainOf(first.fact, first.path));
        if (reason) return { path: `${path}.all`, reason };
      }
      return undefined;
    }
    if ('any' in c) {
      const results = c.any.map((child, i) => check(child, `${path}.any[${i}]`, dead));
      if (results.length > 0 && results.every((r) => r)) return results[0];
      for (const r of results) if (r) dead?.push(r);
      return undefined;
    }
    // Inside `not`, a condition that never holds makes the branch always hold: nothing to report.
    check(c.not, `${path}.not`, undefined);
    return undefined;
  };

  return (condition: TopLevelCondition, path: string): ConditionFindings => {
    const deadBranches: Never[] = [];
    const never = check(condition, path, deadBranches);
    return never ? { never, deadBranches } : { deadBranches };
  };
}
