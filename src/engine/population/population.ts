import {
  questionsOf,
  type EvaluationInput,
  type Fact,
  type FactValue,
  type Pack,
  type Question,
} from '../../domain/index.ts';

/**
 * Seeded synthetic populations for a pack: answers and facts drawn from editable distributions.
 * Pure and pack-driven: it reads the pack's questionnaires and vocabulary, takes a seed, and the
 * same seed and config give the same clients on any machine. Client `i` depends only on the seed
 * and `i`, so a population can be generated in slices (workers, streaming a million rows).
 */

/** How one client fact is drawn. `missing` is the share of clients without the fact. */
export type FactDistribution = { missing?: number } & (
  | { kind: 'logNormal'; median: number; sigma: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'boolean'; p: number }
  | { kind: 'choice'; weights: Record<string, number> }
  /** A date `days` from the evaluation date, drawn uniformly in `[from, to]`. */
  | { kind: 'dateOffset'; from: number; to: number }
  | { kind: 'constant'; value: FactValue }
);

export type PopulationConfig = {
  seed: number;
  evaluationDate: string;
  /**
   * Each client has a latent risk appetite in [0, 1] drawn from Beta(a, b); answers lean towards
   * options whose points sit at that appetite. `coherence` 0 answers at random, 1 answers strictly
   * by appetite. Defaults: Beta(2, 2), coherence 0.7, which spreads clients over every level.
   */
  appetite?: { a: number; b: number };
  coherence?: number;
  /** Share of visible questions left unanswered (0 = full answers, the default). */
  unanswered?: number;
  /** Per-question option weights that replace the appetite model for that question. */
  answers?: Record<string, Record<string, number>>;
  /** Per-fact distributions; facts not listed get a default by type and unit. */
  facts?: Record<string, FactDistribution>;
  /** Assessments are dated up to this many days before the evaluation date (default: validity + 15%). */
  assessmentAgeDays?: number;
  /** Share of firm-initiated purchases (default 0.3). */
  firmInitiated?: number;
  /** Client ids are `${idPrefix}${i}` (default `c`). */
  idPrefix?: string;
};

/** A small, fast PRNG (mulberry32): 32-bit state, good enough for test data, not for secrets. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the population seed with a client index, so that client i is reproducible on its own. */
function clientSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Beta(a, b) by the ratio of two gamma draws (Marsaglia-Tsang), enough for small integer shapes. */
function gamma(rand: () => number, k: number): number {
  if (k < 1) return gamma(rand, k + 1) * Math.pow(Math.max(rand(), 1e-12), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = gaussian(rand);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(Math.max(rand(), 1e-12)) < 0.5 * x * x + d - d * v + d * Math.log(v))
      return d * v;
  }
}

function pickWeighted(rand: () => number, ids: readonly string[], weights: readonly number[]) {
  let total = 0;
  for (const w of weights) total += w;
  let r = rand() * total;
  for (let i = 0; i < ids.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return ids[i] as string;
  }
  return ids[ids.length - 1] as string;
}

const DAY = 86_400_000;
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(days) * DAY)
    .toISOString()
    .slice(0, 10);
}

const MONEY = /^(CNY|RMB|EUR|USD|GBP|HKD|元|万元)$/i;

/** A default distribution a reviewer would find plausible, from the fact's type, unit and bounds. */
export function defaultFactDistribution(fact: Fact, pack: Pack): FactDistribution {
  // A fact required of some clients (`requiredWhen`) is always given: leaving it out would make
  // those clients input errors.
  const optional = fact.required || fact.requiredWhen ? 0 : 0.15;
  switch (fact.type) {
    case 'number':
      if (fact.unit && MONEY.test(fact.unit))
        return { kind: 'logNormal', median: 300_000, sigma: 1.4, missing: optional };
      if (fact.unit === 'years' && (fact.max ?? 0) >= 100)
        return { kind: 'normal', mean: 45, sd: 15, missing: optional };
      if (fact.unit === 'years')
        return { kind: 'logNormal', median: 3, sigma: 1, missing: optional };
      return {
        kind: 'uniform',
        min: fact.min ?? 0,
        max: fact.max ?? (fact.min ?? 0) + 100,
        missing: optional,
      };
    case 'boolean':
      return { kind: 'boolean', p: 0.1, missing: optional };
    case 'enum':
    case 'set': {
      const ids = fact.scale
        ? (pack.vocabulary.scales.find((s) => s.id === fact.scale)?.levels ?? []).map((l) => l.id)
        : (fact.values ?? []).map((v) => v.id);
      return {
        kind: 'choice',
        weights: Object.fromEntries(ids.map((id) => [id, 1])),
        missing: optional,
      };
    }
    case 'date':
      return { kind: 'dateOffset', from: -365, to: 730, missing: fact.required ? 0 : 0.6 };
    case 'string':
      return { kind: 'constant', value: fact.id, missing: optional };
  }
}

type FactPlan = {
  id: string;
  type: Fact['type'];
  integer: boolean;
  min?: number;
  max?: number;
  d: FactDistribution;
};

function drawFact(
  rand: () => number,
  plan: FactPlan,
  evaluationDate: string,
): FactValue | undefined {
  const d = plan.d;
  if (d.missing && rand() < d.missing) return undefined;
  let n: number;
  switch (d.kind) {
    case 'boolean':
      return rand() < d.p;
    case 'constant':
      return d.value;
    case 'dateOffset':
      return shiftDate(evaluationDate, d.from + rand() * (d.to - d.from));
    case 'choice': {
      const ids = Object.keys(d.weights);
      const one = pickWeighted(rand, ids, Object.values(d.weights));
      return plan.type === 'set' ? [one] : one;
    }
    case 'logNormal':
      n = d.median * Math.exp(d.sigma * gaussian(rand));
      break;
    case 'normal':
      n = d.mean + d.sd * gaussian(rand);
      break;
    case 'uniform':
      n = d.min + rand() * (d.max - d.min);
      break;
  }
  if (plan.min !== undefined && n < plan.min) n = plan.min;
  if (plan.max !== undefined && n > plan.max) n = plan.max;
  return plan.integer || Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 10) / 10;
}

