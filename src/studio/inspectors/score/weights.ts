import type { NodeConfig } from '../../../domain/index.ts';

type Term = NodeConfig<'score'>['terms'][number];

export function weightSum(terms: readonly Term[]): number {
  // Rounded to 6 decimals so that 0.1 + 0.2 shows as 0.3.
  return Math.round(terms.reduce((s, t) => s + t.weight, 0) * 1e6) / 1e6;
}

/**
 * Weights scaled to sum to 1, rounded to 4 decimals, with the rounding remainder on the largest
 * weight so that the sum is exactly 1. Null when the weights sum to 0 (nothing to scale).
 */
export function normalizedWeights(terms: readonly Term[]): number[] | null {
  const sum = terms.reduce((s, t) => s + t.weight, 0);
  if (sum === 0 || !Number.isFinite(sum)) return null;
  const scaled = terms.map((t) => Math.round((t.weight / sum) * 1e4) / 1e4);
  const rest = Math.round((1 - scaled.reduce((a, b) => a + b, 0)) * 1e4) / 1e4;
  if (rest !== 0) {
    let big = 0;
    scaled.forEach((w, i) => Math.abs(w) > Math.abs(scaled[big] as number) && (big = i));
    scaled[big] = Math.round(((scaled[big] as number) + rest) * 1e4) / 1e4;
  }
  return scaled;
}
