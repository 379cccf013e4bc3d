import { covariance, type Moments } from './moments.ts';

/**
 * Reliability of a scale (the items of one dimension) from its items' co-moments:
 * Cronbach's alpha = k / (k - 1) x (1 - sum of item variances / variance of the total), and, per
 * item, the corrected item-total correlation — the item against the total of the OTHER items, so
 * that an item is not correlated with itself — and alpha if the item were left out.
 * A figure that cannot be computed (fewer than two items or clients, no variance) is `null`.
 */
export type Reliability = {
  items: number;
  clients: number;
  alpha: number | null;
  totalVariance: number | null;
  perItem: { variance: number | null; itemRest: number | null; alphaIfDeleted: number | null }[];
};

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function alphaOf(k: number, sumItemVariance: number, totalVariance: number): number | null {
  if (k < 2 || !(totalVariance > 0)) return null;
  return finite((k / (k - 1)) * (1 - sumItemVariance / totalVariance));
}

export function reliability(m: Moments): Reliability {
  const k = m.k;
  const variance: number[] = [];
  const withTotal: number[] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    variance.push(covariance(m, i, i));
    let row = 0;
    for (let j = 0; j < k; j++) row += covariance(m, i, j);
    withTotal.push(row);
    total += row;
  }
  const sumVariance = variance.reduce((s, v) => s + v, 0);
  const perItem = variance.map((v, i) => {
    const c = withTotal[i] as number;
    // The rest R = T - X_i: cov(X_i, R) = cov(X_i, T) - var(X_i), var(R) = var(T) - 2cov(X_i, T) + var(X_i).
    const restVariance = total - 2 * c + v;
    const denominator = Math.sqrt(v * restVariance);
    return {
      variance: finite(v),
      itemRest: denominator > 0 ? finite((c - v) / denominator) : null,
      alphaIfDeleted: alphaOf(k - 1, sumVariance - v, restVariance),
    };
  });
  return {
    items: k,
    clients: m.n,
    alpha: alphaOf(k, sumVariance, total),
    totalVariance: finite(total),
    perItem,
  };
}
