import { csvLine } from '../../domain/index.ts';
import type { AnalyticsPart } from './accumulate.ts';
import { covariance } from './moments.ts';
import { reliability } from './reliability.ts';
import type { AnalyticsShape } from './shape.ts';

/** A count and its share of the clients it is counted over (null when there are none). */
export type Rate = { count: number; rate: number | null };

export type QuestionFigures = {
  id: string;
  type: AnalyticsShape['questions'][number]['type'];
  /** Clients who answered it (shown, answered), left it unanswered, or did not see it. */
  answered: number;
  unanswered: number;
  hidden: number;
  /** Per option (or band): clients choosing it and their share of those who answered. */
  categories: ({ id: string } & Rate)[];
  /** Numeric answers only. */
  mean: number | null;
  sd: number | null;
  /** Sensitivity over the sampled clients who saw the question. */
  varied: number;
  moved: Rate;
  up: number;
  down: number;
  /** Varied for at least one client and moved none: changes nobody's level. */
  dead: boolean;
};

export type DimensionFigures = {
  id: string;
  /**
   * Clients who answered every item of the dimension that they were shown (a hidden item counts
   * 0 points, as in the score); the others are left out of these figures.
   */
  clients: number;
  alpha: number | null;
  items: {
    question: string;
    itemRest: number | null;
    alphaIfDeleted: number | null;
    sd: number | null;
  }[];
};

export type AnalyticsReport = {
  classifyId: string;
  questionnaireId: string;
  clients: number;
  errors: number;
  levels: ({ level: string } & Rate)[];
  questions: QuestionFigures[];
  dimensions: DimensionFigures[];
  /** Questions that move no sampled client across a band edge, in questionnaire order. */
  dead: string[];
  /** Questions by clients moved, most first (only those that move someone). */
  movers: { question: string; moved: Rate; up: number; down: number }[];
  sensitivity: { sampled: number; stride: number };
  knockout: Rate & { byOption: ({ question: string; option: string; flag: string } & Rate)[] };
  limitFlags: ({ flag: string } & Rate)[];
  coherence: ({ id: string } & Rate)[];
  incoherent: Rate;
};

const rate = (count: number, of: number): Rate => ({ count, rate: of > 0 ? count / of : null });
const sdOf = (v: number) => (Number.isFinite(v) ? Math.sqrt(Math.max(0, v)) : null);

/** The figures of a (merged) part. */
export function summarizeAnalytics(shape: AnalyticsShape, part: AnalyticsPart): AnalyticsReport {
  const n = part.clients;
  const questions: QuestionFigures[] = shape.questions.map((q, i) => {
    const unanswered = part.unanswered[i] as number;
    const hidden = part.hidden[i] as number;
    const answered = n - unanswered - hidden;
    const numeric = part.numeric[i];
    const varied = part.varied[i] as number;
    const moved = part.moved[i] as number;
    return {
      id: q.id,
      type: q.type,
      answered,
      unanswered,
      hidden,
      categories: q.categories.map((id, c) => ({
        id,
        ...rate(part.answers[i]?.[c] ?? 0, answered),
      })),
      mean: q.type === 'numeric' && numeric && numeric.n > 0 ? (numeric.mean[0] as number) : null,
      sd: q.type === 'numeric' && numeric ? sdOf(covariance(numeric, 0, 0)) : null,
      varied,
      moved: rate(moved, varied),
      up: part.up[i] as number,
      down: part.down[i] as number,
      dead: varied > 0 && moved === 0,
    };
  });
  const dimensions: DimensionFigures[] = shape.dimensions.map((d, di) => {
    const m = part.dimensions[di];
    const r = m ? reliability(m) : undefined;
    return {
      id: d.id,
      clients: m?.n ?? 0,
      alpha: r?.alpha ?? null,
      items: d.items.map((qi, k) => ({
        question: shape.questions[qi]?.id ?? '',
        itemRest: r?.perItem[k]?.itemRest ?? null,
        alphaIfDeleted: r?.perItem[k]?.alphaIfDeleted ?? null,
        sd: sdOf(r?.perItem[k]?.variance ?? Number.NaN),
      })),
    };
  });
  const movers = questions
    .filter((q) => q.moved.count > 0)
    .sort((a, b) => b.moved.count - a.moved.count)
    .map((q) => ({ question: q.id, moved: q.moved, up: q.up, down: q.down }));
  return {
    classifyId: shape.classifyId,
    questionnaireId: shape.questionnaireId,
    clients: n,
    errors: part.errors,
    levels: shape.levels.map((level, i) => ({ level, ...rate(part.levels[i] ?? 0, n) })),
    questions,
    dimensions,
    dead: questions.filter((q) => q.dead).map((q) => q.id),
    movers,
    sensitivity: { sampled: part.sampled, stride: shape.sensitivityStride },
    knockout: {
      ...rate(part.knockedOut, n),
      byOption: shape.knockouts.map((k, i) => ({ ...k, ...rate(part.knockouts[i] ?? 0, n) })),
    },
    limitFlags: Object.entries(part.limitFlags)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([flag, count]) => ({ flag, ...rate(count, n) })),
    coherence: shape.coherence.map((c, i) => ({ id: c.id, ...rate(part.coherence[i] ?? 0, n) })),
    incoherent: rate(part.incoherent, n),
  };
}

