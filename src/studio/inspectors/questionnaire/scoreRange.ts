import type { Question, Questionnaire } from '../../../domain/index.ts';
import { questionsOf } from '../../../domain/index.ts';

/** The lowest and highest score a question or questionnaire can give. */
export type ScoreRange = { min: number; max: number };

function sumOf(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/**
 * Points a question can give before its weight. Multiple choice with `sum` must pick at least
 * `minSelected` options and at most `maxSelected`, so the extremes add the best or worst of those.
 */
export function pointsRange(q: Question): ScoreRange {
  if (q.type === 'numeric') {
    const points = q.bands.map((b) => b.points);
    return { min: Math.min(...points), max: Math.max(...points) };
  }
  const points = q.options.map((o) => o.points);
  if (q.type !== 'multiple' || q.scoring !== 'sum')
    return { min: Math.min(...points), max: Math.max(...points) };
  const most = Math.min(q.maxSelected ?? points.length, points.length);
  const least = Math.min(Math.max(q.minSelected, 1), most);
  const desc = [...points].sort((a, b) => b - a);
  const asc = [...points].sort((a, b) => a - b);
  // Beyond the forced picks, only options that push further in the same direction are worth taking.
  const max = sumOf(desc.slice(0, least)) + sumOf(desc.slice(least, most).filter((p) => p > 0));
  const min = sumOf(asc.slice(0, least)) + sumOf(asc.slice(least, most).filter((p) => p < 0));
  return { min, max };
}

/**
 * What a question adds to the total: its points times its weight. A question that may be skipped
 * (optional, or hidden by show-if) can also add 0.
 */
export function questionRange(q: Question): ScoreRange {
  const p = pointsRange(q);
  const a = p.min * q.weight;
  const b = p.max * q.weight;
  let min = Math.min(a, b);
  let max = Math.max(a, b);
  if (!q.required || q.showIf) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  return { min, max };
}

/** Whether any option of the questionnaire is a knock-out. */
export function hasKnockout(questionnaire: Questionnaire): boolean {
  return questionsOf(questionnaire).some(
    (q) => q.type !== 'numeric' && q.options.some((o) => o.knockout),
  );
}

/** The total's range; a knock-out that zeroes the score can also bring it to 0. */
export function questionnaireRange(
  questionnaire: Questionnaire,
  knockoutZeroesScore = false,
): ScoreRange {
  let min = 0;
  let max = 0;
  for (const q of questionsOf(questionnaire)) {
    const r = questionRange(q);
    min += r.min;
    max += r.max;
  }
  if (knockoutZeroesScore && hasKnockout(questionnaire)) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  return { min, max };
}
