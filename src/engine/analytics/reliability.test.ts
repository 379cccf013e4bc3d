import { describe, expect, it } from 'vitest';
import { addMoments, covariance, createMoments, mergeMoments } from './moments.ts';
import { reliability } from './reliability.ts';

// Five clients, three items: worked by hand below.
const MATRIX = [
  [1, 2, 2],
  [2, 3, 2],
  [3, 3, 4],
  [4, 5, 4],
  [5, 5, 5],
];

function momentsOf(rows: number[][], k = rows[0]?.length ?? 3) {
  const m = createMoments(k);
  for (const r of rows) addMoments(m, r);
  return m;
}

describe('moments', () => {
  it('gives the sample covariances of a small matrix', () => {
    const m = momentsOf(MATRIX);
    // Item means 3, 3.6, 3.4. var(item1) = (4+1+0+1+4)/4 = 2.5; var(item2) = (2.56+.36+.36+1.96+1.96)/4 = 1.8.
    expect(m.mean).toEqual([3, expect.closeTo(3.6, 12), expect.closeTo(3.4, 12)]);
    expect(covariance(m, 0, 0)).toBeCloseTo(2.5, 12);
    expect(covariance(m, 1, 1)).toBeCloseTo(1.8, 12);
    expect(covariance(m, 2, 2)).toBeCloseTo(1.8, 12);
    // cov(1,2) = ((-2)(-1.6)+(-1)(-.6)+0+(1)(1.4)+(2)(1.4))/4 = 8/4 = 2
    expect(covariance(m, 0, 1)).toBeCloseTo(2, 12);
    expect(covariance(m, 1, 0)).toBeCloseTo(2, 12);
  });

  it('merges parts to what one pass gives, in any split', () => {
    const whole = momentsOf(MATRIX);
    for (let cut = 0; cut <= MATRIX.length; cut++) {
      const merged = mergeMoments(momentsOf(MATRIX.slice(0, cut)), momentsOf(MATRIX.slice(cut)));
      expect(merged.n).toBe(whole.n);
      merged.comoment.forEach((c, i) => expect(c).toBeCloseTo(whole.comoment[i] as number, 10));
      merged.mean.forEach((c, i) => expect(c).toBeCloseTo(whole.mean[i] as number, 12));
    }
  });

  it('keeps its digits when the variance is tiny beside the mean', () => {
    // Sums of squares near 1e18 keep no digit of a variance of 1; centred updates keep them all.
    const rows = [[1e9 + 1], [1e9 + 2], [1e9 + 3]];
    const m = momentsOf(rows);
    expect(covariance(m, 0, 0)).toBeCloseTo(1, 9);
    const split = mergeMoments(momentsOf(rows.slice(0, 1)), momentsOf(rows.slice(1)));
    expect(covariance(split, 0, 0)).toBeCloseTo(1, 9);
  });
});

describe('reliability', () => {
  it('computes Cronbach alpha of a known matrix', () => {
    // Item variances 2.5 + 1.8 + 1.8 = 6.1. Totals 5, 7, 10, 13, 15: mean 10, variance
    // (25 + 9 + 0 + 9 + 25) / 4 = 17. alpha = 3/2 x (1 - 6.1/17) = 0.9617647...
    const r = reliability(momentsOf(MATRIX));
    expect(r.alpha).toBeCloseTo(1.5 * (1 - 6.1 / 17), 12);
    expect(r.totalVariance).toBeCloseTo(17, 12);
  });

  it('correlates each item with the total of the other items (corrected item-total)', () => {
    const r = reliability(momentsOf(MATRIX));
    // Item 1 against rest = item2 + item3: rest 4, 5, 7, 9, 10 (mean 7, var (9+4+0+4+9)/4 = 6.5);
    // cov = ((-2)(-3)+(-1)(-2)+0+(1)(2)+(2)(3))/4 = 16/4 = 4; r = 4 / sqrt(2.5 x 6.5).
    expect(r.perItem[0]?.itemRest).toBeCloseTo(4 / Math.sqrt(2.5 * 6.5), 12);
    // Alpha without item 1: items 2 and 3, variances 1.8 + 1.8, rest variance 6.5.
    expect(r.perItem[0]?.alphaIfDeleted).toBeCloseTo(2 * (1 - 3.6 / 6.5), 12);
  });

  it('matches a two-pass computation on a random matrix', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 6;
    const rows = Array.from({ length: 200 }, () => {
      const base = rand();
      return [Math.round(base), Math.round(base + rand() / 2), Math.round(rand()), 3];
    });
    const k = 3;
    const sub = rows.map((r) => r.slice(0, k));
    const n = sub.length;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = (xs: number[]) => {
      const m = mean(xs);
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const col = (i: number) => sub.map((r) => r[i] as number);
    const totals = sub.map((r) => r.reduce((s, x) => s + x, 0));
    const alpha =
      (k / (k - 1)) *
      (1 - [0, 1, 2].map((i) => variance(col(i))).reduce((s, v) => s + v, 0) / variance(totals));
    const r = reliability(momentsOf(sub));
    expect(r.clients).toBe(n);
    expect(r.alpha).toBeCloseTo(alpha, 10);
  });

  it('gives null where a figure cannot exist', () => {
    // One item: no alpha. A constant item: no correlation.
    expect(reliability(momentsOf([[1], [2]])).alpha).toBeNull();
    const r = reliability(
      momentsOf([
        [1, 3],
        [2, 3],
        [3, 3],
      ]),
    );
    expect(r.perItem[1]?.itemRest).toBeNull();
    expect(reliability(momentsOf([[1, 2]])).alpha).toBeNull();
  });
});
