import { parentPort, workerData } from 'node:worker_threads';
import { compilePack } from '../../engine/index.ts';
import type { ChunkReply, ChunkRequest, WorkerSetup } from './protocol.ts';
import { createRowEvaluator } from './rowEvaluator.ts';

// A worker thread of `suitability evaluate --workers N`: compiles the pack once, then answers
// each slice of records with its output text and problems.
const setup = workerData as WorkerSetup;
const run = createRowEvaluator(setup, compilePack(setup.pack), () => performance.now());
const port = parentPort;
if (!port) throw new Error('evaluateWorker runs as a worker thread');
port.on('message', ({ seq, records }: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = { seq, outcome: run(records) };
  } catch (e) {
    reply = { seq, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
