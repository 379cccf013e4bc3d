import { expect, it } from 'vitest';
import { applyChange } from '../../../domain/index.ts';
import { compilePack, evaluate, type ClassifyOutput } from '../../../engine/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { countPerBand, sampleScores } from './sampleScores.ts';

const csrc = loadStarterPack('cn-csrc-2017');

it('gives every sample client and test case the score the classify node reads', () => {
  const result = sampleScores(csrc, 'classify');
  if (!result.ok) throw new Error(result.message.en);
  expect(result.scores.length + result.failed).toBe(csrc.sampleClients.length + csrc.tests.length);
  expect(result.scores.length).toBeGreaterThan(20);
  const compiled = compilePack(csrc);
  for (const client of csrc.sampleClients) {
    const mine = result.scores.find((s) => s.id === client.id && s.source === 'client');
    const real = evaluate(compiled, client.input, { trace: true }).trace?.find(
      (t) => t.nodeId === 'classify',
    );
    expect(mine?.score).toBe((real?.output as ClassifyOutput).score);
  }
});

it('still scores everyone while the bands have a gap', () => {
  const index = csrc.graph.nodes.findIndex((n) => n.id === 'classify');
  const gappy = applyChange(csrc, {
    type: 'set',
    path: ['graph', 'nodes', index, 'config', 'bands', 1, 'min'],
    value: 30,
  });
  const a = sampleScores(csrc, 'classify');
  const b = sampleScores(gappy, 'classify');
  expect(b).toEqual(a);
});

it('says why when the pack cannot be compiled', () => {
  const broken = applyChange(csrc, {
    type: 'set',
    path: [
      'graph',
      'nodes',
      csrc.graph.nodes.findIndex((n) => n.id === 'effectiveScore'),
      'config',
      'terms',
      0,
      'ref',
    ],
    value: 'nowhere.total',
  });
  const result = sampleScores(broken, 'classify');
  expect(result.ok).toBe(false);
});

it('counts scores in the first band that holds them', () => {
  const bands = [
    { min: 0, max: 19 },
    { min: 20, max: 36 },
    { min: 30, max: 50 },
  ];
  expect(countPerBand(bands, [0, 19, 20, 33, 45, 99])).toEqual([2, 2, 1]);
});
