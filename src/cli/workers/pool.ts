import { Worker } from 'node:worker_threads';
import type { ChunkOutcome, ChunkReply, RawRecord, WorkerSetup } from './protocol.ts';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

type Pending<O> = { resolve: (o: O) => void; reject: (e: Error) => void };

/**
 * A fixed set of workers; `run` hands a slice to one of them, round robin. By default the evaluate
 * workers; another worker script (`url`) answers `{ seq, ...request }` with `{ seq, outcome }`.
 */
export function createPool<S = WorkerSetup, Q = { records: RawRecord[] }, O = ChunkOutcome>(
  size: number,
  setup: S,
  url: URL = WORKER_URL,
) {
  const pending = new Map<number, Pending<O>>();
  let seq = 0;
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url, { workerData: setup });
    w.on('message', (reply: ChunkReply<O>) => {
      const p = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (!p) return;
      if ('crash' in reply) p.reject(new Error(`evaluate worker failed: ${reply.crash}`));
      else p.resolve(reply.outcome);
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`evaluate worker stopped (exit code ${code})`));
    });
    return w;
  });
  return {
    run(request: Q): Promise<O> {
      if (failure) return Promise.reject(failure);
      const id = seq++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        (workers[id % size] as Worker).postMessage({ seq: id, ...request });
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Maps slices through `run` with at most `inFlight` slices under way, yielding the outcomes in
 * input order. Slices are pulled only when a place is free, so a slow consumer (a full output
 * stream) holds the reader back and memory stays bounded by `inFlight` slices.
 */
export async function* inOrder<T, R>(
  slices: AsyncIterable<T>,
  run: (slice: T) => Promise<R>,
  inFlight: number,
): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  const source = slices[Symbol.asyncIterator]();
  let done = false;
  for (;;) {
    while (!done && queue.length < inFlight) {
      const next = await source.next();
      if (next.done) done = true;
      else {
        const p = run(next.value);
        // Awaited in order below; meanwhile a later failure must not count as unhandled.
        p.catch(() => {});
        queue.push(p);
      }
    }
    const head = queue.shift();
    if (!head) return;
    yield await head;
  }
}
