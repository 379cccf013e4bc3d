import type { Answer, EvaluationInputDraft } from '../../domain/index.ts';
import type { CompiledPack } from '../compilePack.ts';
import { compileCondition } from '../conditions.ts';
import { runNode } from '../evaluate.ts';
import type { ClassifyOutput } from '../nodes/classify.ts';
import type { QuestionnaireOutput } from '../questionnaire/scoring.ts';
import { compileShowIf } from '../questionnaire/showIf.ts';
import { EvaluationError, type Scope } from '../types.ts';
import { addMoments, createMoments, mergeMoments, type Moments } from './moments.ts';
import { analyticsShape, type AnalyticsOptions, type AnalyticsShape } from './shape.ts';

/**
 * What a slice of the population adds up to: counts and co-moments only, in the shape's order,
 * so that parts from workers merge by adding (`mergeAnalyticsParts`) in any order.
 */
export type AnalyticsPart = {
  /** Clients analysed: evaluated up to the classify node without error. */
  clients: number;
  /** Clients left out because their evaluation failed (bad input, an upstream error). */
  errors: number;
  /** Per question, per category: clients who chose it (several per client for multiple choice). */
  answers: number[][];
  /** Per question: visible and unanswered / hidden by show-if. */
  unanswered: number[];
  hidden: number[];
  /** Per question: numeric answers' mean and variance (empty moments for other types). */
  numeric: Moments[];
  /** Per shape dimension: item points of the clients who answered every item of it. */
  dimensions: Moments[];
  levels: number[];
  /** Clients with at least one knock-out, and per knock-out option. */
  knockedOut: number;
  knockouts: number[];
  /** Per classify limit flag (e.g. lowestCategory): clients for whom it was raised. */
  limitFlags: Record<string, number>;
  /** Sensitivity, per question: clients varied, moved to another level, up, down. */
  varied: number[];
  moved: number[];
  up: number[];
  down: number[];
  /** Clients whose answers were varied (the sample). */
  sampled: number;
  /** Per coherence rule: clients whose answers it flags; and clients flagged by any. */
  coherence: number[];
  incoherent: number;
};

const zeros = (n: number) => new Array<number>(n).fill(0);

export function emptyAnalyticsPart(shape: AnalyticsShape): AnalyticsPart {
  const Q = shape.questions.length;
  return {
    clients: 0,
    errors: 0,
    answers: shape.questions.map((q) => zeros(q.categories.length)),
    unanswered: zeros(Q),
    hidden: zeros(Q),
    numeric: shape.questions.map(() => createMoments(1)),
    dimensions: shape.dimensions.map((d) => createMoments(d.items.length)),
    levels: zeros(shape.levels.length),
    knockedOut: 0,
    knockouts: zeros(shape.knockouts.length),
    limitFlags: {},
    varied: zeros(Q),
    moved: zeros(Q),
    up: zeros(Q),
    down: zeros(Q),
    sampled: 0,
    coherence: zeros(shape.coherence.length),
    incoherent: 0,
  };
}

const add = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] as number));

/** Two parts as one: counts add, moments merge (Chan et al.). */
export function mergeAnalyticsParts(a: AnalyticsPart, b: AnalyticsPart): AnalyticsPart {
  const limitFlags = { ...a.limitFlags };
  for (const [f, n] of Object.entries(b.limitFlags)) limitFlags[f] = (limitFlags[f] ?? 0) + n;
  return {
    clients: a.clients + b.clients,
    errors: a.errors + b.errors,
    answers: a.answers.map((row, i) => add(row, b.answers[i] as number[])),
    unanswered: add(a.unanswered, b.unanswered),
    hidden: add(a.hidden, b.hidden),
    numeric: a.numeric.map((m, i) => mergeMoments(m, b.numeric[i] as Moments)),
    dimensions: a.dimensions.map((m, i) => mergeMoments(m, b.dimensions[i] as Moments)),
    levels: add(a.levels, b.levels),
    knockedOut: a.knockedOut + b.knockedOut,
    knockouts: add(a.knockouts, b.knockouts),
    limitFlags,
    varied: add(a.varied, b.varied),
    moved: add(a.moved, b.moved),
    up: add(a.up, b.up),
    down: add(a.down, b.down),
    sampled: a.sampled + b.sampled,
    coherence: add(a.coherence, b.coherence),
    incoherent: a.incoherent + b.incoherent,
  };
}

const isAnswered = (a: unknown) =>
  a !== undefined && a !== null && !(Array.isArray(a) && a.length === 0);

const sameAnswer = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : a === b;

/**
 * Prepares the analytics of one questionnaire against one classify node: `add` takes clients
 * one at a time into a part. Pure: no clock, no randomness; the sample for sensitivity is every
 * `sensitivityStride`-th population index (0: none).
 *
 * @example
 * const analytics = prepareAnalytics(compilePack(pack));
 * const part = analytics.createPart();
 * clients.forEach((c, i) => analytics.add(part, c, i));
 * const report = summarizeAnalytics(analytics.shape, part);
 */