export const ANALYTICS_CSV_COLUMNS = [
  'figure',
  'question',
  'option',
  'dimension',
  'rule',
  'count',
  'of',
  'value',
] as const;

/**
 * The report as one long CSV table, a row per figure: `figure` names it (answer, unanswered,
 * hidden, mean, sd, moved, dead, alpha, itemRest, alphaIfDeleted, knockout, limitFlag,
 * coherence, incoherent, level), `count` of `of` clients, `value` the rate or statistic.
 * Every cell goes through the project's escaping (`csvLine`).
 */
export function analyticsToCsv(r: AnalyticsReport): string {
  const rows: unknown[][] = [];
  const row = (
    figure: string,
    cells: Partial<Record<(typeof ANALYTICS_CSV_COLUMNS)[number], unknown>>,
  ) => rows.push(ANALYTICS_CSV_COLUMNS.map((c) => (c === 'figure' ? figure : cells[c])));
  for (const l of r.levels)
    row('level', { option: l.level, count: l.count, of: r.clients, value: l.rate });
  for (const q of r.questions) {
    for (const c of q.categories)
      row('answer', {
        question: q.id,
        option: c.id,
        count: c.count,
        of: q.answered,
        value: c.rate,
      });
    row('unanswered', { question: q.id, count: q.unanswered, of: r.clients });
    row('hidden', { question: q.id, count: q.hidden, of: r.clients });
    if (q.mean !== null) row('mean', { question: q.id, of: q.answered, value: q.mean });
    if (q.sd !== null) row('sd', { question: q.id, of: q.answered, value: q.sd });
    row('moved', { question: q.id, count: q.moved.count, of: q.varied, value: q.moved.rate });
    row('dead', { question: q.id, of: q.varied, value: q.dead });
  }
  for (const d of r.dimensions) {
    row('alpha', { dimension: d.id, of: d.clients, value: d.alpha });
    for (const it of d.items) {
      row('itemRest', {
        dimension: d.id,
        question: it.question,
        of: d.clients,
        value: it.itemRest,
      });
      row('alphaIfDeleted', {
        dimension: d.id,
        question: it.question,
        of: d.clients,
        value: it.alphaIfDeleted,
      });
    }
  }
  row('knockout', { count: r.knockout.count, of: r.clients, value: r.knockout.rate });
  for (const k of r.knockout.byOption)
    row('knockout', {
      question: k.question,
      option: k.option,
      rule: k.flag,
      count: k.count,
      of: r.clients,
      value: k.rate,
    });
  for (const f of r.limitFlags)
    row('limitFlag', { rule: f.flag, count: f.count, of: r.clients, value: f.rate });
  for (const c of r.coherence)
    row('coherence', { rule: c.id, count: c.count, of: r.clients, value: c.rate });
  row('incoherent', { count: r.incoherent.count, of: r.clients, value: r.incoherent.rate });
  return [csvLine(ANALYTICS_CSV_COLUMNS), ...rows.map(csvLine)].join('\n') + '\n';
}