type QuestionPlan = { q: Question; ids: string[]; closeness: number[]; fixed?: number[] };

/** Where each option's points sit between the question's lowest and highest, 0..1. */
function planQuestion(q: Question, fixed: Record<string, number> | undefined): QuestionPlan {
  if (q.type === 'numeric') return { q, ids: [], closeness: [] };
  const points = q.options.map((o) => o.points);
  const lo = Math.min(...points);
  const span = Math.max(...points) - lo || 1;
  const ids = q.options.map((o) => o.id);
  const plan: QuestionPlan = { q, ids, closeness: points.map((p) => (p - lo) / span) };
  if (fixed) plan.fixed = ids.map((id) => fixed[id] ?? 0);
  return plan;
}

function optionWeights(plan: QuestionPlan, appetite: number, coherence: number): number[] {
  if (plan.fixed) return plan.fixed;
  // A bell around the client's appetite, flattened towards uniform as coherence drops.
  const width = 0.05 + (1 - coherence) * 0.6;
  return plan.closeness.map((c) => Math.exp(-((c - appetite) ** 2) / (2 * width * width)));
}

function drawAnswer(rand: () => number, plan: QuestionPlan, appetite: number, coherence: number) {
  const q = plan.q;
  if (q.type === 'numeric') {
    const x = q.min + (q.max - q.min) * Math.min(1, Math.max(0, appetite + 0.15 * gaussian(rand)));
    return q.integer ? Math.round(x) : Math.round(x * 100) / 100;
  }
  const weights = optionWeights(plan, appetite, coherence);
  if (q.type !== 'multiple') return pickWeighted(rand, plan.ids, weights);
  const most = Math.min(q.maxSelected ?? 3, plan.ids.length);
  const count =
    Math.max(q.minSelected, 1) + Math.floor(rand() * (most - Math.max(q.minSelected, 1) + 1));
  const chosen: string[] = [];
  const ids = [...plan.ids];
  const w = [...weights];
  while (chosen.length < count && ids.length > 0) {
    const id = pickWeighted(rand, ids, w);
    const at = ids.indexOf(id);
    ids.splice(at, 1);
    w.splice(at, 1);
    chosen.push(id);
  }
  // Options in the question's order, as a form would send them.
  return plan.ids.filter((id) => chosen.includes(id));
}

/**
 * Prepares a population of a pack. `clientAt(i)` draws client i; `take(n, from)` a slice.
 *
 * @example
 * const population = createPopulation(pack, { seed: 42, evaluationDate: '2026-06-01' });
 * const clients = population.take(1000);
 */
export function createPopulation(pack: Pack, config: PopulationConfig) {
  const bound = new Set(
    pack.questionnaires.flatMap(questionsOf).flatMap((q) => (q.bindFact ? [q.bindFact.fact] : [])),
  );
  const facts: FactPlan[] = pack.vocabulary.facts
    .filter((f) => !bound.has(f.id) || config.facts?.[f.id])
    .map((f) => ({
      id: f.id,
      type: f.type,
      integer: f.type === 'number' && f.integer,
      ...(f.type === 'number' && f.min !== undefined ? { min: f.min } : {}),
      ...(f.type === 'number' && f.max !== undefined ? { max: f.max } : {}),
      d: config.facts?.[f.id] ?? defaultFactDistribution(f, pack),
    }));
  const questions = pack.questionnaires
    .flatMap(questionsOf)
    .map((q) => planQuestion(q, config.answers?.[q.id]));
  const validity = Math.max(...pack.questionnaires.map((q) => q.validityMonths), 12);
  const maxAge = config.assessmentAgeDays ?? validity * 30.44 * 1.15;
  const { a, b } = config.appetite ?? { a: 2, b: 2 };
  const coherence = config.coherence ?? 0.7;
  const unanswered = config.unanswered ?? 0;
  const firm = config.firmInitiated ?? 0.3;
  const prefix = config.idPrefix ?? 'c';

  function clientAt(i: number): EvaluationInput {
    const rand = createRandom(clientSeed(config.seed, i));
    const ga = gamma(rand, a);
    const appetite = ga / (ga + gamma(rand, b));
    // Built from entries in one go, as JSON.parse builds a client read from a file: keyed one by
    // one, objects of more than a dozen keys become slow dictionaries for whoever reads them.
    const answers: [string, EvaluationInput['answers'][string]][] = [];
    for (const plan of questions) {
      if (unanswered > 0 && rand() < unanswered) continue;
      answers.push([plan.q.id, drawAnswer(rand, plan, appetite, coherence)]);
    }
    const values: [string, NonNullable<EvaluationInput['facts']>[string]][] = [];
    for (const plan of facts) {
      const v = drawFact(rand, plan, config.evaluationDate);
      if (v !== undefined) values.push([plan.id, v]);
    }
    return {
      clientId: `${prefix}${i}`,
      facts: Object.fromEntries(values),
      answers: Object.fromEntries(answers),
      assessmentDate: shiftDate(config.evaluationDate, -rand() * maxAge),
      evaluationDate: config.evaluationDate,
      initiator: rand() < firm ? 'firm' : 'client',
    };
  }

  return {
    clientAt,
    take(n: number, from = 0): EvaluationInput[] {
      const out: EvaluationInput[] = new Array(n);
      for (let k = 0; k < n; k++) out[k] = clientAt(from + k);
      return out;
    },
  };
}
