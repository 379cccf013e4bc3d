import type { LocalizedText, NodeConfig, PackChange, PathKey } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';

export type Band = NodeConfig<'classify'>['bands'][number];

export type BandIssue = { band: number; kind: 'empty' | 'gap' | 'overlap'; message: LocalizedText };

const isInt = (bands: readonly Band[]) =>
  bands.every((b) => Number.isInteger(b.min) && Number.isInteger(b.max));

/**
 * Gaps, overlaps and empty bands, by the rule the engine validates with: whole-number bounds may
 * leave a step of 1 (`[0..19]`, `[20..36]`), others must meet. Shown inline while the user edits,
 * before the pack is validated again.
 */
export function bandIssues(bands: readonly Band[]): BandIssue[] {
  const issues: BandIssue[] = [];
  bands.forEach((b, i) => {
    if (b.min > b.max)
      issues.push({
        band: i,
        kind: 'empty',
        message: lt(
          `${b.level}：下限 ${b.min} 大于上限 ${b.max}`,
          `${b.level}: min ${b.min} is above max ${b.max}`,
        ),
      });
  });
  const sorted = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1] as { b: Band; i: number };
    const cur = sorted[k] as { b: Band; i: number };
    if (cur.b.min <= prev.b.max)
      issues.push({
        band: cur.i,
        kind: 'overlap',
        message: lt(
          `${cur.b.level} 与 ${prev.b.level} 重叠（${cur.b.min} ≤ ${prev.b.max}），先列出的分段优先`,
          `${cur.b.level} overlaps ${prev.b.level} (${cur.b.min} ≤ ${prev.b.max}); the band listed first wins`,
        ),
      });
    else if (
      Number.isInteger(prev.b.max) && Number.isInteger(cur.b.min)
        ? cur.b.min > prev.b.max + 1
        : cur.b.min > prev.b.max
    )
      issues.push({
        band: cur.i,
        kind: 'gap',
        message: lt(
          `${prev.b.level} 与 ${cur.b.level} 之间有空档（${prev.b.max} 到 ${cur.b.min}），落在其中的分数会报错`,
          `Gap between ${prev.b.level} and ${cur.b.level} (${prev.b.max} to ${cur.b.min}): a score there is an error`,
        ),
      });
  }
  return issues;
}

/** Pairs of bands that share a boundary, in ruler order: [lower index, upper index]. */
export function boundaries(bands: readonly Band[]): [number, number][] {
  const order = bands
    .map((_, i) => i)
    .sort((a, b) => (bands[a] as Band).min - (bands[b] as Band).min);
  const out: [number, number][] = [];
  for (let k = 1; k < order.length; k++) out.push([order[k - 1] as number, order[k] as number]);
  return out;
}

/** The step between one band's max and the next band's min that keeps them touching. */
export function boundaryStep(bands: readonly Band[], lower: number, upper: number): number {
  const d = (bands[upper] as Band).min - (bands[lower] as Band).max;
  if (d >= 0 && d <= 1) return d;
  return isInt(bands) ? 1 : 0;
}

/**
 * Moves the boundary between two neighbouring bands so that the lower band ends at `value`; the
 * upper band starts right after it, so both neighbours change and no gap or overlap appears.
 * The value is kept inside both bands (neither becomes empty), and whole when the bands are.
 */
export function moveBoundary(
  bands: readonly Band[],
  lower: number,
  upper: number,
  value: number,
): Band[] {
  const lo = bands[lower] as Band;
  const hi = bands[upper] as Band;
  const step = boundaryStep(bands, lower, upper);
  let v = isInt(bands) ? Math.round(value) : value;
  v = Math.min(Math.max(v, lo.min), hi.max - step);
  const next = bands.slice();
  next[lower] = { ...lo, max: v };
  next[upper] = { ...hi, min: v + step };
  return next;
}

/** The changes that turn `before` into `after`, field by field, as one undoable step. */
export function bandsChange(
  bandsPath: readonly PathKey[],
  before: readonly Band[],
  after: readonly Band[],
  label = 'bands',
): PackChange | null {
  const changes: PackChange[] = [];
  after.forEach((b, i) => {
    const old = before[i];
    if (!old) return;
    for (const key of ['level', 'min', 'max'] as const)
      if (old[key] !== b[key])
        changes.push({ type: 'set', path: [...bandsPath, i, key], value: b[key] });
  });
  if (changes.length === 0) return null;
  return { type: 'batch', changes, label };
}

/** The band index and neighbour a numeric edit of `key` on band `i` also moves, if they touch. */
export function linkedNeighbour(
  bands: readonly Band[],
  i: number,
  key: 'min' | 'max',
): number | undefined {
  for (const [lower, upper] of boundaries(bands)) {
    const d = (bands[upper] as Band).min - (bands[lower] as Band).max;
    if (d < 0 || d > 1) continue;
    if (key === 'max' && lower === i) return upper;
    if (key === 'min' && upper === i) return lower;
  }
  return undefined;
}

/** A numeric edit of one bound; a touching neighbour follows so that the bands stay contiguous. */
export function setBound(
  bands: readonly Band[],
  i: number,
  key: 'min' | 'max',
  value: number,
): Band[] {
  const other = linkedNeighbour(bands, i, key);
  if (other === undefined) {
    const next = bands.slice();
    next[i] = { ...(bands[i] as Band), [key]: value };
    return next;
  }
  const [lower, upper] = key === 'max' ? [i, other] : [other, i];
  const step = boundaryStep(bands, lower, upper);
  const next = bands.slice();
  next[lower] = { ...(bands[lower] as Band), max: key === 'max' ? value : value - step };
  next[upper] = { ...(bands[upper] as Band), min: key === 'max' ? value + step : value };
  return next;
}
