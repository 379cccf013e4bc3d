import type { Pack } from '../../domain/index.ts';
import {
  compilePack,
  prepareAnalytics,
  type AnalyticsPart,
  type AnalyticsShape,
} from '../../engine/index.ts';
import { createChunkClients } from './chunkClients.ts';
import type { ChunkServer } from './serveChunks.ts';

/** The pack, the classify node whose level moves, and how evenly to sample the varying. */
export type AnalyticsInit = { pack: Pack; classifyId: string; sensitivityStride: number };
export type AnalyticsReady = { shape: AnalyticsShape };
export type AnalyticsChunkPart = { part: AnalyticsPart };

/**
 * What an analytics worker runs, without the worker: the pack compiled once, then each chunk's
 * clients added to a part of their own, numbered by population index so that the sample of
 * varied clients does not depend on how the book was cut (`mergeAnalyticsParts` adds them up).
 */
export function createAnalyticsRunner({
  pack,
  classifyId,
  sensitivityStride,
}: AnalyticsInit): ChunkServer<AnalyticsReady, AnalyticsChunkPart> {
  const analytics = prepareAnalytics(compilePack(pack), { classifyId, sensitivityStride });
  const clientsOf = createChunkClients(pack);
  return {
    ready: { shape: analytics.shape },
    run: (task) => {
      const clientAt = clientsOf(task);
      const part = analytics.createPart();
      for (let k = 0; k < task.count; k++) {
        const client = clientAt(k);
        if (client) analytics.add(part, client, task.offset + k);
      }
      return { part: { part } };
    },
  };
}
