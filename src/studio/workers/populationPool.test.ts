import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import { countWhatIf, type WhatIfTable } from '../../engine/index.ts';
import { createChunkRunner } from './populationChunk.ts';
import { runPopulation, CHUNK_SIZE } from './populationPool.ts';
import type { ChunkTask } from './populationProtocol.ts';
import { fakeWorkers } from '../../testing/testWorkers.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

const workersFor = () =>
  fakeWorkers((init: { pack: Pack; classifyId: string }) => {
    const runner = createChunkRunner(init.pack, init.classifyId);
    return {
      ready: { shape: runner.shape },
      run: (task: ChunkTask) => ({ part: runner.run(task) }),
    };
  });

const pack = load(csrcText);
const config = { seed: 5, evaluationDate: '2026-06-01' };

describe('population pool', () => {
  it('merges chunks that come back out of order into the table one thread builds', () => {
    const count = CHUNK_SIZE * 2 + 123;
    const workers = workersFor();
    const progress: number[] = [];
    let result: { table: WhatIfTable } | undefined;
    runPopulation(
      pack,
      'classify',
      { kind: 'generated', config, count },
      {
        onProgress: (done) => progress.push(done),
        onDone: (r) => (result = r),
        onFailed: (m) => {
          throw new Error(m.en);
        },
      },
      workers.create,
    );
    workers.deliver();
    expect(result?.table.n).toBe(count);
    expect(progress[progress.length - 1]).toBe(count);
    expect(progress).toHaveLength(3);
    const one = createChunkRunner(pack, 'classify').run({
      id: 0,
      offset: 0,
      count,
      generate: config,
    });
    const bands = [
      { level: 'C1', min: 0, max: 25 },
      { level: 'C2', min: 26, max: 36 },
      { level: 'C3', min: 37, max: 53 },
      { level: 'C4', min: 54, max: 82 },
      { level: 'C5', min: 83, max: 100 },
    ];
    expect(countWhatIf(result!.table, bands)).toEqual(countWhatIf(one.table, bands));
    expect(workers.terminated()).toBeGreaterThan(0);
  });

  it('stops on cancel: no more progress, no result', () => {
    const workers = workersFor();
    let calls = 0;
    const run = runPopulation(
      pack,
      'classify',
      { kind: 'generated', config, count: CHUNK_SIZE * 3 },
      { onProgress: () => calls++, onDone: () => calls++, onFailed: () => calls++ },
      workers.create,
    );
    run.cancel();
    workers.deliver();
    expect(calls).toBe(0);
    expect(workers.terminated()).toBeGreaterThan(0);
  });
});
