import type { LocalizedText, Pack } from '../../domain/index.ts';
import { mergeImpactReports, type ImpactReport } from '../../engine/index.ts';
import type { ImpactInit, ImpactPart } from './impactChunk.ts';
import { chunksOf, runPool, type PoolRun, type PopulationSource } from './workerPool.ts';

/** Clients per chunk: each is evaluated twice, so half a population chunk keeps progress smooth. */
export const IMPACT_CHUNK_SIZE = 1_000;

export type ImpactCallbacks = {
  onProgress: (done: number, total: number) => void;
  onDone: (report: ImpactReport) => void;
  onFailed: (message: LocalizedText) => void;
};

/**
 * Compares two versions over a population in a pool of workers: each chunk's report comes back
 * on its own and they are merged once all are in; cancel terminates the workers.
 */
export function runImpact(
  a: Pack,
  b: Pack,
  source: PopulationSource,
  callbacks: ImpactCallbacks,
  createWorker: () => Worker = () =>
    new Worker(new URL('./impactWorker.ts', import.meta.url), { type: 'module' }),
): PoolRun {
  const parts: ImpactReport[] = [];
  return runPool<ImpactInit, object, ImpactPart>({
    init: { a, b },
    tasks: chunksOf(source, IMPACT_CHUNK_SIZE),
    createWorker,
    onPart: ({ report }) => parts.push(report),
    onProgress: callbacks.onProgress,
    onDone: () => callbacks.onDone(mergeImpactReports(a, b, parts)),
    onFailed: callbacks.onFailed,
  });
}
