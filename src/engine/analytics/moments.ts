/**
 * Means and co-moments of a vector of item scores, accumulated one client at a time (Welford) and
 * merged across workers (Chan, Golub and LeVeque's pairwise update). Sums of squares of raw scores
 * lose every digit when the variance is small beside the mean; centred co-moments do not. Plain
 * arrays, so that a part crosses a worker boundary as it is.
 */
export type Moments = {
  /** Items, in a fixed order. */
  k: number;
  n: number;
  mean: number[];
  /** `k x k`, row major: the sum over clients of (x_i - mean_i)(x_j - mean_j). */
  comoment: number[];
};

export function createMoments(k: number): Moments {
  return {
    k,
    n: 0,
    mean: new Array<number>(k).fill(0),
    comoment: new Array<number>(k * k).fill(0),
  };
}

/** Adds one client's item scores (`x.length === m.k`). */
export function addMoments(m: Moments, x: ArrayLike<number>): void {
  const { k, mean, comoment } = m;
  m.n += 1;
  const n = m.n;
  const before = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const d = (x[i] as number) - (mean[i] as number);
    before[i] = d;
    mean[i] = (mean[i] as number) + d / n;
  }
  // C_ij += (x_i - oldMean_i)(x_j - newMean_j): exact and symmetric in expectation.
  for (let i = 0; i < k; i++) {
    const di = before[i] as number;
    for (let j = 0; j < k; j++)
      comoment[i * k + j] =
        (comoment[i * k + j] as number) + di * ((x[j] as number) - (mean[j] as number));
  }
}

/** `a` and `b` together, as if every client had been added to one accumulator. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.k !== b.k) throw new Error(`cannot merge moments of ${a.k} and ${b.k} items`);
  if (b.n === 0) return { ...a, mean: [...a.mean], comoment: [...a.comoment] };
  if (a.n === 0) return { ...b, mean: [...b.mean], comoment: [...b.comoment] };
  const k = a.k;
  const n = a.n + b.n;
  const delta = a.mean.map((m, i) => (b.mean[i] as number) - m);
  const mean = a.mean.map((m, i) => m + ((delta[i] as number) * b.n) / n);
  const f = (a.n * b.n) / n;
  const comoment = a.comoment.map(
    (c, ij) =>
      c +
      (b.comoment[ij] as number) +
      (delta[Math.floor(ij / k)] as number) * (delta[ij % k] as number) * f,
  );
  return { k, n, mean, comoment };
}

/** Sample covariance of items i and j (n - 1 in the denominator); NaN below two clients. */
export function covariance(m: Moments, i: number, j: number): number {
  return m.n < 2 ? Number.NaN : (m.comoment[i * m.k + j] as number) / (m.n - 1);
}
