import type { EvaluationInputDraft, LocalizedText, Pack } from '../../domain/index.ts';
import type { WhatIfShape, WhatIfTable } from '../../engine/index.ts';
import type { PopulationConfig } from '../../testing/population.ts';

/** A client whose evaluation fails whatever the bands, located by its index in the population. */
export type ClientError = { index: number; code: string; path: string; message: LocalizedText };

/** Clients to evaluate: drawn by the seeded generator from their indexes, or sent as they are. */
export type ChunkTask = {
  id: number;
  offset: number;
  count: number;
  clients?: EvaluationInputDraft[];
  generate?: PopulationConfig;
};

export type ToWorker =
  { type: 'init'; pack: Pack; classifyId: string } | ({ type: 'chunk' } & ChunkTask);

export type FromWorker =
  | { type: 'ready'; shape: WhatIfShape }
  | { type: 'failed'; message: LocalizedText }
  | { type: 'chunk'; id: number; offset: number; table: WhatIfTable; errors: ClientError[] };

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
