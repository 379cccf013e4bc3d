import { lt, type FactCondition, type LocalizedText, type Operator } from '../../domain/index.ts';
import { atomHolds, COMPARISONS, readsAsNumber, type Atom, type Left } from './conditionAtoms.ts';
import { ABSENT, type Domain } from './conditionDomain.ts';
import { fmt, hull, spanText } from './numberCells.ts';

/** How an operator reads in a message: symbols for comparisons, words for the rest. */
const WORDS: Record<Operator, [string, string]> = {
  equal: ['=', '='],
  notEqual: ['≠', '≠'],
  lessThan: ['<', '<'],
  lessThanInclusive: ['≤', '≤'],
  greaterThan: ['>', '>'],
  greaterThanInclusive: ['≥', '≥'],
  in: ['属于', 'is one of'],
  notIn: ['不属于', 'is not one of'],
  contains: ['包含', 'contains'],
  doesNotContain: ['不包含', 'does not contain'],
  dateBefore: ['早于', 'is before'],
  dateOnOrBefore: ['不晚于', 'is on or before'],
  dateAfter: ['晚于', 'is after'],
  dateOnOrAfter: ['不早于', 'is on or after'],
};

/** The operator that holds exactly when `op` does not, for a value that is there. */
const OPPOSITE: Partial<Record<Operator, Operator>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
  in: 'notIn',
  notIn: 'in',
};

type Pair = [zh: string, en: string];

/** `classify.level`, `answers.Q1`: the fact and its path as the studio shows references. */
export const refName = (fact: string, path: string | undefined) =>
  `${fact}${path ? path.slice(1) : ''}`;

function valueText(c: FactCondition): string {
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return refName(v.fact, v.path);
  return JSON.stringify(v);
}

function comparison(c: FactCondition, op: Operator): Pair {
  const name = refName(c.fact, c.path);
  const [zh, en] = WORDS[op];
  return [`${name} ${zh} ${valueText(c)}`, `${name} ${en} ${valueText(c)}`];
}

/** `age > 5`, `并非（age > 3）` / `not (age > 3)`. */
export function atomText(a: Atom): Pair {
  const [zh, en] = comparison(a.c, a.c.operator);
  return a.negated ? [`并非（${zh}）`, `not (${en})`] : [zh, en];
}

/**
 * What a negated atom asks for, in positive words: on a known set the values it leaves
 * (`只允许 "C2", "C3"`), on numbers the opposite comparison (`age ≤ 3 或 age 缺失`).
 */
function meaning(a: Atom, domain: Domain | undefined): Pair | undefined {
  if (!a.negated) return undefined;
  const name = refName(a.c.fact, a.c.path);
  const [notZh, notEn] = atomText(a);
  if (domain && 'values' in domain) {
    const allowed = domain.values.filter((v) => atomHolds(a, v) !== false);
    const values = shown(allowed);
    const missing = allowed.some(isAbsent);
    if (values === '')
      return missing
        ? [`${notZh}只允许 ${name} 缺失`, `${notEn} leaves only ${name} missing`]
        : [`${notZh}不允许任何可能的值`, `${notEn} leaves none of the possible values`];
    const [orZh, orEn] = missing ? ['（或缺失）', ' (or missing)'] : ['', ''];
    return [`${notZh}只允许 ${values}${orZh}`, `${notEn} leaves only ${values}${orEn}`];
  }
  const op = OPPOSITE[a.c.operator];
  if (!op) return undefined;
  const [zh, en] = comparison(a.c, op);
  const missing = !domain || domain.absent;
  return missing
    ? [`${notZh}即 ${zh} 或 ${name} 缺失`, `${notEn} means ${en} or ${name} is missing`]
    : [`${notZh}即 ${zh}`, `${notEn} means ${en}`];
}

const isAbsent = (v: unknown) => ABSENT.includes(v as never);

/** The values people see, without the missing markers. */
const shown = (values: readonly unknown[]) =>
  values
    .filter((v) => !isAbsent(v))
    .map((v) => JSON.stringify(v))
    .join(', ');

