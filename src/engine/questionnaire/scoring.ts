import type { Fact, LocalizedText, Option, Question, Questionnaire } from '../../domain/index.ts';
import { questionsOf } from '../../domain/index.ts';
import { periodLastDay, periodOver } from '../dates.ts';
import { recordTemplate } from '../recordTemplate.ts';
import type { PackIndex } from '../packIndex.ts';
import { compileShowIf, type Answers } from './showIf.ts';

export type Knockout = { question: string; option: string; flag: string; reason: LocalizedText };

export type QuestionnaireOutput = {
  total: number;
  maxTotal: number;
  byQuestion: Record<string, number>;
  byDimension: Record<string, number>;
  complete: boolean;
  missing: string[];
  knockedOut: boolean;
  knockouts: Knockout[];
  flags: Record<string, boolean>;
  facts: Record<string, unknown>;
  /** Whether this client must answer it (its `requiredWhen`); when not, no question is required. */
  required: boolean;
  assessmentDate: string;
  expiresOn: string;
  expired: boolean;
};

export type QuestionnaireContext = { assessmentDate?: string; evaluationDate: string };

type Scored = {
  id: string;
  question: Question;
  visible: ((a: Answers) => boolean) | undefined;
  options: Map<string, Option>;
  /** Knock-out options by id; undefined when the question has none, as most do. */
  knockouts: Map<string, NonNullable<Option['knockout']>> | undefined;
  bind: ((chosen: unknown) => unknown) | undefined;
  /** The bound fact's id, when the question binds one. */
  bindsTo: string | undefined;
  /** Positions of the question's dimensions in the questionnaire's list of them. */
  dimensionAt: number[];
};

/** The highest points a question can give, before its weight. */
export function maxPoints(q: Question): number {
  if (q.type === 'numeric') return Math.max(...q.bands.map((b) => b.points));
  const points = q.options.map((o) => o.points);
  if (q.type !== 'multiple' || q.scoring !== 'sum') return Math.max(...points);
  const positive = points.filter((p) => p > 0).sort((a, b) => b - a);
  return positive.slice(0, q.maxSelected ?? positive.length).reduce((s, p) => s + p, 0);
}

/** Knock-out flags a questionnaire can raise, in document order. */
export function knockoutFlags(questionnaire: Questionnaire): string[] {
  const flags = new Set<string>();
  for (const q of questionsOf(questionnaire))
    if (q.type !== 'numeric') for (const o of q.options) if (o.knockout) flags.add(o.knockout.flag);
  return [...flags];
}

export function dimensionsOf(questionnaire: Questionnaire): string[] {
  return [...new Set(questionsOf(questionnaire).flatMap((q) => q.dimensions))];
}

/** Orders values of a fact for `max` / `min` binding: by its scale or value list, else natively. */
function factRank(fact: Fact | undefined, index: PackIndex): (v: unknown) => number {
  if (fact && (fact.type === 'enum' || fact.type === 'set')) {
    const ids = fact.scale
      ? (index.scales.get(fact.scale)?.ids ?? [])
      : (fact.values ?? []).map((v) => v.id);
    const rank = new Map(ids.map((id, i) => [id, i]));
    return (v) => rank.get(v as string) ?? -1;
  }
  return (v) => (typeof v === 'number' ? v : Number.NaN);
}

function compileBinding(q: Question, index: PackIndex): Scored['bind'] {
  if (!q.bindFact) return undefined;
  const fact = index.facts.get(q.bindFact.fact);
  if (q.type === 'numeric') return (answer) => answer;
  const valueOf = new Map<string, unknown>(
    q.options.map((o) => [
      o.id,
      o.factValue ?? (fact?.type === 'boolean' && q.type === 'yesno' ? o.id === 'yes' : o.id),
    ]),
  );
  if (q.type !== 'multiple') return (answer) => valueOf.get(answer as string);
  const combine = q.bindFact.combine;
  const rank = factRank(fact, index);
  return (answer) => {
    const values = (answer as string[]).map((id) => valueOf.get(id));
    if (combine === 'list') return values;
    let best: unknown = undefined;
    for (const v of values) {
      if (best === undefined) best = v;
      else if (combine === 'max' ? rank(v) > rank(best) : rank(v) < rank(best)) best = v;
    }
    return best;
  };
}

