import { describe, expect, it } from 'vitest';
import { parsePack, type LocalizedText, type Pack } from '../../domain/index.ts';
import { analyzeImpact, compilePack, type ImpactReport } from '../../engine/index.ts';
import { createPopulation } from '../../engine/population/population.ts';
import { createImpactRunner } from './impactChunk.ts';
import { IMPACT_CHUNK_SIZE, runImpact } from './impactPool.ts';
import { fakeWorkers } from '../../testing/testWorkers.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

/** The CSRC pack with the C3 / C4 boundary moved from 53 / 54 down to 49 / 50. */
function lowerC4(pack: Pack): Pack {
  const next = structuredClone(pack);
  for (const node of next.graph.nodes)
    if (node.kind === 'classify')
      for (const band of node.config.bands) {
        if (band.level === 'C3') band.max = 49;
        if (band.level === 'C4') band.min = 50;
      }
  return next;
}

const a = load(csrcText);
const b = lowerC4(a);
const config = { seed: 11, evaluationDate: '2026-06-01' };

function run(source: Parameters<typeof runImpact>[2]) {
  const workers = fakeWorkers(createImpactRunner);
  const progress: number[] = [];
  const outcome: { report?: ImpactReport; failure?: LocalizedText } = {};
  const handle = runImpact(
    a,
    b,
    source,
    {
      onProgress: (done) => progress.push(done),
      onDone: (report) => (outcome.report = report),
      onFailed: (failure) => (outcome.failure = failure),
    },
    workers.create,
  );
  return { workers, progress, outcome, handle };
}

describe('impact in a worker pool', () => {
  it('merges chunks that come back out of order into the report of one pass', () => {
    const count = IMPACT_CHUNK_SIZE * 2 + 77;
    const { workers, progress, outcome } = run({ kind: 'generated', config, count });
    workers.deliver();
    const clients = createPopulation(a, config).take(count);
    const one = analyzeImpact(compilePack(a), compilePack(b), clients);
    expect(one.levelMatrix.C3?.C4).toBeGreaterThan(0);
    expect(outcome.report).toEqual(one);
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBe(count);
    expect(workers.terminated()).toBeGreaterThan(0);
  });

  it('runs the clients of a file as given, numbered by their place in it', () => {
    const clients = createPopulation(a, config)
      .take(IMPACT_CHUNK_SIZE * 2)
      .map(({ clientId: _id, ...rest }) => rest);
    const { workers, outcome } = run({ kind: 'clients', clients });
    workers.deliver();
    expect(outcome.report).toEqual(analyzeImpact(compilePack(a), compilePack(b), clients));
    expect(outcome.report?.affected.some((c) => c.index >= IMPACT_CHUNK_SIZE)).toBe(true);
  });

  it('stops on cancel: no more progress, no report', () => {
    const { workers, progress, outcome, handle } = run({
      kind: 'generated',
      config,
      count: IMPACT_CHUNK_SIZE * 3,
    });
    handle.cancel();
    workers.deliver();
    expect(progress).toEqual([]);
    expect(outcome).toEqual({});
    expect(workers.terminated()).toBeGreaterThan(0);
  });

  it('says why a version that does not compile cannot be compared', () => {
    const broken = structuredClone(a);
    broken.graph.edges = [];
    const workers = fakeWorkers(createImpactRunner);
    let failure: LocalizedText | undefined;
    runImpact(
      a,
      broken,
      { kind: 'generated', config, count: 10 },
      { onProgress: () => {}, onDone: () => {}, onFailed: (m) => (failure = m) },
      workers.create,
    );
    workers.deliver();
    expect(failure?.en).toBeTruthy();
    expect(failure?.en).not.toContain('evaluation failed');
  });
});
