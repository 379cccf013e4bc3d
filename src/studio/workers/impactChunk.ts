import type { EvaluationInputDraft, Pack } from '../../domain/index.ts';
import { analyzeImpact, compilePack, type ImpactReport } from '../../engine/index.ts';
import { createChunkClients } from './chunkClients.ts';
import type { ChunkServer } from './serveChunks.ts';

/** Two versions to compare; a generated population is drawn from version A. */
export type ImpactInit = { a: Pack; b: Pack };
export type ImpactPart = { report: ImpactReport };

/**
 * What an impact worker runs, without the worker: both versions compiled once, then each chunk
 * analysed with its clients numbered from the chunk's offset (`mergeImpactReports` adds them up).
 */
export function createImpactRunner({ a, b }: ImpactInit): ChunkServer<object, ImpactPart> {
  const compiledA = compilePack(a);
  const compiledB = compilePack(b);
  const clientsOf = createChunkClients(a);
  return {
    ready: {},
    run: (task) => {
      const clientAt = clientsOf(task);
      const clients: EvaluationInputDraft[] = [];
      for (let k = 0; k < task.count; k++) {
        const client = clientAt(k);
        if (client) clients.push(client);
      }
      const report = analyzeImpact(compiledA, compiledB, clients, { firstIndex: task.offset });
      return { part: { report } };
    },
  };
}
