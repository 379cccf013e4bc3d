import { chunkHandler, type ChunkServer } from '../studio/workers/serveChunks.ts';
import type { PoolReply, PoolRequest } from '../studio/workers/workerPool.ts';

/**
 * Workers for pool tests that run the real worker-side code when the test says so: messages
 * queue up until `deliver` runs them, last in first out, so that chunks come back out of order
 * as they do from real workers.
 */
export function fakeWorkers<Init, Ready, Part>(setup: (init: Init) => ChunkServer<Ready, Part>) {
  const queue: (() => void)[] = [];
  let terminated = 0;
  const create = () => {
    const handle = chunkHandler(setup);
    const worker = {
      onmessage: null as ((e: MessageEvent<PoolReply<Ready, Part>>) => void) | null,
      onerror: null,
      postMessage(msg: PoolRequest<Init>) {
        queue.push(() => {
          const { reply } = handle(msg);
          worker.onmessage?.({ data: reply } as MessageEvent<PoolReply<Ready, Part>>);
        });
      },
      terminate() {
        terminated++;
      },
    };
    return worker as unknown as Worker;
  };
  const deliver = () => {
    while (queue.length > 0) queue.pop()?.();
  };
  return { create, deliver, terminated: () => terminated };
}
