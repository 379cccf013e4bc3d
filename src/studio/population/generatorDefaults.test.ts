import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import {
  compilePack,
  countWhatIf,
  createWhatIfBuilder,
  prepareWhatIf,
} from '../../engine/index.ts';
import { createPopulation } from '../../engine/population/population.ts';
import { DEFAULT_SEED, generatorDefaults, localDate } from './generatorDefaults.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

describe('generator defaults', () => {
  const pack = load(csrcText);
  const config = generatorDefaults(pack, '2026-06-01');

  it('follow the personas, keeping their edge cases rare', () => {
    expect(config.facts?.fullCivilCapacity).toEqual({ kind: 'boolean', p: 0.99, missing: 0 });
    expect(config.facts?.refusesPrincipalLoss).toMatchObject({ kind: 'boolean', p: 0.03 });
    const investor = config.facts?.investorType;
    if (investor?.kind !== 'choice') throw new Error('investorType should be a weighted choice');
    const total = Object.values(investor.weights).reduce((a, b) => a + b, 0);
    expect((investor.weights['natural-person'] ?? 0) / total).toBeGreaterThan(0.8);
  });

  it('spread a seeded CSRC population over every level', () => {
    const whatIf = prepareWhatIf(compilePack(pack));
    const clients = createPopulation(pack, config).take(400);
    const builder = createWhatIfBuilder(whatIf.shape, clients.length);
    clients.forEach((c, i) => builder.add(i, whatIf.profile(c)));
    const node = pack.graph.nodes.find((n) => n.kind === 'classify');
    const bands = node?.kind === 'classify' ? node.config.bands : [];
    const counts = countWhatIf(builder.table(), bands);
    for (const n of counts.levels) expect(n).toBeGreaterThan(20);
  });
});

describe('one default', () => {
  it('is the local calendar date, not UTC, and one seed', () => {
    // 23:30 on 8 Dec where the user is: still the 8th, whatever UTC says.
    expect(localDate(new Date(2026, 11, 8, 23, 30))).toBe('2026-12-08');
    expect(localDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
    expect(generatorDefaults(load(csrcText), '2026-12-08')).toMatchObject({
      seed: DEFAULT_SEED,
      evaluationDate: '2026-12-08',
    });
  });
});