export function prepareAnalytics(compiled: CompiledPack, options: AnalyticsOptions = {}) {
  const { shape, questionnaire, questions, levelNodes } = analyticsShape(compiled, options);
  const visible = questions.map((q) => (q.showIf ? compileShowIf(q.showIf) : undefined));
  const categoryOf = questions.map((q) => {
    if (q.type === 'numeric') {
      const bands = q.bands;
      return (a: unknown) =>
        bands.findIndex((b) => (a as number) >= b.min && (a as number) <= b.max);
    }
    const at = new Map(q.options.map((o, i) => [o.id, i]));
    return (a: unknown) => at.get(a as string) ?? -1;
  });
  const knockoutAt = new Map(shape.knockouts.map((k, i) => [`${k.question}\u0000${k.option}`, i]));
  const qi = compiled.pack.questionnaires.indexOf(questionnaire);
  const coherence = (questionnaire.coherence ?? []).map((r, i) =>
    compileCondition(r.when, `$.questionnaires[${qi}].coherence[${i}].when`),
  );
  const { classifyId, questionnaireNodeId, sensitivityStride } = shape;
  const points = new Float64Array(questions.length);
  const present = new Uint8Array(questions.length);

  /** The classify output for an input, running only the nodes the level depends on. */
  const levelScope = (input: EvaluationInputDraft): Scope => {
    const scope = compiled.createScope(input);
    for (const node of levelNodes) scope[node.id] = runNode(node, scope);
    return scope;
  };
  const levelOf = (input: EvaluationInputDraft): number | undefined => {
    try {
      return (levelScope(input)[classifyId] as ClassifyOutput).levelIndex;
    } catch (e) {
      if (e instanceof EvaluationError) return undefined;
      throw e;
    }
  };

  function vary(
    part: AnalyticsPart,
    client: EvaluationInputDraft,
    answers: Record<string, Answer>,
    level: number,
  ) {
    part.sampled += 1;
    shape.questions.forEach((q, i) => {
      if (present[i] === 2) return; // hidden: another answer would not be read
      const current = answers[q.id];
      let up = false;
      let down = false;
      for (const alt of q.alternatives) {
        if (sameAnswer(alt, current)) continue;
        const other = levelOf({ ...client, answers: { ...answers, [q.id]: alt } });
        if (other === undefined || other === level) continue;
        if (other > level) up = true;
        else down = true;
      }
      (part.varied[i] as number)++;
      if (up || down) (part.moved[i] as number)++;
      if (up) (part.up[i] as number)++;
      if (down) (part.down[i] as number)++;
    });
  }

  function add(part: AnalyticsPart, client: EvaluationInputDraft, index: number): void {
    let scope: Scope;
    try {
      compiled.checkInput(client);
      scope = levelScope(client);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      part.errors += 1;
      return;
    }
    part.clients += 1;
    const answers = (client.answers ?? {}) as Record<string, Answer>;
    const qn = scope[questionnaireNodeId] as QuestionnaireOutput;
    const classified = scope[classifyId] as ClassifyOutput;
    (part.levels[classified.levelIndex] as number)++;
    for (const [flag, on] of Object.entries(classified.flags))
      if (on) part.limitFlags[flag] = (part.limitFlags[flag] ?? 0) + 1;

    questions.forEach((q, i) => {
      const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
      const shown = visible[i]?.(answers) ?? true;
      present[i] = !shown ? 2 : isAnswered(answer) ? 1 : 0;
      points[i] = qn.byQuestion[q.id] ?? 0;
      if (!shown) (part.hidden[i] as number)++;
      else if (present[i] === 0) (part.unanswered[i] as number)++;
      else {
        const counts = part.answers[i] as number[];
        const chosen = Array.isArray(answer) ? answer : [answer];
        for (const a of chosen) {
          const c = categoryOf[i]?.(a) ?? -1;
          if (c >= 0) counts[c] = (counts[c] as number) + 1;
        }
        if (q.type === 'numeric') addMoments(part.numeric[i] as Moments, [answer as number]);
      }
    });
    // A hidden question scores 0 in the total, so it enters the scale as 0; a visible question
    // left unanswered is missing data, and leaves the client out of that dimension (listwise).
    shape.dimensions.forEach((d, di) => {
      if (d.items.some((i) => present[i] === 0)) return;
      addMoments(
        part.dimensions[di] as Moments,
        d.items.map((i) => points[i] as number),
      );
    });
    if (qn.knockedOut) part.knockedOut += 1;
    for (const k of qn.knockouts) {
      const at = knockoutAt.get(`${k.question}\u0000${k.option}`);
      if (at !== undefined) (part.knockouts[at] as number)++;
    }
    let incoherent = false;
    const facts = (f: string) => scope[f];
    coherence.forEach((test, i) => {
      let fired = false;
      try {
        fired = test(facts);
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
      }
      if (fired) {
        (part.coherence[i] as number)++;
        incoherent = true;
      }
    });
    if (incoherent) part.incoherent += 1;
    if (sensitivityStride > 0 && index % sensitivityStride === 0)
      vary(part, client, answers, classified.levelIndex);
  }

  return { shape, createPart: () => emptyAnalyticsPart(shape), add };
}
