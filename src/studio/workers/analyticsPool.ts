import type { LocalizedText, Pack } from '../../domain/index.ts';
import {
  mergeAnalyticsParts,
  summarizeAnalytics,
  type AnalyticsPart,
  type AnalyticsReport,
  type AnalyticsShape,
} from '../../engine/index.ts';
import type { AnalyticsChunkPart, AnalyticsInit, AnalyticsReady } from './analyticsChunk.ts';
import {
  chunksOf,
  runPool,
  sourceSize,
  type PoolRun,
  type PopulationSource,
} from './workerPool.ts';

/** Clients per chunk: varying answers costs ~50 evaluations per sampled client. */
export const ANALYTICS_CHUNK_SIZE = 1_000;
/** At most this many clients have their answers varied; the rest are sampled out evenly. */
export const SENSITIVITY_SAMPLE = 5_000;

export type AnalyticsCallbacks = {
  onProgress: (done: number, total: number) => void;
  onDone: (report: AnalyticsReport) => void;
  onFailed: (message: LocalizedText) => void;
};

/** Every n-th client is varied, so that at most `SENSITIVITY_SAMPLE` are. */
export function sensitivityStride(total: number): number {
  return Math.max(1, Math.ceil(total / SENSITIVITY_SAMPLE));
}

/**
 * Questionnaire analytics of a population in a pool of workers: each chunk's part comes back on
 * its own and they are merged as they arrive; cancel terminates the workers.
 */
export function runAnalytics(
  pack: Pack,
  classifyId: string,
  source: PopulationSource,
  callbacks: AnalyticsCallbacks,
  createWorker: () => Worker = () =>
    new Worker(new URL('./analyticsWorker.ts', import.meta.url), { type: 'module' }),
): PoolRun {
  let shape: AnalyticsShape | undefined;
  let merged: AnalyticsPart | undefined;
  return runPool<AnalyticsInit, AnalyticsReady, AnalyticsChunkPart>({
    init: { pack, classifyId, sensitivityStride: sensitivityStride(sourceSize(source)) },
    tasks: chunksOf(source, ANALYTICS_CHUNK_SIZE),
    createWorker,
    onReady: (ready) => {
      shape ??= ready.shape;
    },
    onPart: ({ part }) => {
      merged = merged ? mergeAnalyticsParts(merged, part) : part;
    },
    onProgress: callbacks.onProgress,
    onDone: () => {
      if (shape && merged) callbacks.onDone(summarizeAnalytics(shape, merged));
    },
    onFailed: callbacks.onFailed,
  });
}
