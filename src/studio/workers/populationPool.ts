import type { LocalizedText, Pack } from '../../domain/index.ts';
import { createWhatIfBuilder, type WhatIfShape, type WhatIfTable } from '../../engine/index.ts';
import type { ClientError, PopulationPart } from './populationProtocol.ts';
import {
  chunksOf,
  runPool,
  sourceSize,
  type PoolRun,
  type PopulationSource,
} from './workerPool.ts';

export type { PoolRun, PopulationSource } from './workerPool.ts';

/** Clients per message: small enough for a smooth progress bar, large enough to amortize posting. */
export const CHUNK_SIZE = 2_000;

export type PoolCallbacks = {
  onProgress: (done: number, total: number) => void;
  /** `errors` holds the first failing clients; the table counts them all (class -1). */
  onDone: (result: { table: WhatIfTable; errors: ClientError[] }) => void;
  onFailed: (message: LocalizedText) => void;
};

/**
 * Evaluates a population in a pool of module workers for the what-if. Chunks come back as typed
 * arrays that are merged as they arrive; cancel terminates the workers.
 */
export function runPopulation(
  pack: Pack,
  classifyId: string,
  source: PopulationSource,
  callbacks: PoolCallbacks,
  createWorker: () => Worker = () =>
    new Worker(new URL('./populationWorker.ts', import.meta.url), { type: 'module' }),
): PoolRun {
  const total = sourceSize(source);
  const errors: ClientError[] = [];
  let builder: ReturnType<typeof createWhatIfBuilder> | undefined;
  return runPool<{ pack: Pack; classifyId: string }, { shape: WhatIfShape }, PopulationPart>({
    init: { pack, classifyId },
    tasks: chunksOf(source, CHUNK_SIZE),
    createWorker,
    onReady: ({ shape }) => {
      builder ??= createWhatIfBuilder(shape, total);
    },
    onPart: (part) => {
      builder?.merge(part.table, part.offset);
      for (const e of part.errors) if (errors.length < 1_000) errors.push(e);
    },
    onProgress: callbacks.onProgress,
    onDone: () => {
      if (!builder) return;
      errors.sort((a, b) => a.index - b.index);
      callbacks.onDone({ table: builder.table(), errors });
    },
    onFailed: callbacks.onFailed,
  });
}
