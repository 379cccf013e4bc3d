/**
 * Population analysis figures: the studio's worker loop (profiling clients for the what-if) on
 * one thread and in Node worker threads, against plain evaluation; and the time of one what-if
 * update (a moved band boundary) on 100,000 clients, as a drag produces them.
 * Run alone: `tsx test/bench/whatIf.ts [clients]`; `npm run bench -- --only whatif` runs it too.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Pack } from '../../src/domain/index.ts';
import {
  compilePack,
  countWhatIf,
  createWhatIfBuilder,
  evaluate,
  type WhatIfTable,
} from '../../src/engine/index.ts';
import { createChunkRunner } from '../../src/studio/workers/populationChunk.ts';
import type { ChunkTask } from '../../src/studio/workers/populationProtocol.ts';
import type { PopulationConfig } from '../../src/engine/population/population.ts';
import { createPopulation } from '../../src/engine/population/population.ts';
import { num, printTable } from './measure.ts';
import { csrcPopulationConfig, loadCsrcPack } from './workload.ts';

const CHUNK = 2_000;
type Band = { level: string; min: number; max: number };
type Setup = { whatIfBench: true; pack: Pack; classifyId: string };

/** A worker thread running the studio worker's loop: chunks in, typed-array tables out. */
function workerMain(setup: Setup) {
  const runner = createChunkRunner(setup.pack, setup.classifyId);
  parentPort?.on('message', (task: ChunkTask) => {
    const { table } = runner.run(task);
    const buffers = [table.scores, table.floors, table.caps, table.classes];
    parentPort?.postMessage(
      { offset: task.offset, table },
      [...buffers, table.classOutcomes, table.classFlags].map((a) => a.buffer as ArrayBuffer),
    );
  });
}

function startWorker(setup: Setup): Worker {
  const self = JSON.stringify(import.meta.url);
  // Worker threads do not inherit tsx's hooks: register them, then load this same module.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${self}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** Evaluates `count` generated clients in `size` worker threads; resolves with the merged table. */
async function inThreads(
  setup: Setup,
  config: PopulationConfig,
  count: number,
  size: number,
): Promise<{ table: WhatIfTable; ms: number }> {
  const runner = createChunkRunner(setup.pack, setup.classifyId);
  const builder = createWhatIfBuilder(runner.shape, count);
  const workers = Array.from({ length: size }, () => startWorker(setup));
  const tasks: ChunkTask[] = [];
  for (let offset = 0, id = 0; offset < count; offset += CHUNK, id++)
    tasks.push({ id, offset, count: Math.min(CHUNK, count - offset), generate: config });
  // Workers start (tsx, compile) before the clock: the studio keeps its pool for a whole run too.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((ok) => {
          w.once('message', () => ok());
          w.postMessage({ id: -1, offset: 0, count: 1, generate: config });
        }),
    ),
  );
  const start = performance.now();
  let next = 0;
  let done = 0;
  await new Promise<void>((finish) => {
    for (const w of workers) {
      w.on('message', (msg: { offset: number; table: WhatIfTable }) => {
        builder.merge(msg.table, msg.offset);
        done += msg.table.n;
        const task = tasks[next++];
        if (task) w.postMessage(task);
        else if (done >= count) finish();
      });
      const task = tasks[next++];
      if (task) w.postMessage(task);
    }
  });
  const ms = performance.now() - start;
  await Promise.all(workers.map((w) => w.terminate()));
  return { table: builder.table(), ms };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/**
 * Drags each boundary across its neighbours' range in unit steps, timing every update: wall time,
 * and CPU time of the process, which a busy machine's scheduling does not inflate.
 */
function timeUpdates(table: WhatIfTable, bands: Band[]): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 3; round++)
    for (let j = 0; j + 1 < bands.length; j++) {
      const lo = (bands[j] as Band).min;
      const hi = (bands[j + 1] as Band).max;
      for (let at = lo; at < hi; at++) {
        const moved = bands.map((b, k) =>
          k === j ? { ...b, max: at } : k === j + 1 ? { ...b, min: at + 1 } : b,
        );
        const start = performance.now();
        const startCpu = cpuMicros();
        countWhatIf(table, moved, bands);
        cpu.push((cpuMicros() - startCpu) / 1000);
        wall.push(performance.now() - start);
      }
    }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

export async function runWhatIfBench(pack: Pack, clients = 100_000): Promise<void> {
  const compiled = compilePack(pack);
  const classifyId = 'classify';
  const config = csrcPopulationConfig(20260601);
  const setup: Setup = { whatIfBench: true, pack, classifyId };
  const inputs = createPopulation(pack, config).take(Math.min(clients, 20_000));

  const runner = createChunkRunner(pack, classifyId);
  runner.run({ id: 0, offset: 0, count: CHUNK, generate: config }); // warm-up
  let start = performance.now();
  for (const input of inputs) evaluate(compiled, input, { rationale: false });
  const evalMs = performance.now() - start;
  start = performance.now();
  const builder = createWhatIfBuilder(runner.shape, inputs.length);
  for (let offset = 0; offset < inputs.length; offset += CHUNK) {
    const count = Math.min(CHUNK, inputs.length - offset);
    builder.merge(
      runner.run({ id: 0, offset, count, clients: inputs.slice(offset, offset + count) }).table,
      offset,
    );
  }
  const profileMs = performance.now() - start;
  const rows: string[][] = [
    [
      'evaluate (no rationale), this thread',
      num(inputs.length),
      num((inputs.length / evalMs) * 1000),
    ],
    [
      'what-if profile (worker loop), this thread',
      num(inputs.length),
      num((inputs.length / profileMs) * 1000),
    ],
  ];
  let table: WhatIfTable | undefined;
  for (const size of [1, 2]) {
    const run = await inThreads(setup, config, clients, size);
    table = run.table;
    rows.push([
      `worker loop in ${size} worker thread(s), generated clients`,
      num(clients),
      num((clients / run.ms) * 1000),
    ]);
  }
  printTable(
    'Population evaluation (CSRC, 33 products, 5 levels)',
    ['run', 'clients', 'clients/s'],
    rows,
  );
  if (!table) return;

  const node = pack.graph.nodes.find((n) => n.id === classifyId);
  const bands = node?.kind === 'classify' ? node.config.bands : [];
  const first = performance.now();
  countWhatIf(table, bands, bands);
  const firstMs = performance.now() - first;
  const { wall, cpu } = timeUpdates(table, bands);
  const row = (label: string, q: number) => [
    label,
    num(quantile(wall, q), 2),
    num(quantile(cpu, q), 2),
  ];
  printTable(
    `What-if update on ${num(table.n)} clients (${num(table.classCount)} outcome classes), ${num(wall.length)} boundary moves`,
    ['measure', 'wall ms', 'CPU ms'],
    [
      ['first update (groups the clients once)', num(firstMs, 2), ''],
      row('median', 0.5),
      row('p95', 0.95),
      row('max', 1),
    ],
  );
}

if (!isMainThread && (workerData as Setup | undefined)?.whatIfBench)
  workerMain(workerData as Setup);
else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url))
  await runWhatIfBench(loadCsrcPack(), Number(process.argv[2] ?? 100_000));
