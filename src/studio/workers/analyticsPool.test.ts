import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import { analyzeQuestionnaire, compilePack, type AnalyticsReport } from '../../engine/index.ts';
import { createPopulation } from '../../engine/population/population.ts';
import { fakeWorkers } from '../../testing/testWorkers.ts';
import { createAnalyticsRunner } from './analyticsChunk.ts';
import { ANALYTICS_CHUNK_SIZE, runAnalytics, sensitivityStride } from './analyticsPool.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

const pack = load(csrcText);
const config = { seed: 5, evaluationDate: '2026-06-01' };

describe('questionnaire analytics in a worker pool', () => {
  it('merges chunks that come back out of order into the figures of one pass', () => {
    const count = ANALYTICS_CHUNK_SIZE + 33;
    const workers = fakeWorkers(createAnalyticsRunner);
    const progress: number[] = [];
    let report: AnalyticsReport | undefined;
    runAnalytics(
      pack,
      'classify',
      { kind: 'generated', config, count },
      {
        onProgress: (done) => progress.push(done),
        onDone: (r) => (report = r),
        onFailed: (m) => {
          throw new Error(m.en);
        },
      },
      workers.create,
    );
    workers.deliver();
    const clients = createPopulation(pack, config).take(count);
    const one = analyzeQuestionnaire(compilePack(pack), clients, {
      classifyId: 'classify',
      sensitivityStride: sensitivityStride(count),
    });
    expect(progress.at(-1)).toBe(count);
    expect(report?.questions).toEqual(one.questions);
    expect(report?.coherence).toEqual(one.coherence);
    expect(report?.movers).toEqual(one.movers);
    expect(report?.dimensions[0]?.alpha).toBeCloseTo(one.dimensions[0]?.alpha as number, 10);
  });

  it('samples the varying evenly in a large book', () => {
    expect(sensitivityStride(1_000)).toBe(1);
    expect(sensitivityStride(100_000)).toBe(20);
  });
});
