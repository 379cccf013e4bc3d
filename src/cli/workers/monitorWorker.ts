import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkReply } from './protocol.ts';
import {
  createMonitorSlicer,
  type MonitorRequest,
  type MonitorWorkerSetup,
} from './monitorSlice.ts';
import type { MonitorPart } from '../../engine/index.ts';

// A worker thread of `suitability monitor --workers N`: compiles the packs once, then answers
// each slice of clients with the part of the work lists it found.
const run = createMonitorSlicer(workerData as MonitorWorkerSetup);
const port = parentPort;
if (!port) throw new Error('monitorWorker runs as a worker thread');
port.on('message', ({ seq, ...request }: MonitorRequest & { seq: number }) => {
  let reply: ChunkReply<MonitorPart>;
  try {
    reply = { seq, outcome: run(request) };
  } catch (e) {
    reply = { seq, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
