import type { WhatIfCounts, WhatIfTable } from '../../engine/index.ts';

export type HistogramBin = { from: number; to: number; count: number };

/**
 * Scores of the clients that could be profiled, in bins: one per whole point when the scores are
 * whole and span at most `maxBins`, else `maxBins` equal bins over [lo, hi].
 */
export function scoreHistogram(
  table: WhatIfTable,
  domain?: { lo: number; hi: number },
  maxBins = 120,
): HistogramBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (let i = 0; i < table.n; i++) {
    if ((table.classes[i] as number) < 0) continue;
    const s = table.scores[i] as number;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
    if (whole && !Number.isInteger(s)) whole = false;
  }
  if (domain) {
    lo = Math.min(lo, domain.lo);
    hi = Math.max(hi, domain.hi);
  }
  if (!Number.isFinite(lo)) return [];
  const perPoint = whole && hi - lo + 1 <= maxBins;
  const count = perPoint ? hi - lo + 1 : maxBins;
  const width = perPoint ? 1 : (hi - lo) / maxBins || 1;
  const bins: HistogramBin[] = Array.from({ length: count }, (_, k) => ({
    from: lo + k * width,
    to: perPoint ? lo + k : lo + (k + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < table.n; i++) {
    if ((table.classes[i] as number) < 0) continue;
    const k = Math.min(count - 1, Math.floor(((table.scores[i] as number) - lo) / width));
    const bin = bins[k];
    if (bin) bin.count++;
  }
  return bins;
}

/** One cell of the from -> to matrix where clients change level; `null` level = evaluation fails. */
export type Move = { from: string | null; to: string | null; count: number };

export function movesOf(counts: WhatIfCounts, levels: readonly string[]): Move[] {
  const L = levels.length;
  const moves: Move[] = [];
  for (let a = 0; a <= L; a++)
    for (let b = 0; b <= L; b++) {
      const count = counts.moves[a * (L + 1) + b] as number;
      if (a !== b && count > 0)
        moves.push({ from: levels[a] ?? null, to: levels[b] ?? null, count });
    }
  return moves.sort((x, y) => y.count - x.count);
}

export type ReachRow = {
  product: string;
  allowed: number;
  warn: number;
  prohibited: number;
  /** Change against the baseline counts, when given. */
  delta?: { allowed: number; warn: number; prohibited: number };
};

export function reachRows(
  counts: WhatIfCounts,
  products: readonly string[],
  baseline?: WhatIfCounts,
): ReachRow[] {
  return products.map((product, p) => {
    const at = (c: WhatIfCounts, v: number) => c.reach[p * 3 + v] as number;
    const row: ReachRow = {
      product,
      allowed: at(counts, 0),
      warn: at(counts, 1),
      prohibited: at(counts, 2),
    };
    if (baseline)
      row.delta = {
        allowed: row.allowed - at(baseline, 0),
        warn: row.warn - at(baseline, 1),
        prohibited: row.prohibited - at(baseline, 2),
      };
    return row;
  });
}

/** `12,345` in either UI locale. */
export const formatCount = (n: number) => n.toLocaleString('en-US');
export const signed = (n: number) =>
  n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