/** Why the atoms of one fact cannot all hold: each negation spelled out, then what the fact can be. */
export function contradictionText(
  atoms: readonly Atom[],
  domain: Domain | undefined,
): LocalizedText {
  const texts = atoms.map(atomText);
  const meanings = atoms.flatMap((a) => {
    const m = meaning(a, domain);
    return m ? [m] : [];
  });
  const why: Pair =
    meanings.length > 0
      ? [`：${meanings.map((m) => m[0]).join('；')}`, `: ${meanings.map((m) => m[1]).join('; ')}`]
      : ['', ''];
  const name = refName(atoms[0]?.c.fact ?? '', atoms[0]?.c.path);
  const known: Pair =
    domain && 'values' in domain
      ? [
          `；${name} 可能的值为 ${shown(domain.values)}`,
          `; the possible values are ${shown(domain.values)}`,
        ]
      : domain
        ? [
            `（${name} 取值范围 [${fmt(domain.range.min)}, ${fmt(domain.range.max)}]${domain.range.integer ? '，整数' : ''}）`,
            ` (${name}: ${domain.range.integer ? 'whole numbers' : 'values'} in [${fmt(domain.range.min)}, ${fmt(domain.range.max)}])`,
          ]
        : ['', ''];
  return atoms.length === 1
    ? lt(
        `条件 ${texts[0]?.[0]} 永远不会成立${why[0]}${known[0]}`,
        `the condition ${texts[0]?.[1]} can never hold${why[1]}${known[1]}`,
      )
    : lt(
        `条件 ${texts.map((t) => t[0]).join('、')} 不可能同时成立${why[0]}${known[0]}`,
        `the conditions ${texts.map((t) => t[1]).join(' and ')} can never hold together${why[1]}${known[1]}`,
      );
}

/** What one side of a comparison between two facts can hold, in words. */
function sideText(name: string, side: Left): Pair {
  if ('values' in side) {
    const values = shown(side.values);
    const missing = side.values.some(isAbsent);
    const [orZh, orEn] = missing ? ['，或缺失', ', or missing'] : ['', ''];
    return values === ''
      ? [`${name} 总是缺失`, `${name} is always missing`]
      : [`${name} 可能的值为 ${values}${orZh}`, `${name} can be ${values}${orEn}`];
  }
  const span = hull(side.cells);
  const [orZh, orEn] = side.absent ? ['，或缺失', ', or missing'] : ['', ''];
  if (!span) return [`${name} 总是缺失`, `${name} is always missing`];
  const [wholeZh, wholeEn] = side.integer ? ['（整数）', ' (whole numbers)'] : ['', ''];
  return [
    `${name} 的取值在 ${spanText(span)} 内${wholeZh}${orZh}`,
    `${name} lies in ${spanText(span)}${wholeEn}${orEn}`,
  ];
}

/**
 * Why a comparison of two facts never holds (or, negated, why what it negates always holds).
 * `narrowed` says the other conditions of the same `all` narrowed what the facts can be.
 */
export function pairText(a: Atom, sides: [Left, Left], narrowed: boolean): LocalizedText {
  const [zh, en] = atomText(a);
  const ref = a.c.value as { fact: string; path?: string };
  const name = refName(a.c.fact, a.c.path);
  const [x, y] = [sideText(name, sides[0]), sideText(refName(ref.fact, ref.path), sides[1])];
  const first = sides[0];
  // A level or a yes/no compared with < or >: the comparison needs a number on the left.
  if (!a.negated && COMPARISONS.has(a.c.operator) && 'values' in first)
    if (!first.values.some(readsAsNumber))
      return lt(
        `条件 ${zh} 永远不会成立：${x[0]}，从不是数字，而 ${WORDS[a.c.operator][0]} 只比较数字`,
        `the condition ${en} can never hold: ${x[1]}, never a number, and ${WORDS[a.c.operator][1]} compares numbers only`,
      );
  const [innerZh, innerEn] = comparison(a.c, a.c.operator);
  const [alwaysZh, alwaysEn] = a.negated
    ? [`${innerZh} 总是成立：`, `${innerEn} always holds: `]
    : ['', ''];
  const [byZh, byEn] = narrowed
    ? ['（已计入同组其他条件）', ' (given the other conditions of this group)']
    : ['', ''];
  return lt(
    `条件 ${zh} 永远不会成立：${alwaysZh}${x[0]}，${y[0]}${byZh}`,
    `the condition ${en} can never hold: ${alwaysEn}${x[1]}, and ${y[1]}${byEn}`,
  );
}

/** `not` of an empty `all` / `any`: the empty list always holds, as json-rules-engine has it. */
export function emptyNotText(key: 'all' | 'any'): LocalizedText {
  return lt(
    `条件 并非（空的 ${key}）永远不会成立：空的 ${key} 列表总是成立`,
    `the condition not (an empty ${key}) can never hold: an empty ${key} list always holds`,
  );
}
