import type { LocalizedText } from '../../domain/index.ts';
import {
  mergeMonitorParts,
  ratingChangesOf,
  type MonitorPart,
  type MonitorReport,
} from '../../engine/index.ts';
import type { MonitorChunkPart, MonitorInit } from './monitorChunk.ts';
import { chunksOf, runPool, type PoolRun, type PopulationSource } from './workerPool.ts';

export const MONITOR_CHUNK_SIZE = 1_000;

export type MonitorCallbacks = {
  onProgress: (done: number, total: number) => void;
  onDone: (report: MonitorReport) => void;
  onFailed: (message: LocalizedText) => void;
};

/** A monitoring run over a book in a pool of workers; parts merge once all are in; cancel stops it. */
export function runMonitor(
  init: MonitorInit,
  source: PopulationSource,
  callbacks: MonitorCallbacks,
  createWorker: () => Worker = () =>
    new Worker(new URL('./monitorWorker.ts', import.meta.url), { type: 'module' }),
): PoolRun {
  const parts: MonitorPart[] = [];
  const before = init.ratingsBefore ?? init.base;
  return runPool<MonitorInit, object, MonitorChunkPart>({
    init,
    tasks: chunksOf(source, MONITOR_CHUNK_SIZE),
    createWorker,
    onPart: ({ part }) => parts.push(part),
    onProgress: callbacks.onProgress,
    onDone: () =>
      callbacks.onDone(
        mergeMonitorParts(parts, {
          asOf: init.asOf,
          windowEnd: init.windowEnd,
          ratingChanges: before ? ratingChangesOf(before, init.current) : [],
        }),
      ),
    onFailed: callbacks.onFailed,
  });
}
