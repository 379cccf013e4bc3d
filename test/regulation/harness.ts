import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  questionsOf,
  type Condition,
  type EvaluationInputDraft,
  type Fact,
  type Pack,
  type Question,
} from '../../src/domain/index.ts';
import type { MatchConfigSchema } from '../../src/domain/index.ts';
import type { z } from 'zod';

type MatchConfig = z.infer<typeof MatchConfigSchema>;
import {
  compilePack,
  evaluate,
  EvaluationError,
  type CompiledPack,
  type EvaluationResult,
} from '../../src/engine/index.ts';
import { periodLastDay } from '../../src/engine/dates.ts';
import { conditionFacts } from '../../src/engine/conditions.ts';

/** One evaluated client: what went in and what came out. */
export type Case = { input: EvaluationInputDraft; result: EvaluationResult; pack: Pack };

/**
 * A property stated from the rule text: `check` returns what is wrong with one case, or nothing.
 * `plant` changes a copy of the pack (or the evaluation) so that the property must fail: a
 * property that no planted defect can break tests nothing.
 */
export type RegulationProperty = {
  name: string;
  /** The article or rule the property states. */
  source: string;
  check: (c: Case, again: (input: EvaluationInputDraft) => EvaluationResult) => string | undefined;
  plant: (pack: Pack) => void;
};

const DAY = 86_400_000;
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Every number a condition compares a fact with, per fact: the thresholds of the rule text. */
function thresholds(pack: Pack): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if (typeof c.value === 'number') out.set(c.fact, [...(out.get(c.fact) ?? []), c.value]);
  };
  for (const n of pack.graph.nodes)
    if (n.kind === 'rules') for (const r of n.config.rules) visit(r.conditions);
  return out;
}

function factArbitrary(fact: Fact, edges: number[], pack: Pack): fc.Arbitrary<unknown> | null {
  switch (fact.type) {
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const lo = fact.min ?? 0;
      const hi = fact.max ?? Math.max(100, ...edges.map((e) => e * 2));
      const near = edges
        .flatMap((e) => [e - 1, e, e + 1])
        .filter((v) => v >= lo && v <= hi && (!fact.integer || Number.isInteger(v)));
      const spread = fact.integer
        ? fc.integer({ min: lo, max: hi })
        : fc.integer({ min: lo, max: hi });
      return near.length > 0 ? fc.oneof(fc.constantFrom(...near, lo, hi), spread) : spread;
    }
    case 'enum': {
      const ids = fact.scale
        ? (pack.vocabulary.scales.find((s) => s.id === fact.scale)?.levels.map((l) => l.id) ?? [])
        : (fact.values?.map((v) => v.id) ?? []);
      // The first value (a natural person, a retail client) is the common case.
      return fc.oneof({ weight: 3, arbitrary: fc.constant(ids[0]) }, fc.constantFrom(...ids));
    }
    default:
      return null;
  }
}

function answerArbitrary(q: Question): fc.Arbitrary<unknown> {
  if (q.type === 'numeric') {
    const edges = q.bands.flatMap((b) => [b.min, b.max]).filter((v) => v >= q.min && v <= q.max);
    return fc.oneof(fc.constantFrom(...edges), fc.integer({ min: q.min, max: q.max }));
  }
  const ids = q.options.map((o) => o.id);
  if (q.type !== 'multiple') return fc.constantFrom(...ids);
  return fc.subarray(ids, {
    minLength: Math.max(1, q.minSelected),
    maxLength: q.maxSelected ?? ids.length,
  });
}

/**
 * `n` seeded clients for a pack, from its own vocabulary and rules: every fact the rules read
 * (numbers at and one off each threshold the rules compare them with), every question answered
 * (one client in seven leaves some out), dates around the last valid day of the assessment, 29 February included,
 * both initiators. Facts a rule reads but no client needs are sometimes left out.
 */
export function generateClients(pack: Pack, seed: number, n: number): EvaluationInputDraft[] {
  const edges = thresholds(pack);
  const questions = pack.questionnaires.flatMap(questionsOf);
  const months = pack.questionnaires[0]?.validityMonths ?? 12;
  const dateFacts = pack.vocabulary.facts.filter((f) => f.type === 'date').map((f) => f.id);
  const read = new Set(
    pack.graph.nodes.flatMap((n) =>
      n.kind === 'rules' ? n.config.rules.flatMap((r) => conditionFacts(r.conditions)) : [],
    ),
  );
  const factArbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of pack.vocabulary.facts) {
    const arb = factArbitrary(f, edges.get(f.id) ?? [], pack);
    if (!arb) continue;
    const always = f.required || f.requiredWhen !== undefined || !read.has(f.id);
    factArbs[f.id] = always ? arb : fc.option(arb, { freq: 4, nil: undefined });
  }
  // Most clients answer everything; one in seven leaves about one question in ten out.
  const full = fc.record(Object.fromEntries(questions.map((q) => [q.id, answerArbitrary(q)])));
  const partial = fc.record(
    Object.fromEntries(
      questions.map((q) => [q.id, fc.option(answerArbitrary(q), { freq: 9, nil: undefined })]),
    ),
  );
  const assessed = fc.oneof(
    fc.constantFrom('2024-02-29', '2025-01-31', '2025-12-31'),
    fc.integer({ min: 0, max: 3 * 365 }).map((d) => addDays('2024-01-01', d)),
  );
  const client = fc.record({
    facts: fc.record(factArbs),
    answers: fc.oneof({ weight: 6, arbitrary: full }, { weight: 1, arbitrary: partial }),
    assessmentDate: assessed,
    // Days after the last valid day: on it, the day before, the day after, or anywhere.
    offset: fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -800, max: 120 })),
    dateFactOffset: fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -400, max: 400 })),
    initiator: fc.constantFrom('client', 'firm'),
  });
  return fc.sample(client, { seed, numRuns: n }).map((c, i) => {
    const last = periodLastDay(c.assessmentDate, months);
    let evaluationDate = addDays(last, c.offset);
    if (evaluationDate < c.assessmentDate) evaluationDate = c.assessmentDate;
    const facts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.facts)) if (v !== undefined) facts[k] = v;
    for (const id of dateFacts)
      if (i % 3 !== 0) facts[id] = addDays(evaluationDate, c.dateFactOffset);
    const answers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.answers)) if (v !== undefined) answers[k] = v;
    return {
      clientId: `c${i}`,
      facts,
      answers,
      assessmentDate: c.assessmentDate,
      evaluationDate,
      initiator: c.initiator,
    } as EvaluationInputDraft;
  });
}

