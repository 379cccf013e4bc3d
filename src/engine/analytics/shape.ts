import { questionsOf, type Answer, type Question } from '../../domain/index.ts';
import type { CompiledPack } from '../compilePack.ts';
import { dimensionsOf } from '../questionnaire/scoring.ts';
import { primaryClassify } from '../whatIf.ts';

/** The whole questionnaire as one scale, beside its dimension tags. */
export const ALL_QUESTIONS = '*';

export type AnalyticsOptions = {
  /** The classify node whose level "moves" (default: the one matching reads). */
  classifyId?: string;
  /** The questionnaire node analysed (default: the first one upstream of the classify node). */
  questionnaireNodeId?: string;
  /**
   * Answers are varied for every `sensitivityStride`-th client by population index (1 = all,
   * 0 = none): varying costs one re-scoring per alternative answer, so a large book is sampled
   * evenly.
   */
  sensitivityStride?: number;
};

export type ShapeQuestion = {
  id: string;
  type: Question['type'];
  /** Answer categories: option ids, or for a numeric question `min-max` of each band. */
  categories: string[];
  dimensions: string[];
  /** The other answers a client could have given (see `alternativesOf`). */
  alternatives: Answer[];
};

/** What a part counts, in which order: fixed by the pack so that parts from any worker merge. */
export type AnalyticsShape = {
  classifyId: string;
  questionnaireNodeId: string;
  questionnaireId: string;
  levels: string[];
  questions: ShapeQuestion[];
  /** `*` (every question) first, then the dimension tags, each with its items' indexes. */
  dimensions: { id: string; items: number[] }[];
  knockouts: { question: string; option: string; flag: string }[];
  coherence: { id: string }[];
  sensitivityStride: number;
};

/**
 * The answers a question is varied over to see whether it moves a client's level: every option
 * of a single-choice or yes/no question; every option chosen alone for a multiple-choice one (with
 * `max` or `min` scoring these reach every score it can give), and for `sum` scoring also the best
 * combination (its maximum points); for a numeric question one value per band, the band's lowest
 * value within the question's range (values no band covers, which score 0, are not tried).
 */
export function alternativesOf(q: Question): Answer[] {
  if (q.type === 'numeric') {
    const values = new Set<number>();
    for (const b of q.bands) {
      let v = Math.max(b.min, q.min);
      if (q.integer) v = Math.ceil(v);
      if (v <= Math.min(b.max, q.max)) values.add(v);
    }
    return [...values];
  }
  if (q.type !== 'multiple') return q.options.map((o) => o.id);
  const alone: Answer[] = q.options.map((o) => [o.id]);
  if (q.scoring !== 'sum') return alone;
  const best = q.options
    .filter((o) => o.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, q.maxSelected ?? q.options.length)
    .map((o) => o.id);
  return best.length > 1 ? [...alone, best] : alone;
}

function categoriesOf(q: Question): string[] {
  return q.type === 'numeric'
    ? q.bands.map((b) => `${b.min}-${b.max}`)
    : q.options.map((o) => o.id);
}

function upstreamOf(compiled: CompiledPack, id: string): Set<string> {
  const before = new Map<string, string[]>();
  for (const e of compiled.pack.graph.edges)
    before.set(e.target, [...(before.get(e.target) ?? []), e.source]);
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0)
    for (const s of before.get(queue.pop() as string) ?? [])
      if (!seen.has(s)) {
        seen.add(s);
        queue.push(s);
      }
  return seen;
}

/** The shape of the analytics of a compiled pack, and the nodes a client's level needs. */
export function analyticsShape(compiled: CompiledPack, options: AnalyticsOptions = {}) {
  const classifyId = options.classifyId ?? primaryClassify(compiled);
  const classify = classifyId === undefined ? undefined : compiled.index.nodes.get(classifyId);
  if (!classify || classify.node.kind !== 'classify' || classifyId === undefined)
    throw new Error(`no classify node "${classifyId ?? ''}" to analyse`);
  const upstream = upstreamOf(compiled, classifyId);
  const levelNodes = compiled.order.filter((n) => upstream.has(n.id));
  const qnNode =
    options.questionnaireNodeId === undefined
      ? levelNodes.find((n) => n.kind === 'questionnaire')
      : compiled.order.find((n) => n.id === options.questionnaireNodeId);
  if (!qnNode || qnNode.node.kind !== 'questionnaire')
    throw new Error(`no questionnaire node upstream of "${classifyId}"`);
  const questionnaireId = qnNode.node.config.questionnaire;
  const questionnaire = compiled.pack.questionnaires.find((q) => q.id === questionnaireId);
  if (!questionnaire) throw new Error(`no questionnaire "${questionnaireId}"`);
  const questions = questionsOf(questionnaire);
  const at = new Map(questions.map((q, i) => [q.id, i]));
  const dimensionIds = dimensionsOf(questionnaire);
  const shape: AnalyticsShape = {
    classifyId,
    questionnaireNodeId: qnNode.id,
    questionnaireId,
    levels: compiled.index.scales.get(classify.node.config.scale)?.ids ?? [],
    questions: questions.map((q) => ({
      id: q.id,
      type: q.type,
      categories: categoriesOf(q),
      dimensions: q.dimensions,
      alternatives: alternativesOf(q),
    })),
    dimensions: [
      { id: ALL_QUESTIONS, items: questions.map((_, i) => i) },
      ...dimensionIds.map((d) => ({
        id: d,
        items: questions.filter((q) => q.dimensions.includes(d)).map((q) => at.get(q.id) as number),
      })),
    ],
    knockouts: questions.flatMap((q) =>
      q.type === 'numeric'
        ? []
        : q.options.flatMap((o) =>
            o.knockout ? [{ question: q.id, option: o.id, flag: o.knockout.flag }] : [],
          ),
    ),
    coherence: (questionnaire.coherence ?? []).map((r) => ({ id: r.id })),
    sensitivityStride: Math.max(0, Math.floor(options.sensitivityStride ?? 1)),
  };
  return { shape, questionnaire, questions, levelNodes };
}
