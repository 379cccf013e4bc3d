import type { Pack } from '../../domain/index.ts';
import type { FactDistribution, PopulationConfig } from '../../engine/index.ts';

/** The seed every generated population starts from, in the Population tab and in Versions › Impact. */
export const DEFAULT_SEED = 1;

/** The calendar date of `now` where the user is (not in UTC): the default evaluation date. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Starting distributions for a pack's synthetic population, read from its sample clients:
 * booleans and enums follow the personas. Personas over-represent edge cases (one lowest-category
 * client in ten), so a value the personas mostly lack stays rare: a boolean 1% to 3%.
 */
export function generatorDefaults(pack: Pack, evaluationDate: string): PopulationConfig {
  const samples = pack.sampleClients.map((s) => s.input.facts ?? {});
  const facts: Record<string, FactDistribution> = {};
  for (const fact of pack.vocabulary.facts) {
    const values = samples.map((f) => f[fact.id]).filter((v) => v !== undefined && v !== null);
    if (values.length === 0) continue;
    const missing =
      fact.required || fact.requiredWhen ? 0 : Math.min(0.9, 1 - values.length / samples.length);
    if (fact.type === 'boolean') {
      const share = values.filter((v) => v === true).length / values.length;
      const p =
        share >= 0.5
          ? Math.min(Math.max(share, 0.97), 0.99)
          : Math.max(Math.min(share, 0.03), 0.01);
      facts[fact.id] = { kind: 'boolean', p, missing };
    } else if (fact.type === 'enum' && !fact.scale && fact.values) {
      const seen: Record<string, number> = {};
      for (const v of values) if (typeof v === 'string') seen[v] = (seen[v] ?? 0) + 1;
      // Squared counts: the personas' usual value dominates, each unusual one stays a few percent.
      const weights = Object.fromEntries(
        fact.values.map((v) => [v.id, (seen[v.id] ?? 0) ** 2 + 0.1]),
      );
      facts[fact.id] = { kind: 'choice', weights, missing };
    }
  }
  return {
    seed: DEFAULT_SEED,
    evaluationDate,
    appetite: { a: 2, b: 2 },
    coherence: 0.7,
    firmInitiated: 0.3,
    facts,
  };
}