/** Each client evaluated once; a client the pack refuses is a failure of the generator or pack. */
export function evaluateAll(
  compiled: CompiledPack,
  clients: readonly EvaluationInputDraft[],
): Case[] {
  return clients.map((input) => ({
    input,
    result: evaluate(compiled, input, { rationale: false }),
    pack: compiled.pack,
  }));
}

/**
 * The first violations of a property (at most `limit`): over evaluated cases, or over clients
 * evaluated one by one until the limit (a planted defect usually shows within a few).
 */
export function violations(
  compiled: CompiledPack,
  cases: readonly Case[] | readonly EvaluationInputDraft[],
  property: RegulationProperty,
  limit = 3,
): string[] {
  const found: string[] = [];
  const again = (input: EvaluationInputDraft) => evaluate(compiled, input, { rationale: false });
  for (const x of cases) {
    let c: Case;
    if ('result' in x) c = x;
    else
      try {
        c = { input: x, result: again(x), pack: compiled.pack };
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        found.push(`${x.clientId}: ${e.code} ${e.path}`);
        if (found.length >= limit) break;
        continue;
      }
    const problem = property.check(c, again);
    if (problem) found.push(`${c.input.clientId}: ${problem}`);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * One test per property on `count` seeded clients, and one per planted defect showing the
 * property can fail.
 */
export function describeRegulation(
  pack: Pack,
  properties: readonly RegulationProperty[],
  { seed, count = 5000 }: { seed: number; count?: number },
): void {
  describe(`${pack.id}: regulation properties on ${count} seeded clients`, () => {
    const compiled = compilePack(pack);
    const clients = generateClients(pack, seed, count);
    let cases: Case[] | undefined;
    const all = () => (cases ??= evaluateAll(compiled, clients));
    for (const property of properties) {
      it(`${property.name} (${property.source})`, () => {
        expect(violations(compiled, all(), property)).toEqual([]);
      });
      it(`${property.name}: a planted defect is caught`, () => {
        expect(violations(withDefect(pack, property), clients, property, 1)).not.toEqual([]);
      });
    }
  });
}

/** The pack with the property's defect planted in a deep copy. */
export function withDefect(pack: Pack, property: RegulationProperty): CompiledPack {
  const copy = structuredClone(pack);
  property.plant(copy);
  return compilePack(copy);
}

/** Helpers for the properties of one pack. */
export const rank = (pack: Pack, scaleId: string, id: unknown): number =>
  pack.vocabulary.scales.find((s) => s.id === scaleId)?.levels.findIndex((l) => l.id === id) ?? -1;

export function nodeConfig<T = Record<string, unknown>>(pack: Pack, id: string): T {
  const node = pack.graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node.config as T;
}

/** The match node's config of a pack, for planting defects. */
export const matchConfig = (pack: Pack, id: string): MatchConfig =>
  nodeConfig<MatchConfig>(pack, id);

/** Plants the defect "this policy is missing" in match node `id`. */
export function dropPolicy(pack: Pack, id: string, code: string): void {
  const m = matchConfig(pack, id);
  m.policies = m.policies.filter((x) => x.reason.code !== code);
}

/** Products whose verdict is not what a predicate wants: `id verdict` for the report. */
export function offending(
  result: EvaluationResult,
  wrong: (id: string, verdict: string, p: EvaluationResult['products'][string]) => boolean,
): string | undefined {
  for (const [id, p] of Object.entries(result.products))
    if (wrong(id, p.verdict, p)) return `${id} ${p.verdict} ${JSON.stringify(p.checks)}`;
  return undefined;
}

/**
 * The validity every pack shares (one engine function, Civil Code Arts. 201-203): `output` is the
 * corresponding day `months` on, and `flag` is raised exactly from the day after. The planted
 * defect is a validity one month off.
 */
export function validityProperty(
  output: string,
  flag: string,
  months: number,
  source: string,
): RegulationProperty {
  return {
    name: `${output} is the corresponding day ${months} months on, and ${flag} holds from the next day`,
    source,
    check: ({ input, result }) => {
      const last = periodLastDay(String(input.assessmentDate), months);
      if (result.outputs[output] !== last) return `${output} ${String(result.outputs[output])}`;
      const over = input.evaluationDate > last;
      return over === result.flags.includes(flag)
        ? undefined
        : `${flag} on ${input.evaluationDate}`;
    },
    plant: (p) => {
      (p.questionnaires[0] as { validityMonths: number }).validityMonths = months + 1;
    },
  };
}
