import type { EvaluationInputDraft, LocalizedText, Pack } from '../../domain/index.ts';
import { createWhatIfBuilder, type WhatIfShape, type WhatIfTable } from '../../engine/index.ts';
import type { PopulationConfig } from '../../testing/population.ts';
import type { ChunkTask, ClientError, FromWorker, ToWorker } from './populationProtocol.ts';

/** Clients per message: small enough for a smooth progress bar, large enough to amortize posting. */
export const CHUNK_SIZE = 2_000;
/** More workers than this only compete for memory bandwidth on ordinary machines. */
export const MAX_WORKERS = 8;

export type PopulationSource =
  | { kind: 'generated'; config: PopulationConfig; count: number }
  | { kind: 'clients'; clients: EvaluationInputDraft[] };

export type PoolCallbacks = {
  onProgress: (done: number, total: number) => void;
  /** `errors` holds the first failing clients; the table counts them all (class -1). */
  onDone: (result: { table: WhatIfTable; errors: ClientError[] }) => void;
  onFailed: (message: LocalizedText) => void;
};

export type PoolRun = { cancel: () => void };

export function poolSize(total: number): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(cores, MAX_WORKERS, Math.ceil(total / CHUNK_SIZE)));
}

function chunksOf(source: PopulationSource): ChunkTask[] {
  const total = source.kind === 'generated' ? source.count : source.clients.length;
  const tasks: ChunkTask[] = [];
  for (let offset = 0, id = 0; offset < total; offset += CHUNK_SIZE, id++) {
    const count = Math.min(CHUNK_SIZE, total - offset);
    tasks.push(
      source.kind === 'generated'
        ? { id, offset, count, generate: source.config }
        : { id, offset, count, clients: source.clients.slice(offset, offset + count) },
    );
  }
  return tasks;
}

/**
 * Evaluates a population in a pool of module workers. Chunks go to whichever worker is free and
 * come back as typed arrays that are merged as they arrive; cancel terminates the workers.
 */
export function runPopulation(
  pack: Pack,
  classifyId: string,
  source: PopulationSource,
  callbacks: PoolCallbacks,
  createWorker: () => Worker = () =>
    new Worker(new URL('./populationWorker.ts', import.meta.url), { type: 'module' }),
): PoolRun {
  const tasks = chunksOf(source);
  const total = tasks.reduce((s, t) => s + t.count, 0);
  const workers: Worker[] = [];
  const errors: ClientError[] = [];
  let builder: ReturnType<typeof createWhatIfBuilder> | undefined;
  let next = 0;
  let done = 0;
  let over = false;

  const stop = () => {
    over = true;
    for (const w of workers) w.terminate();
  };
  const send = (w: Worker) => {
    const task = tasks[next++];
    if (task) w.postMessage({ type: 'chunk', ...task } satisfies ToWorker);
  };
  const start = (shape: WhatIfShape) => {
    builder ??= createWhatIfBuilder(shape, total);
  };

  const onMessage = (w: Worker, msg: FromWorker) => {
    if (over) return;
    if (msg.type === 'failed') {
      stop();
      callbacks.onFailed(msg.message);
      return;
    }
    if (msg.type === 'ready') {
      start(msg.shape);
      send(w);
      return;
    }
    builder?.merge(msg.table, msg.offset);
    for (const e of msg.errors) if (errors.length < 1_000) errors.push(e);
    done += msg.table.n;
    callbacks.onProgress(done, total);
    if (done >= total && builder) {
      stop();
      errors.sort((a, b) => a.index - b.index);
      callbacks.onDone({ table: builder.table(), errors });
    } else send(w);
  };

  if (total === 0) {
    queueMicrotask(() => callbacks.onFailed({ 'zh-CN': '没有客户', en: 'No clients' }));
    return { cancel: () => {} };
  }
  for (let i = 0; i < poolSize(total); i++) {
    const w = createWorker();
    workers.push(w);
    w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(w, e.data);
    w.onerror = (e) => {
      if (over) return;
      stop();
      callbacks.onFailed({
        'zh-CN': `后台线程出错：${e.message}`,
        en: `worker error: ${e.message}`,
      });
    };
    w.postMessage({ type: 'init', pack, classifyId } satisfies ToWorker);
  }
  return { cancel: stop };
}
