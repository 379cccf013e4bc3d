/// <reference lib="webworker" />
import { PackInvalidError } from '../../engine/index.ts';
import { createChunkRunner } from './populationChunk.ts';
import { tableBuffers, type FromWorker, type ToWorker } from './populationProtocol.ts';

// One pack per worker: the pool sends `init` once, then chunks until it terminates the worker.
let runner: ReturnType<typeof createChunkRunner> | undefined;

function post(message: FromWorker, transfer: ArrayBuffer[] = []) {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      runner = createChunkRunner(msg.pack, msg.classifyId);
      post({ type: 'ready', shape: runner.shape });
      return;
    }
    if (!runner) throw new Error('chunk before init');
    const { table, errors } = runner.run(msg);
    post({ type: 'chunk', id: msg.id, offset: msg.offset, table, errors }, tableBuffers(table));
  } catch (e) {
    const text =
      e instanceof PackInvalidError
        ? (e.problems[0]?.message ?? { 'zh-CN': e.message, en: e.message })
        : { 'zh-CN': `评估失败：${String(e)}`, en: `evaluation failed: ${String(e)}` };
    post({ type: 'failed', message: text });
  }
};
