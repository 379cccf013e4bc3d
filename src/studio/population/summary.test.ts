import { describe, expect, it } from 'vitest';
import { createWhatIfBuilder, countWhatIf, type WhatIfShape } from '../../engine/index.ts';
import { movesOf, reachRows, scoreHistogram, signed } from './summary.ts';

const shape: WhatIfShape = { classifyId: 'c', levels: ['L1', 'L2'], products: ['P'], flags: [] };

/** Three clients scoring 1, 5 and 5; the product is allowed at L2 only. */
function table() {
  const b = createWhatIfBuilder(shape, 4);
  const profile = (score: number) => ({
    score,
    floor: -1,
    cap: 2,
    outcomes: Uint8Array.from([2, 0]),
    flagBits: new Uint32Array(2),
  });
  b.add(0, profile(1));
  b.add(1, profile(5));
  b.add(2, profile(5));
  return b.table(); // client 3 was never profiled: it failed
}

describe('population summaries', () => {
  it('bins whole scores one point each, leaving failed clients out', () => {
    const bins = scoreHistogram(table());
    expect(bins.map((b) => [b.from, b.count])).toEqual([
      [1, 1],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 2],
    ]);
  });

  it('lists level moves and reach changes against a baseline', () => {
    const t = table();
    const before = [
      { level: 'L1', min: 0, max: 4 },
      { level: 'L2', min: 5, max: 9 },
    ];
    const after = [
      { level: 'L1', min: 0, max: 5 },
      { level: 'L2', min: 6, max: 9 },
    ];
    const counts = countWhatIf(t, after, before);
    expect(counts.invalid).toBe(1);
    expect(movesOf(counts, shape.levels)).toEqual([{ from: 'L2', to: 'L1', count: 2 }]);
    expect(reachRows(counts, shape.products, countWhatIf(t, before))).toEqual([
      {
        product: 'P',
        allowed: 0,
        warn: 0,
        prohibited: 3,
        delta: { allowed: -2, warn: 0, prohibited: 2 },
      },
    ]);
    expect([signed(3), signed(-1200), signed(0)]).toEqual(['+3', '−1,200', '0']);
  });
});
