import type { Pack } from '../../domain/index.ts';
import {
  EvaluationError,
  compilePack,
  createWhatIfBuilder,
  prepareWhatIf,
  type WhatIfProfiler,
  type WhatIfTable,
} from '../../engine/index.ts';
import { createChunkClients } from './chunkClients.ts';
import type { ChunkTask, ClientError } from './populationProtocol.ts';

/** Errors kept per chunk: enough to show, not so many that a broken pack floods the page. */
const MAX_ERRORS = 100;

/**
 * The evaluation loop a population worker runs, without the worker: profile each client of a
 * chunk for the what-if and collect the ones that fail. The bench runs this same loop.
 */
export function createChunkRunner(pack: Pack, classifyId: string) {
  const profiler: WhatIfProfiler = prepareWhatIf(compilePack(pack), classifyId);
  const clientsOf = createChunkClients(pack);

  return {
    shape: profiler.shape,
    run(task: ChunkTask): { table: WhatIfTable; errors: ClientError[] } {
      const builder = createWhatIfBuilder(profiler.shape, task.count);
      const clientAt = clientsOf(task);
      const errors: ClientError[] = [];
      for (let k = 0; k < task.count; k++) {
        const index = task.offset + k;
        const client = clientAt(k);
        if (!client) continue;
        try {
          builder.add(k, profiler.profile(client));
        } catch (e) {
          if (!(e instanceof EvaluationError)) throw e;
          if (errors.length < MAX_ERRORS)
            errors.push({ index, code: e.code, path: e.path, message: e.localized });
        }
      }
      return { table: builder.table(), errors };
    },
  };
}
