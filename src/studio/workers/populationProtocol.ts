import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { WhatIfShape, WhatIfTable } from '../../engine/index.ts';
import type { PoolReply, PoolRequest } from './workerPool.ts';

export type { ChunkTask } from './workerPool.ts';

/** A client whose evaluation fails whatever the bands, located by its index in the population. */
export type ClientError = { index: number; code: string; path: string; message: LocalizedText };

export type PopulationPart = { table: WhatIfTable; errors: ClientError[] };

export type ToWorker = PoolRequest<{ pack: Pack; classifyId: string }>;
export type FromWorker = PoolReply<{ shape: WhatIfShape }, PopulationPart>;

/** The buffers of a chunk's table, to transfer rather than copy. */
export function tableBuffers(table: WhatIfTable): ArrayBuffer[] {
  return [
    table.scores,
    table.floors,
    table.caps,
    table.classes,
    table.classOutcomes,
    table.classFlags,
  ].map((a) => a.buffer as ArrayBuffer);
}
