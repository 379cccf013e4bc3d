import type { NodeConfig, Question, Questionnaire } from '../../../domain/index.ts';
import { questionsOf } from '../../../domain/index.ts';

/** Lowest and highest points one question can contribute to the total, after its weight. */
export function questionRange(q: Question): [number, number] {
  let lo: number;
  let hi: number;
  if (q.type === 'numeric') {
    const points = q.bands.map((b) => b.points);
    lo = Math.min(...points);
    hi = Math.max(...points);
  } else {
    const points = q.options.map((o) => o.points);
    if (q.type === 'multiple' && q.scoring === 'sum') {
      // Every selection must hold at least `minSelected` options and at most `maxSelected`.
      const sorted = [...points].sort((a, b) => a - b);
      const least = Math.max(1, q.minSelected);
      const most = Math.min(q.maxSelected ?? sorted.length, sorted.length);
      const negatives = sorted.filter((p) => p < 0).length;
      const positives = sorted.filter((p) => p > 0).length;
      lo = sum(sorted.slice(0, Math.min(most, Math.max(least, negatives))));
      hi = sum(sorted.slice(sorted.length - Math.min(most, Math.max(least, positives))));
    } else {
      lo = Math.min(...points);
      hi = Math.max(...points);
    }
  }
  const a = lo * q.weight;
  const b = hi * q.weight;
  // A question that is not required (or hidden by show-if) may score nothing at all.
  const optional = !q.required || q.showIf !== undefined;
  return [Math.min(a, b, optional ? 0 : Infinity), Math.max(a, b, optional ? 0 : -Infinity)];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export type QuestionnaireSummary = {
  questions: number;
  min: number;
  max: number;
  knockouts: number;
};

export function summarizeQuestionnaire(q: Questionnaire): QuestionnaireSummary {
  const questions = questionsOf(q);
  let min = 0;
  let max = 0;
  let knockouts = 0;
  for (const question of questions) {
    const [lo, hi] = questionRange(question);
    min += lo;
    max += hi;
    if (question.type !== 'numeric') knockouts += question.options.filter((o) => o.knockout).length;
  }
  return { questions: questions.length, min, max, knockouts };
}

export type RulesSummary = { rules: number; flags: string[]; sets: string[]; limits: string[] };

/** What a rules node's events do, by name: the flags it raises, outputs it sets, caps / floors. */
export function summarizeRules(config: NodeConfig<'rules'>): RulesSummary {
  const flags = new Set<string>();
  const sets = new Set<string>();
  const limits = new Set<string>();
  for (const rule of config.rules) {
    const e = rule.event;
    if (e.type === 'flag') flags.add(e.params.name);
    else if (e.type === 'set') sets.add(e.params.name);
    else if (e.type === 'cap') limits.add(`≤ ${e.params.level}`);
    else if (e.type === 'floor') limits.add(`≥ ${e.params.level}`);
  }
  return { rules: config.rules.length, flags: [...flags], sets: [...sets], limits: [...limits] };
}

/** Colour of level `i` of `n`: green for the lowest risk, through amber, to red for the highest. */
export function levelColor(i: number, n: number): string {
  const hue = n <= 1 ? 120 : 130 - (130 * i) / (n - 1);
  return `hsl(${Math.round(hue)} 62% 52%)`;
}

export const VERDICT_COLORS = {
  allowed: '#3fa66b',
  warn: '#e0a526',
  prohibited: '#d24b4b',
} as const;
