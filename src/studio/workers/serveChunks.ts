/// <reference lib="webworker" />
import type { LocalizedText } from '../../domain/index.ts';
import { PackInvalidError } from '../../engine/index.ts';
import type { ChunkTask, PoolReply, PoolRequest } from './workerPool.ts';

/** What a pooled worker does with its `init`: what to answer, and how to run each chunk. */
export type ChunkServer<Ready, Part> = {
  ready: Ready;
  run: (task: ChunkTask) => { part: Part; transfer?: ArrayBuffer[] };
};

/** Why a worker cannot go on, in words: a pack that does not compile names its first problem. */
export function failureOf(e: unknown): LocalizedText {
  if (e instanceof PackInvalidError)
    return e.problems[0]?.message ?? { 'zh-CN': e.message, en: e.message };
  return { 'zh-CN': `评估失败：${String(e)}`, en: `evaluation failed: ${String(e)}` };
}

/**
 * The worker side of `runPool`, without the worker: one `init` (its server is kept for the
 * worker's life), then one part per chunk. Any failure becomes the answer, never a throw.
 */
export function chunkHandler<Init, Ready, Part>(setup: (init: Init) => ChunkServer<Ready, Part>) {
  let server: ChunkServer<Ready, Part> | undefined;
  return (msg: PoolRequest<Init>): { reply: PoolReply<Ready, Part>; transfer: ArrayBuffer[] } => {
    try {
      if (msg.type === 'init') {
        server = setup(msg);
        return { reply: { type: 'ready', ...server.ready }, transfer: [] };
      }
      if (!server) throw new Error('chunk before init');
      const { part, transfer = [] } = server.run(msg);
      return { reply: { type: 'chunk', id: msg.id, offset: msg.offset, ...part }, transfer };
    } catch (e) {
      return { reply: { type: 'failed', message: failureOf(e) }, transfer: [] };
    }
  };
}

/** Answers the pool's messages in this worker. */
export function serveChunks<Init, Ready, Part>(setup: (init: Init) => ChunkServer<Ready, Part>) {
  const handle = chunkHandler(setup);
  self.onmessage = (event: MessageEvent<PoolRequest<Init>>) => {
    const { reply, transfer } = handle(event.data);
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
  };
}
