import type { EvaluationInputDraft } from '../../domain/index.ts';
import type { CompiledPack } from '../compilePack.ts';
import { prepareAnalytics } from './accumulate.ts';
import { summarizeAnalytics, type AnalyticsReport } from './report.ts';
import type { AnalyticsOptions } from './shape.ts';

/**
 * Questionnaire analytics of a population in one pass (workers use `prepareAnalytics` per chunk
 * and `mergeAnalyticsParts`, which gives the same figures).
 *
 * @example
 * const report = analyzeQuestionnaire(compilePack(pack), clients);
 * report.dimensions[0].alpha; // Cronbach's alpha of the whole questionnaire
 * report.dead; // questions that change no one's level
 */
export function analyzeQuestionnaire(
  compiled: CompiledPack,
  clients: Iterable<EvaluationInputDraft>,
  options: AnalyticsOptions = {},
): AnalyticsReport {
  const analytics = prepareAnalytics(compiled, options);
  const part = analytics.createPart();
  let i = 0;
  for (const client of clients) analytics.add(part, client, i++);
  return summarizeAnalytics(analytics.shape, part);
}
