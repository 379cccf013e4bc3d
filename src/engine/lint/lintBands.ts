import { lt, type NodeOfKind, type Pack } from '../../domain/index.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validateContext.ts';
import { fmt, type Span } from './numberCells.ts';
import type { ValueRange } from './valueRange.ts';

type Band = { level: string; min: number; max: number; i: number };

/** Whether a value the input can take (within its range, whole when it is integer) lies in `s`. */
export function reachable(s: Span, range: ValueRange | undefined): boolean {
  let { lo, loOpen, hi, hiOpen } = s;
  if (range && range.min > lo) [lo, loOpen] = [range.min, false];
  if (range && range.max < hi) [hi, hiOpen] = [range.max, false];
  if (range?.integer) {
    const first = loOpen ? Math.floor(lo) + 1 : Math.ceil(lo);
    const last = hiOpen ? Math.ceil(hi) - 1 : Math.floor(hi);
    return first <= last;
  }
  return lo < hi || (lo === hi && !loOpen && !hiOpen);
}

const closed = (lo: number, hi: number): Span => ({ lo, loOpen: false, hi, hiOpen: false });
const open = (lo: number, hi: number): Span => ({ lo, loOpen: true, hi, hiOpen: true });

/**
 * Classify bands: a score that can occur and falls in no band is an evaluation error
 * (`classify.noBand`), so a reachable gap is an error; overlapping bands are legal (the first
 * listed wins) but a band the earlier ones cover completely can never be reached. Whole-number
 * scores (every point and weight an integer) make `[0, 19]` and `[20, 36]` adjacent.
 */
export function lintBands(
  pack: Pack,
  node: NodeOfKind<'classify'>,
  at: string,
  known: ValueRange | undefined,
): Problem[] {
  const out: Problem[] = [];
  const report = (
    code: string,
    sub: string,
    severity: Problem['severity'],
    zh: string,
    en: string,
  ) => out.push(problem(code, `${at}.config.${sub}`, lt(zh, en), severity, node.id));
  const bands: Band[] = node.config.bands
    .map((b, i) => ({ ...b, i }))
    .filter((b) => b.min <= b.max);
  if (bands.length === 0) return out;
  // When what the input can be is not known, whole-number bounds suggest whole-number scores (as
  // validation assumes), and a gap is only a warning: lint cannot tell that a score lands there.
  const range: ValueRange = known ?? {
    min: -Infinity,
    max: Infinity,
    integer: bands.every((b) => Number.isInteger(b.min) && Number.isInteger(b.max)),
  };
  const gapSeverity = known ? 'error' : 'warning';
  const whole = range.integer ? '（分数均为整数）' : '';
  const wholeEn = range.integer ? ' (scores are whole numbers)' : '';

  const sorted = [...bands].sort((a, b) => a.min - b.min || a.i - b.i);
  const lowest = sorted[0] as Band;
  if (known && reachable({ lo: range.min, loOpen: false, hi: lowest.min, hiOpen: true }, range))
    report(
      'lint.band.gapBelow',
      `bands[${lowest.i}].min`,
      'error',
      `得分可低至 ${fmt(range.min)}，但最低的分段 ${lowest.level} 从 ${lowest.min} 开始：更低的分数不属于任何分段，评估会报错${whole}`,
      `scores can be as low as ${fmt(range.min)} but the lowest band ${lowest.level} starts at ${lowest.min}: a lower score is in no band and evaluation fails${wholeEn}`,
    );
  let reach = lowest;
  for (const band of sorted.slice(1)) {
    if (band.min > reach.max && reachable(open(reach.max, band.min), range))
      report(
        'lint.band.gap',
        `bands[${band.i}].min`,
        gapSeverity,
        `分段 ${reach.level}（至 ${reach.max}）与 ${band.level}（自 ${band.min}）之间有空档：落在其中的分数会使评估报错${whole}`,
        `gap between band ${reach.level} (up to ${reach.max}) and ${band.level} (from ${band.min}): a score there makes evaluation fail${wholeEn}`,
      );
    if (band.max > reach.max) reach = band;
  }
  if (known && reachable({ lo: reach.max, loOpen: true, hi: range.max, hiOpen: false }, range))
    report(
      'lint.band.gapAbove',
      `bands[${reach.i}].max`,
      'error',
      `得分可高至 ${fmt(range.max)}，但最高的分段 ${reach.level} 止于 ${reach.max}：更高的分数不属于任何分段，评估会报错${whole}`,
      `scores can reach ${fmt(range.max)} but the highest band ${reach.level} ends at ${reach.max}: a higher score is in no band and evaluation fails${wholeEn}`,
    );

  // Bands are tried in the order listed: a band is dead when earlier ones cover all it can hold.
  bands.forEach((band, k) => {
    const where = `bands[${band.i}]`;
    const span = `${band.level} [${band.min}, ${band.max}]`;
    if (!reachable(closed(band.min, band.max), range)) {
      report(
        'lint.band.outOfRange',
        where,
        'warning',
        `分段 ${span} 不在可能的得分范围 [${fmt(range.min)}, ${fmt(range.max)}] 内${whole}，永远不会命中`,
        `band ${span} lies outside the possible scores [${fmt(range.min)}, ${fmt(range.max)}]${wholeEn} and is never hit`,
      );
      return;
    }
    const earlier = bands
      .slice(0, k)
      .filter((b) =>
        reachable(closed(Math.max(b.min, band.min), Math.min(b.max, band.max)), range),
      );
    const first = earlier[0];
    if (!first) return;
    if (uncovered(band, earlier, range).length === 0)
      report(
        'lint.band.unreachable',
        where,
        'error',
        `分段 ${span} 被先列出的分段完全覆盖，永远不会命中`,
        `band ${span} is covered entirely by bands listed before it and is never hit`,
      );
    else
      report(
        'lint.band.overlap',
        `${where}.min`,
        'warning',
        `分段 ${band.level} 与先列出的 ${first.level} 重叠：重叠部分归 ${first.level}`,
        `band ${band.level} overlaps ${first.level}, listed before it: the overlap goes to ${first.level}`,
      );
  });

  const rank = new Map(
    pack.vocabulary.scales
      .find((s) => s.id === node.config.scale)
      ?.levels.map((l, i) => [l.id, i]) ?? [],
  );
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1] as Band;
    const cur = sorted[k] as Band;
    const [a, b] = [rank.get(prev.level), rank.get(cur.level)];
    if (a !== undefined && b !== undefined && b < a)
      report(
        'lint.band.order',
        `bands[${cur.i}].level`,
        'warning',
        `更高的分数对应更低的级别：${prev.level} 的分段在 ${cur.level} 之下`,
        `a higher score gives a lower level: the band of ${prev.level} lies below that of ${cur.level}`,
      );
  }
  return out;
}

/** The parts of `band` that none of `others` cover and that can hold a value. */
function uncovered(band: Band, others: readonly Band[], range: ValueRange | undefined): Span[] {
  let parts: Span[] = [closed(band.min, band.max)];
  for (const o of others) {
    parts = parts.flatMap((p) => {
      if (o.max < p.lo || o.min > p.hi) return [p];
      const left: Span = { lo: p.lo, loOpen: p.loOpen, hi: o.min, hiOpen: true };
      const right: Span = { lo: o.max, loOpen: true, hi: p.hi, hiOpen: p.hiOpen };
      return [left, right].filter((s) => reachable(s, range));
    });
  }
  return parts.filter((s) => reachable(s, range));
}
