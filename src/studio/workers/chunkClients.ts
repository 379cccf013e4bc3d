import type { EvaluationInputDraft, Pack } from '../../domain/index.ts';
import { createPopulation, type PopulationConfig } from '../../engine/index.ts';
import type { ChunkTask } from './workerPool.ts';

/**
 * The clients of chunks, `k` counted from the chunk's start: drawn by the seeded generator from
 * their index in the whole population (so that any worker draws the same client i), or read
 * from the chunk. The generator is prepared once per configuration.
 */
export function createChunkClients(pack: Pack) {
  let generator: { key: string; clientAt: (i: number) => EvaluationInputDraft } | undefined;
  const generated = (config: PopulationConfig) => {
    const key = JSON.stringify(config);
    if (generator?.key !== key)
      generator = { key, clientAt: createPopulation(pack, config).clientAt };
    return generator.clientAt;
  };
  return (task: ChunkTask): ((k: number) => EvaluationInputDraft | undefined) => {
    if (!task.generate) return (k) => task.clients?.[k];
    const clientAt = generated(task.generate);
    return (k) => clientAt(task.offset + k);
  };
}
