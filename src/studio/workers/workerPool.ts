import type { EvaluationInputDraft, LocalizedText } from '../../domain/index.ts';
import type { PopulationConfig } from '../../engine/index.ts';

/** More workers than this only compete for memory bandwidth on ordinary machines. */
export const MAX_WORKERS = 8;

/** Clients to evaluate: drawn by the seeded generator from their indexes, or sent as they are. */
export type ChunkTask = {
  id: number;
  offset: number;
  count: number;
  clients?: EvaluationInputDraft[];
  generate?: PopulationConfig;
};

export type PopulationSource =
  | { kind: 'generated'; config: PopulationConfig; count: number }
  | { kind: 'clients'; clients: EvaluationInputDraft[] };

/** What the pool posts: `init` once per worker, then chunks until it terminates the worker. */
export type PoolRequest<Init> = ({ type: 'init' } & Init) | ({ type: 'chunk' } & ChunkTask);

/** What a pooled worker answers: ready after `init`, a part per chunk, or why it cannot go on. */
export type PoolReply<Ready, Part> =
  | ({ type: 'ready' } & Ready)
  | { type: 'failed'; message: LocalizedText }
  | ({ type: 'chunk'; id: number; offset: number } & Part);

export type PoolRun = { cancel: () => void };

export function poolSize(total: number, chunkSize: number): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(cores, MAX_WORKERS, Math.ceil(total / chunkSize)));
}

export function sourceSize(source: PopulationSource): number {
  return source.kind === 'generated' ? source.count : source.clients.length;
}

export function chunksOf(source: PopulationSource, chunkSize: number): ChunkTask[] {
  const total = sourceSize(source);
  const tasks: ChunkTask[] = [];
  for (let offset = 0, id = 0; offset < total; offset += chunkSize, id++) {
    const count = Math.min(chunkSize, total - offset);
    tasks.push(
      source.kind === 'generated'
        ? { id, offset, count, generate: source.config }
        : { id, offset, count, clients: source.clients.slice(offset, offset + count) },
    );
  }
  return tasks;
}

export type PoolOptions<Init, Ready, Part> = {
  init: Init;
  tasks: readonly ChunkTask[];
  createWorker: () => Worker;
  /** Each worker's answer to `init`, before its first chunk. */
  onReady?: (ready: Ready) => void;
  /** A chunk's result, as it arrives: chunks come back in any order. */
  onPart: (part: { id: number; offset: number } & Part) => void;
  onProgress: (done: number, total: number) => void;
  onDone: () => void;
  onFailed: (message: LocalizedText) => void;
};

/**
 * Runs chunks in a pool of module workers: each worker gets `init`, then whichever chunk is next
 * when it is free. Progress counts the clients of the chunks back; cancel terminates the workers,
 * after which no callback runs.
 */
export function runPool<Init, Ready, Part>(options: PoolOptions<Init, Ready, Part>): PoolRun {
  const { tasks, createWorker } = options;
  const total = tasks.reduce((s, t) => s + t.count, 0);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let over = false;

  const stop = () => {
    over = true;
    for (const w of workers) w.terminate();
  };
  const send = (w: Worker) => {
    const task = tasks[next++];
    if (task) w.postMessage({ type: 'chunk', ...task } satisfies PoolRequest<Init>);
  };
  const onMessage = (w: Worker, msg: PoolReply<Ready, Part>) => {
    if (over) return;
    if (msg.type === 'failed') {
      stop();
      options.onFailed(msg.message);
      return;
    }
    if (msg.type === 'ready') {
      options.onReady?.(msg);
      send(w);
      return;
    }
    options.onPart(msg);
    done += tasks[msg.id]?.count ?? 0;
    options.onProgress(done, total);
    if (done >= total) {
      stop();
      options.onDone();
    } else send(w);
  };

  if (total === 0) {
    queueMicrotask(() => options.onFailed({ 'zh-CN': '没有客户', en: 'No clients' }));
    return { cancel: () => {} };
  }
  for (let i = 0; i < poolSize(total, tasks[0]?.count ?? total); i++) {
    const w = createWorker();
    workers.push(w);
    w.onmessage = (e: MessageEvent<PoolReply<Ready, Part>>) => onMessage(w, e.data);
    w.onerror = (e) => {
      if (over) return;
      stop();
      options.onFailed({
        'zh-CN': `后台线程出错：${e.message}`,
        en: `worker error: ${e.message}`,
      });
    };
    w.postMessage({ type: 'init', ...options.init } as PoolRequest<Init>);
  }
  return { cancel: stop };
}
