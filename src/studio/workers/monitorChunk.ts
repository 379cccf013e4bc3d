import { EvaluationInputSchema, type EvaluationInputDraft, type Pack } from '../../domain/index.ts';
import { compilePack, createMonitor, type Holding, type MonitorPart } from '../../engine/index.ts';
import { createChunkClients } from './chunkClients.ts';
import type { ChunkServer } from './serveChunks.ts';

/** A monitoring run: the pack in force (scenario applied), what it is compared with, the book's holdings. */
export type MonitorInit = {
  current: Pack;
  base?: Pack;
  ratingsBefore?: Pack;
  asOf: string;
  windowEnd: string;
  holdings: Record<string, Holding[]>;
};
export type MonitorChunkPart = { part: MonitorPart };

/**
 * What a monitoring worker runs, without the worker: the packs compiled once, then each chunk's
 * clients added with their place in the book; the CLI's accumulator, so the lists are the CLI's.
 */
export function createMonitorRunner(init: MonitorInit): ChunkServer<object, MonitorChunkPart> {
  const monitor = createMonitor({
    current: compilePack(init.current),
    ...(init.base ? { baseline: { kind: 'pack' as const, compiled: compilePack(init.base) } } : {}),
    ...(init.ratingsBefore ? { ratingsBefore: init.ratingsBefore } : {}),
    asOf: init.asOf,
    windowEnd: init.windowEnd,
    holdingsOf: (id) => init.holdings[id],
  });
  const clientsOf = createChunkClients(init.current);
  return {
    ready: {},
    run: (task) => {
      const clientAt = clientsOf(task);
      for (let k = 0; k < task.count; k++) {
        const draft: EvaluationInputDraft | undefined = clientAt(k);
        if (!draft) continue;
        const parsed = EvaluationInputSchema.safeParse({ ...draft, evaluationDate: init.asOf });
        const index = task.offset + k;
        if (parsed.success) monitor.add(parsed.data, index);
        else
          monitor.fail({
            clientId: draft.clientId,
            index,
            code: 'input',
            message: { 'zh-CN': parsed.error.message, en: parsed.error.message },
          });
      }
      return { part: { part: monitor.take() } };
    },
  };
}
