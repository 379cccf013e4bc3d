import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import { countWhatIf, type WhatIfTable } from '../../engine/index.ts';
import { createChunkRunner } from './populationChunk.ts';
import { runPopulation, CHUNK_SIZE } from './populationPool.ts';
import type { FromWorker, ToWorker } from './populationProtocol.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

/**
 * A worker that runs the real chunk loop when the test says so: messages queue up until
 * `deliver` runs them, so that the test decides the order in which chunks come back.
 */
function fakeWorkers() {
  const queue: (() => void)[] = [];
  let terminated = 0;
  const create = () => {
    let runner: ReturnType<typeof createChunkRunner> | undefined;
    const worker = {
      onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
      onerror: null,
      postMessage(msg: ToWorker) {
        queue.push(() => {
          const reply = (data: FromWorker) =>
            worker.onmessage?.({ data } as MessageEvent<FromWorker>);
          if (msg.type === 'init') {
            runner = createChunkRunner(msg.pack, msg.classifyId);
            reply({ type: 'ready', shape: runner.shape });
          } else if (runner)
            reply({ type: 'chunk', id: msg.id, offset: msg.offset, ...runner.run(msg) });
        });
      },
      terminate() {
        terminated++;
      },
    };
    return worker as unknown as Worker;
  };
  // Last in, first out: chunks come back out of order, as they do from real workers.
  const deliver = () => {
    while (queue.length > 0) queue.pop()?.();
  };
  return { create, deliver, terminated: () => terminated };
}

const pack = load(csrcText);
const config = { seed: 5, evaluationDate: '2026-06-01' };

describe('population pool', () => {
  it('merges chunks that come back out of order into the table one thread builds', () => {
    const count = CHUNK_SIZE * 2 + 123;
    const workers = fakeWorkers();
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
    const workers = fakeWorkers();
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