function pointsOf(q: Scored, answer: unknown): number {
  const question = q.question;
  if (question.type === 'numeric') {
    const band = question.bands.find(
      (b) => (answer as number) >= b.min && (answer as number) <= b.max,
    );
    return band ? band.points : 0;
  }
  if (question.type !== 'multiple') return q.options.get(answer as string)?.points ?? 0;
  const chosen = answer as string[];
  if (chosen.length === 0) return 0;
  let acc = question.scoring === 'sum' ? 0 : question.scoring === 'max' ? -Infinity : Infinity;
  for (const id of chosen) {
    const p = q.options.get(id)?.points ?? 0;
    if (question.scoring === 'sum') acc += p;
    else if (question.scoring === 'max') acc = p > acc ? p : acc;
    else acc = p < acc ? p : acc;
  }
  return acc;
}

function knockoutsOf(q: Question): Scored['knockouts'] {
  if (q.type === 'numeric') return undefined;
  const kos = q.options.flatMap((o) => (o.knockout ? [[o.id, o.knockout] as const] : []));
  return kos.length > 0 ? new Map(kos) : undefined;
}

function isAnswered(answer: unknown): boolean {
  return answer !== undefined && answer !== null && !(Array.isArray(answer) && answer.length === 0);
}

/**
 * Compiles the scoring of one questionnaire. Answers are assumed valid (the input check ran):
 * options exist, numbers are in range.
 */
export function compileScoring(
  questionnaire: Questionnaire,
  index: PackIndex,
  knockoutZeroesScore: boolean,
): (answers: Answers, context: QuestionnaireContext, required?: boolean) => QuestionnaireOutput {
  const dimensions = dimensionsOf(questionnaire);
  const questions: Scored[] = questionsOf(questionnaire).map((question) => ({
    id: question.id,
    question,
    visible: question.showIf ? compileShowIf(question.showIf) : undefined,
    options: new Map(question.type === 'numeric' ? [] : question.options.map((o) => [o.id, o])),
    knockouts: knockoutsOf(question),
    bind: compileBinding(question, index),
    bindsTo: question.bindFact?.fact,
    dimensionAt: question.dimensions.map((d) => dimensions.indexOf(d)),
  }));
  const maxTotal = questions.reduce((s, q) => s + q.question.weight * maxPoints(q.question), 0);
  const flagNames = knockoutFlags(questionnaire);
  const months = questionnaire.validityMonths;

  // Result maps are cloned from templates holding every key: copying a known shape is fast in V8,
  // adding keys one by one to an empty object is not.
  const questionTemplate = recordTemplate(
    questions.map((q) => q.id),
    0,
  );
  const dimensionTemplate = recordTemplate(dimensions, 0);
  const flagTemplate = recordTemplate(flagNames, false);

  // Points per dimension add up here, by position; the record is written once at the end.
  const dimensionTotals = new Float64Array(dimensions.length);

  return (answers, context, required = true) => {
    let total = 0;
    dimensionTotals.fill(0);
    let knockedOut = false;
    const byQuestion = { ...questionTemplate };
    const byDimension = { ...dimensionTemplate };
    const flags = { ...flagTemplate };
    const missing: string[] = [];
    const knockouts: Knockout[] = [];
    const facts: Record<string, unknown> = {};
    for (const q of questions) {
      const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
      const visible = !q.visible || q.visible(answers);
      if (!visible || !isAnswered(answer)) {
        if (required && q.question.required && visible) missing.push(q.id);
        continue;
      }
      const points = pointsOf(q, answer) * q.question.weight;
      byQuestion[q.id] = points;
      total += points;
      for (const d of q.dimensionAt) dimensionTotals[d] = (dimensionTotals[d] as number) + points;
      if (q.knockouts) {
        const chosen = Array.isArray(answer) ? (answer as string[]) : [answer as string];
        for (const id of chosen) {
          const ko = q.knockouts.get(id);
          if (!ko) continue;
          knockedOut = true;
          flags[ko.flag] = true;
          knockouts.push({ question: q.id, option: id, flag: ko.flag, reason: ko.reason });
        }
      }
      if (q.bind && q.bindsTo) facts[q.bindsTo] = q.bind(answer);
    }
    for (let d = 0; d < dimensions.length; d++)
      byDimension[dimensions[d] as string] = dimensionTotals[d] as number;
    const assessmentDate = context.assessmentDate ?? context.evaluationDate;
    const expiresOn = periodLastDay(assessmentDate, months);
    return {
      total: knockedOut && knockoutZeroesScore ? 0 : total,
      maxTotal,
      byQuestion,
      byDimension,
      complete: missing.length === 0,
      missing,
      knockedOut,
      knockouts,
      flags,
      facts,
      required,
      assessmentDate,
      expiresOn,
      expired: periodOver(expiresOn, context.evaluationDate),
    };
  };
}
