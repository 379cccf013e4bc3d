import type { Condition, LocalizedText, Pack, TopLevelCondition } from '../../domain/index.ts';
import { isLiteral, pairOutcomes, restrict, type Atom, type Left } from './conditionAtoms.ts';
import { createDomainFinder, factKey, type Domain } from './conditionDomain.ts';
import { contradictionText, emptyNotText, pairText } from './conditionText.ts';

/**
 * Conditions that can never hold: contradictory comparisons on the same fact (`x < 10` and
 * `x > 20`, `x > 5` and `not (x > 3)`), `equal` to a value the fact cannot take (a level not on
 * its scale, an option its question does not have), two different `equal`s, a comparison of two
 * facts whose ranges never meet (`age < limit` with age from 60, limit up to 55). Only what is
 * certain is reported: where lint cannot tell exactly (a negation it cannot spell out, a fact
 * whose values are not known) it stays silent.
 */

type Never = { path: string; reason: LocalizedText };
export type ConditionFindings = {
  /** Why the whole condition can never hold, and where. */
  never?: Never;
  /** Branches of an `any` that can never hold, while others can. */
  deadBranches: Never[];
};

/**
 * A condition with its `not`s pushed down to the comparisons (`not any [a, b]` is `all [not a,
 * not b]`), which is exact: json-rules-engine's `not` is plain negation. `branches` are the paths
 * of the branches of an `any` as written, whose dead branches are worth a warning.
 */
type Norm =
  | { kind: 'atom'; atom: Atom }
  | { kind: 'false'; never: Never }
  | { kind: 'and'; parts: Norm[]; path: string }
  | { kind: 'or'; parts: Norm[]; branches?: string[] };

function normalize(c: Condition, path: string, negated: boolean): Norm {
  if ('fact' in c) return { kind: 'atom', atom: { c, negated, path } };
  if ('not' in c) {
    const inner = c.not;
    // A negated comparison is pointed at by its `not`, which is what never holds.
    if ('fact' in inner)
      return {
        kind: 'atom',
        atom: { c: inner, negated: !negated, path: negated ? `${path}.not` : path },
      };
    return normalize(inner, `${path}.not`, !negated);
  }
  const key = 'all' in c ? 'all' : 'any';
  const list = 'all' in c ? c.all : c.any;
  const at = `${path}.${key}`;
  // json-rules-engine holds an empty `all` and an empty `any` both true.
  if (list.length === 0)
    return negated
      ? { kind: 'false', never: { path: at, reason: emptyNotText(key) } }
      : { kind: 'and', parts: [], path: at };
  const parts = list.map((x, i) => normalize(x, `${at}[${i}]`, negated));
  return (key === 'all') !== negated
    ? { kind: 'and', parts, path: at }
    : key === 'any'
      ? { kind: 'or', parts, branches: list.map((_, i) => `${at}[${i}]`) }
      : { kind: 'or', parts };
}

/** The atoms an `and` holds, its nested `and`s included: all of them must be true together. */
function atomsOf(n: Norm): Atom[] {
  if (n.kind === 'atom') return [n.atom];
  return n.kind === 'and' ? n.parts.flatMap(atomsOf) : [];
}

/** Builds the checker for a pack: it knows each fact's scale, options and declared bounds. */
export function createConditionLinter(pack: Pack) {
  const domainOf = createDomainFinder(pack);

  /** Whether the atoms can all be true: literal ones per fact, then comparisons of two facts. */
  const conjunction = (atoms: readonly Atom[], path: string): Never | undefined => {
    const groups = new Map<string, Atom[]>();
    const pairs: Atom[] = [];
    for (const a of atoms) {
      if (!isLiteral(a.c)) {
        pairs.push(a);
        continue;
      }
      const key = factKey(a.c.fact, a.c.path);
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    const left = new Map<string, Left | undefined>();
    for (const [key, group] of groups) {
      const first = group[0] as Atom;
      const domain: Domain | undefined = domainOf(first.c.fact, first.c.path);
      const found = restrict(group, domain);
      if (found.empty)
        return {
          path: group.length === 1 ? first.path : path,
          reason: contradictionText(group, domain),
        };
      left.set(key, found.left);
    }
    for (const a of pairs) {
      const ref = a.c.value as { fact: string; path?: string };
      const side = (fact: string, p: string | undefined) => {
        const key = factKey(fact, p);
        return left.has(key) ? left.get(key) : restrict([], domainOf(fact, p)).left;
      };
      const x = side(a.c.fact, a.c.path);
      const y = side(ref.fact, ref.path);
      if (!x || !y) continue;
      const outcomes = pairOutcomes(a.c.operator, x, y);
      if (!outcomes || (a.negated ? outcomes.canFalse : outcomes.canTrue)) continue;
      const narrowed =
        groups.has(factKey(a.c.fact, a.c.path)) || groups.has(factKey(ref.fact, ref.path));
      return { path: a.path, reason: pairText(a, [x, y], narrowed) };
    }
    return undefined;
  };

  const check = (n: Norm, dead: Never[]): Never | undefined => {
    switch (n.kind) {
      case 'false':
        return n.never;
      case 'atom':
        return conjunction([n.atom], n.atom.path);
      case 'and': {
        for (const part of n.parts) {
          const r = check(part, dead);
          if (r) return r;
        }
        return conjunction(n.parts.flatMap(atomsOf), n.path);
      }
      case 'or': {
        const results = n.parts.map((part) => check(part, dead));
        if (results.length > 0 && results.every((r) => r)) return results[0];
        // A dead branch is pointed at as a whole, with the reason found inside it.
        results.forEach((r, i) => {
          const branch = n.branches?.[i];
          if (r && branch) dead.push({ path: branch, reason: r.reason });
        });
        return undefined;
      }
    }
  };

  return (condition: TopLevelCondition, path: string): ConditionFindings => {
    const deadBranches: Never[] = [];
    const never = check(normalize(condition, path, false), deadBranches);
    return never ? { never, deadBranches } : { deadBranches };
  };
}
