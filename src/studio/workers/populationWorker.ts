/// <reference lib="webworker" />
import type { Pack } from '../../domain/index.ts';
import type { WhatIfShape } from '../../engine/index.ts';
import { createChunkRunner } from './populationChunk.ts';
import { tableBuffers, type PopulationPart } from './populationProtocol.ts';
import { serveChunks } from './serveChunks.ts';

// One pack per worker: the pool sends `init` once, then chunks until it terminates the worker.
serveChunks<{ pack: Pack; classifyId: string }, { shape: WhatIfShape }, PopulationPart>((init) => {
  const runner = createChunkRunner(init.pack, init.classifyId);
  return {
    ready: { shape: runner.shape },
    run: (task) => {
      const part = runner.run(task);
      return { part, transfer: tableBuffers(part.table) };
    },
  };
});
