import { questionsOf, type Pack, type Question } from '../../domain/index.ts';

/**
 * What a number in the scope can be: the lowest and highest value and whether it is always a
 * whole number. Lint uses it to tell real gaps (a score that can land there) from gaps between
 * whole numbers that no integer score reaches. `undefined` means "not known": lint then checks
 * only what holds for any number.
 */
export type ValueRange = { min: number; max: number; integer: boolean };

const isInt = (n: number) => Number.isInteger(n);
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Points a question can give before its weight (multiple `sum`: the best / worst allowed picks). */
function pointsRange(q: Question): { min: number; max: number; points: number[] } {
  const points =
    q.type === 'numeric' ? q.bands.map((b) => b.points) : q.options.map((o) => o.points);
  if (q.type !== 'multiple' || q.scoring !== 'sum')
    return { min: Math.min(...points), max: Math.max(...points), points };
  const most = Math.min(q.maxSelected ?? points.length, points.length);
  const least = Math.min(Math.max(q.minSelected, 1), most);
  const desc = [...points].sort((a, b) => b - a);
  const asc = [...points].sort((a, b) => a - b);
  return {
    min: sum(asc.slice(0, least)) + sum(asc.slice(least, most).filter((p) => p < 0)),
    max: sum(desc.slice(0, least)) + sum(desc.slice(least, most).filter((p) => p > 0)),
    points,
  };
}

/**
 * A question's weighted contribution. Required questions are assumed answered unless `answered`
 * is false (an incomplete questionnaire is blocked by the pack's own rules, but a condition may
 * be what reads it); optional or conditional ones can add 0.
 */
export function questionRange(q: Question, answered = true): ValueRange {
  const p = pointsRange(q);
  const a = p.min * q.weight;
  const b = p.max * q.weight;
  const skippable = !answered || !q.required || q.showIf !== undefined;
  return {
    min: skippable ? Math.min(a, b, 0) : Math.min(a, b),
    max: skippable ? Math.max(a, b, 0) : Math.max(a, b),
    integer: isInt(q.weight) && p.points.every(isInt),
  };
}

function addRanges(ranges: readonly ValueRange[]): ValueRange {
  return {
    min: sum(ranges.map((r) => r.min)),
    max: sum(ranges.map((r) => r.max)),
    integer: ranges.every((r) => r.integer),
  };
}

function withZero(r: ValueRange): ValueRange {
  return { min: Math.min(r.min, 0), max: Math.max(r.max, 0), integer: r.integer };
}

/**
 * Ranges of the numbers a reference can hold, for the kinds whose outputs are computable. With
 * `answered: false` a required question may be unanswered too (it then scores 0), which is what
 * a condition that runs on an incomplete questionnaire sees.
 */
export function createRangeFinder(
  pack: Pack,
  { answered = true }: { answered?: boolean } = {},
): (ref: string) => ValueRange | undefined {
  const rangeOfQuestion = (q: Question) => questionRange(q, answered);
  const nodes = new Map(pack.graph.nodes.map((n) => [n.id, n]));
  const questionnaires = new Map(pack.questionnaires.map((q) => [q.id, q]));
  const facts = new Map(pack.vocabulary.facts.map((f) => [f.id, f]));
  const memo = new Map<string, ValueRange | undefined>();
  const visiting = new Set<string>();

  const find = (ref: string): ValueRange | undefined => {
    if (memo.has(ref)) return memo.get(ref);
    // A cycle is validation's to report; here it is simply not known.
    if (visiting.has(ref)) return undefined;
    visiting.add(ref);
    const found = compute(ref);
    visiting.delete(ref);
    memo.set(ref, found);
    return found;
  };

  const compute = (ref: string): ValueRange | undefined => {
    const [root = '', key, ...rest] = ref.split('.');
    const fact = facts.get(root);
    if (fact)
      return fact.type === 'number' && key === undefined
        ? {
            min: fact.min ?? -Infinity,
            max: fact.max ?? Infinity,
            integer: fact.integer,
          }
        : undefined;
    const node = nodes.get(root);
    if (node?.kind === 'questionnaire') {
      const q = questionnaires.get(node.config.questionnaire);
      if (!q) return undefined;
      const questions = questionsOf(q);
      const zeroed = (r: ValueRange) =>
        node.config.knockoutZeroesScore &&
        questions.some((x) => x.type !== 'numeric' && x.options.some((o) => o.knockout))
          ? withZero(r)
          : r;
      if (key === 'total' && rest.length === 0)
        return zeroed(addRanges(questions.map(rangeOfQuestion)));
      if (key === 'byDimension' && rest.length === 1)
        return addRanges(
          questions.filter((x) => x.dimensions.includes(rest[0] as string)).map(rangeOfQuestion),
        );
      if (key === 'byQuestion' && rest.length === 1) {
        const question = questions.find((x) => x.id === rest[0]);
        return question ? rangeOfQuestion(question) : undefined;
      }
      return undefined;
    }
    if (node?.kind === 'score' && key === 'value' && rest.length === 0) {
      const c = node.config;
      const terms: ValueRange[] = [];
      for (const t of c.terms) {
        const r = find(t.ref);
        if (!r) return undefined;
        // 0 x Infinity is NaN; a term weighted 0 contributes exactly 0.
        const a = t.weight === 0 ? 0 : r.min * t.weight;
        const b = t.weight === 0 ? 0 : r.max * t.weight;
        terms.push({
          min: Math.min(a, b),
          max: Math.max(a, b),
          integer: r.integer && isInt(t.weight),
        });
      }
      let r: ValueRange =
        c.combine === 'weightedSum'
          ? addRanges(terms)
          : {
              min: (c.combine === 'min' ? Math.min : Math.max)(...terms.map((t) => t.min)),
              max: (c.combine === 'min' ? Math.min : Math.max)(...terms.map((t) => t.max)),
              integer: terms.every((t) => t.integer),
            };
      if (c.normalize) {
        const { fromMin, fromMax, toMin, toMax } = c.normalize;
        if (fromMax === fromMin) return undefined;
        const f = (x: number) => toMin + ((x - fromMin) * (toMax - toMin)) / (fromMax - fromMin);
        r = {
          min: Math.min(f(r.min), f(r.max)),
          max: Math.max(f(r.min), f(r.max)),
          integer: false,
        };
      }
      if (c.round !== 'none') {
        const round = Math[c.round];
        r = { min: round(r.min), max: round(r.max), integer: true };
      }
      return r;
    }
    if (node?.kind === 'classify' && rest.length === 0) {
      const levels = pack.vocabulary.scales.find((x) => x.id === node.config.scale)?.levels.length;
      if (key === 'levelIndex' && levels) return { min: 0, max: levels - 1, integer: true };
      if (key === 'score') return find(node.config.input);
      return undefined;
    }
    if (node?.kind === 'rules' && key !== undefined && rest.length === 0) {
      // A number output holds its default or a value a `set` event gives it.
      const out = node.config.outputs.find((o) => o.name === key && o.type === 'number');
      if (!out || typeof out.default !== 'number') return undefined;
      const values = [out.default];
      for (const rule of node.config.rules)
        if (rule.event.type === 'set' && rule.event.params.name === key) {
          const v = rule.event.params.value;
          if (typeof v !== 'number') return undefined;
          values.push(v);
        }
      return { min: Math.min(...values), max: Math.max(...values), integer: values.every(isInt) };
    }
    return undefined;
  };
  return find;
}
