import { describe, expect, it } from 'vitest';
import { compilePack, computeCoverage, evaluate } from '../../engine/index.ts';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import { describeItem, heatMaps } from './coverageLabels.ts';

const pack = buildPack();
const compiled = compilePack(pack);
const coverage = computeCoverage(compiled, [
  { testId: 't1', trace: evaluate(compiled, baseClient(), { trace: true }).trace ?? [] },
]);
const item = (key: string) => coverage.items.find((i) => i.key === key);

describe('coverage in words', () => {
  it('names bands by range, knock-outs by option, caps by level and reason, cells by pair', () => {
    const say = (key: string) => {
      const i = item(key);
      return i ? describeItem(pack, i, 'en') : undefined;
    };
    expect(say('2:C3')).toBe('C3 [13, 19]');
    expect(say('Q4=yes')).toBe('Q4 = yes · yes');
    expect(say('cap:0')).toBe('≤ C1 when q.flags.noLoss · reason knockout');
    expect(say('risk:C3xR4')).toBe('C3 × R4');
    expect(say('blockAll:0')).toBe('blockAll · reason expired');
    expect(say('senior')).toBe('senior');
  });

  it('draws the matrix as a heat-map: tests per cell, cells no product can reach', () => {
    const [map] = heatMaps(pack, coverage);
    expect(map?.levels).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(map?.risks).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(map?.cells['C3']?.['R4']).toEqual({ tests: 1, reachable: true, verdict: 'warn' });
    expect(map?.cells['C3']?.['R2']).toMatchObject({ tests: 0, reachable: false });
    expect(map?.cells['C1']?.['R1']).toEqual({ tests: 0, reachable: true, verdict: 'allowed' });
    expect(map?.max).toBe(1);
  });
});
