import {
  questionsOf,
  type EvaluationInputDraft,
  type Pack,
  type Question,
} from '../domain/index.ts';
import { createPopulation, createRandom } from '../engine/index.ts';

/** Values at and around the edges of a numeric question's score bands and range. */
function numericEdges(q: Extract<Question, { type: 'numeric' }>): number[] {
  const edges = q.bands.flatMap((b) => [b.min, b.max]);
  return [q.min, q.max, ...edges, ...edges.map((e) => e + 0.5)].filter(
    (v) => v >= q.min && v <= q.max && (!q.integer || Number.isInteger(v)),
  );
}

/** A date `days` after `date` (negative: before). */
function shift(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Seeded clients for differential tests of compile targets: the pack's own population, with
 * unanswered questions, assessments expired, on the day of expiry and in the future, both
 * initiators, numeric facts and answers at their edges, and a share of broken inputs (a wrong type,
 * an unknown option or fact, a bad date) that the engine refuses.
 */
export function diverseClients(
  pack: Pack,
  seed: number,
  count: number,
  evaluationDate = '2026-06-01',
): EvaluationInputDraft[] {
  const rand = createRandom(seed);
  const populations = [0, 0.15, 0.6].map((unanswered, k) =>
    createPopulation(pack, {
      seed: seed + k,
      evaluationDate,
      unanswered,
      coherence: k === 2 ? 0 : 0.7,
      firmInitiated: 0.5,
    }),
  );
  const numeric = pack.questionnaires
    .flatMap(questionsOf)
    .filter((q): q is Extract<Question, { type: 'numeric' }> => q.type === 'numeric');
  const numberFacts = pack.vocabulary.facts.flatMap((f) =>
    f.type === 'number'
      ? [
          {
            id: f.id,
            values: [f.min, f.max, 0, 17, 18, 60, 65, 70].filter(
              (v) =>
                v !== undefined &&
                (f.min === undefined || v >= f.min) &&
                (f.max === undefined || v <= f.max),
            ) as number[],
          },
        ]
      : [],
  );
  const validity = Math.max(12, ...pack.questionnaires.map((q) => q.validityMonths));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out: EvaluationInputDraft[] = [];
  for (let i = 0; i < count; i++) {
    const base = (populations[i % 3] as ReturnType<typeof createPopulation>).clientAt(i);
    const facts: Record<string, unknown> = { ...base.facts };
    const answers: Record<string, unknown> = { ...base.answers };
    const input: Record<string, unknown> = { ...base, facts, answers };
    const r = rand();
    if (r < 0.1) input['assessmentDate'] = shift(evaluationDate, Math.floor(rand() * 30) + 1);
    else if (r < 0.2)
      input['assessmentDate'] = shift(
        evaluationDate,
        -Math.round(validity * 30.44) + Math.floor(rand() * 5) - 2,
      );
    else if (r < 0.25) delete input['assessmentDate'];
    if (rand() < 0.1) delete input['initiator'];
    for (const q of numeric) if (rand() < 0.3) answers[q.id] = pick(numericEdges(q));
    for (const f of numberFacts)
      if (f.values.length > 0 && rand() < 0.2) facts[f.id] = pick(f.values);
    const broken = rand();
    if (broken < 0.01) facts[pick(Object.keys(facts).concat('noSuchFact'))] = 'x';
    else if (broken < 0.02) answers[pick(Object.keys(answers).concat('noSuchQuestion'))] = 'ZZ';
    else if (broken < 0.025) input['evaluationDate'] = '2026-02-30';
    else if (broken < 0.03) input['initiator'] = 'bank';
    else if (broken < 0.035) answers[pick(numeric.map((q) => q.id).concat('Q1'))] = 1e9;
    out.push(input as EvaluationInputDraft);
  }
  return out;
}
