import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange } from '../../../domain/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import {
  bandIssues,
  bandsChange,
  boundaries,
  moveBoundary,
  setBound,
  type Band,
} from './bandEdits.ts';

const csrcBands: Band[] = [
  { level: 'C1', min: 0, max: 19 },
  { level: 'C2', min: 20, max: 36 },
  { level: 'C3', min: 37, max: 53 },
  { level: 'C4', min: 54, max: 82 },
  { level: 'C5', min: 83, max: 100 },
];

describe('bandIssues', () => {
  it('finds nothing in contiguous whole-number bands', () => {
    expect(bandIssues(csrcBands)).toEqual([]);
  });
  it('reports gaps, overlaps and empty bands at the band they concern', () => {
    const bands = [
      { level: 'C1', min: 0, max: 19 },
      { level: 'C2', min: 22, max: 36 },
      { level: 'C3', min: 30, max: 53 },
      { level: 'C4', min: 60, max: 54 },
    ];
    const issues = bandIssues(bands).map((i) => [i.band, i.kind]);
    expect(issues).toContainEqual([1, 'gap']);
    expect(issues).toContainEqual([2, 'overlap']);
    expect(issues).toContainEqual([3, 'empty']);
  });
  it('counts fractional bounds that do not meet as a gap', () => {
    const issues = bandIssues([
      { level: 'A', min: 0, max: 0.5 },
      { level: 'B', min: 0.75, max: 1 },
    ]);
    expect(issues.map((i) => i.kind)).toEqual(['gap']);
  });
});

describe('moveBoundary', () => {
  it('moves the lower band max and the upper band min together', () => {
    const next = moveBoundary(csrcBands, 1, 2, 40.4);
    expect(next[1]).toEqual({ level: 'C2', min: 20, max: 40 });
    expect(next[2]).toEqual({ level: 'C3', min: 41, max: 53 });
    expect(next.filter((_, i) => i !== 1 && i !== 2)).toEqual(
      csrcBands.filter((_, i) => i !== 1 && i !== 2),
    );
  });
  it('keeps both bands non-empty', () => {
    expect(moveBoundary(csrcBands, 1, 2, -50)[1]).toEqual({ level: 'C2', min: 20, max: 20 });
    expect(moveBoundary(csrcBands, 1, 2, 500)[2]).toEqual({ level: 'C3', min: 53, max: 53 });
  });
  it('never opens a gap or an overlap, wherever a boundary is dragged', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: -20, max: 120, noNaN: true })),
          {
            maxLength: 20,
          },
        ),
        (moves) => {
          let bands = csrcBands;
          for (const [k, v] of moves) {
            const [lower, upper] = boundaries(bands)[k] as [number, number];
            bands = moveBoundary(bands, lower, upper, v);
          }
          expect(bandIssues(bands)).toEqual([]);
          expect(bands[0]?.min).toBe(0);
          expect(bands[4]?.max).toBe(100);
        },
      ),
      { seed: 1128, numRuns: 300 },
    );
  });
});

describe('setBound', () => {
  it('moves the touching neighbour with a numeric edit', () => {
    expect(setBound(csrcBands, 2, 'min', 30).slice(1, 3)).toEqual([
      { level: 'C2', min: 20, max: 29 },
      { level: 'C3', min: 30, max: 53 },
    ]);
    expect(setBound(csrcBands, 0, 'max', 25).slice(0, 2)).toEqual([
      { level: 'C1', min: 0, max: 25 },
      { level: 'C2', min: 26, max: 36 },
    ]);
  });
  it('edits only the band when the outer bound has no neighbour', () => {
    const next = setBound(csrcBands, 4, 'max', 120);
    expect(next[4]).toEqual({ level: 'C5', min: 83, max: 120 });
    expect(next.slice(0, 4)).toEqual(csrcBands.slice(0, 4));
  });
});

it('turns a boundary move into one undoable change on the pack', () => {
  const pack = loadStarterPack('cn-csrc-2017');
  const index = pack.graph.nodes.findIndex((n) => n.kind === 'classify');
  const node = pack.graph.nodes[index];
  if (node?.kind !== 'classify') throw new Error('classify node');
  const path = ['graph', 'nodes', index, 'config', 'bands'];
  const after = moveBoundary(node.config.bands, 1, 2, 40);
  const change = bandsChange(path, node.config.bands, after);
  if (!change) throw new Error('expected a change');
  const next = applyChange(pack, change);
  const moved = next.graph.nodes[index];
  expect(moved?.kind === 'classify' && moved.config.bands).toEqual(after);
  expect(bandsChange(path, after, after)).toBeNull();
});
