import { questionsOf, type LocalizedText, type Pack } from '../../domain/index.ts';

/** A share as a percentage with one decimal, or a dash when there is nothing to share. */
export const percent = (rate: number | null) =>
  rate === null ? '–' : `${(rate * 100).toFixed(1)}%`;

/** A statistic with two decimals, or a dash when it cannot be computed. */
export const decimal = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** Cronbach's alpha in the words reviewers use: 0.8 good, 0.7 acceptable, below that low. */
export function alphaGrade(alpha: number | null): 'good' | 'acceptable' | 'low' | 'none' {
  if (alpha === null) return 'none';
  return alpha >= 0.8 ? 'good' : alpha >= 0.7 ? 'acceptable' : 'low';
}

/** Question texts and option labels of a pack, by id, for the figures' captions. */
export function questionLabels(pack: Pack) {
  const texts = new Map<string, LocalizedText>();
  const options = new Map<string, LocalizedText>();
  for (const qn of pack.questionnaires)
    for (const q of questionsOf(qn)) {
      texts.set(q.id, q.text);
      if (q.type !== 'numeric')
        for (const o of q.options) options.set(`${q.id}\u0000${o.id}`, o.label);
    }
  return {
    text: (id: string) => texts.get(id),
    option: (question: string, option: string) => options.get(`${question}\u0000${option}`),
  };
}
