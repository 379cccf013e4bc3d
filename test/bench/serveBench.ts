import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { EvaluationInput, Pack } from '../../src/domain/index.ts';
import { openDb } from '../../src/server/db/index.ts';
import type { createPopulation } from '../../src/engine/population/population.ts';
import { num, printTable } from './measure.ts';

const CLI = fileURLToPath(new URL('../../bin/suitability.mjs', import.meta.url));

type Server = { child: ChildProcess; url: string; dir: string };

/** `suitability serve --packs DIR` in a child process (records on, embedded PGlite in DIR/data). */
async function startServer(pack: Pack, dir: string): Promise<Server> {
  writeFileSync(join(dir, 'packs', 'cn-csrc-2017.json'), JSON.stringify(pack));
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--packs',
      join(dir, 'packs'),
      '--data',
      join(dir, 'data'),
      '--port',
      '0',
      '--allow-anonymous',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LANG: 'en' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  child.stdout!.resume();
  return { child, url, dir };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

type Run = {
  label: string;
  result: autocannon.Result;
  perRequest: number;
  load: number[];
  /** CPU seconds the server process used during the run. */
  cpu: number;
};

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function cannon(
  url: string,
  requests: autocannon.Request[],
  opts: { connections: number; seconds: number },
  during?: () => void,
): Promise<{ result: autocannon.Result; load: number[] }> {
  const load: number[] = [];
  const sampler = setInterval(() => load.push(loadavg()[0]!), 1000);
  if (during) setTimeout(during, (opts.seconds * 1000) / 2);
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: opts.connections, duration: opts.seconds, requests },
      (err, result) => {
        clearInterval(sampler);
        if (err) reject(err);
        else resolve({ result, load });
      },
    );
  });
}

const decisionRequests = (inputs: EvaluationInput[]): autocannon.Request[] =>
  inputs.map((input) => ({
    method: 'POST',
    path: '/v1/decisions/cn-csrc-2017',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }));

/**
 * After `kill -9` under load, every decision answered 200 must have its record: fires decisions
 * from `concurrency` loops, kills the server while they are in flight, then looks the ids up.
 */
async function killNineCheck(pack: Pack, inputs: EvaluationInput[], dir: string) {
  const server = await startServer(pack, dir);
  const ids: string[] = [];
  let stopped = false;
  const loop = async (k: number) => {
    for (let i = k; !stopped; i += 16) {
      try {
        const res = await fetch(`${server.url}/v1/decisions/cn-csrc-2017`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(inputs[i % inputs.length]),
        });
        if (res.status === 200) ids.push(((await res.json()) as { decisionId: string }).decisionId);
      } catch {
        return;
      }
    }
  };
  const loops = Array.from({ length: 16 }, (_, k) => loop(k));
  while (ids.length < 1000) await new Promise((r) => setTimeout(r, 50));
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGKILL');
  stopped = true;
  await exited;
  await Promise.all(loops);
  const databaseUrl = process.env.DATABASE_URL;
  const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM decision_records WHERE id = ANY($1::text[])',
    [ids],
  );
  await db.close();
  return { answered: ids.length, recorded: rows.length };
}

/** The decision service under HTTP load (autocannon), records on, CSRC pack. */
export async function runServeBench(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  seconds: number,
): Promise<void> {
  const inputs = population.take(500);
  const dir = mkdtempSync(join(tmpdir(), 'serve-bench-'));
  mkdirSync(join(dir, 'packs'));
  const runs: Run[] = [];
  try {
    const server = await startServer(pack, dir);
    const pid = server.child.pid!;
    const measured = async (...args: Parameters<typeof cannon>) => {
      const before = cpuSeconds(pid);
      const run = await cannon(...args);
      // Requests still in flight when the run stops finish before the next run starts.
      await fetch(`${server.url}/readyz`);
      return { ...run, cpu: cpuSeconds(pid) - before };
    };
    // Warm-up, not reported.
    await cannon(server.url, decisionRequests(inputs.slice(0, 50)), { connections: 8, seconds: 2 });
    for (const connections of [16, 64]) {
      const { result, load, cpu } = await measured(server.url, decisionRequests(inputs), {
        connections,
        seconds,
      });
      runs.push({ label: `single, ${connections} connections`, result, perRequest: 1, load, cpu });
    }
    const lines = 200;
    const body = `${inputs
      .slice(0, lines)
      .map((i) => JSON.stringify(i))
      .join('\n')}\n`;
    const batch = await measured(
      server.url,
      [
        {
          method: 'POST',
          path: '/v1/decisions/cn-csrc-2017/batch',
          headers: { 'content-type': 'application/x-ndjson' },
          body,
        },
      ],
      { connections: 2, seconds },
    );
    runs.push({ label: `batch of ${lines} lines, 2 connections`, ...batch, perRequest: lines });
    const next = { ...pack, version: '1.0.1' };
    const publish = await measured(
      server.url,
      decisionRequests(inputs),
      { connections: 16, seconds },
      () => writeFileSync(join(dir, 'packs', 'cn-csrc-2017-1.0.1.json'), JSON.stringify(next)),
    );
    runs.push({
      label: 'single, 16 connections, 1.0.1 published mid-run',
      ...publish,
      perRequest: 1,
    });
    const served = (await (await fetch(`${server.url}/v1/packs`)).json()) as {
      packs: { packId: string; version: string }[];
    };
    console.log(
      `\nafter the mid-run publish the service serves: ${served.packs.map((p) => `${p.packId} ${p.version}`).join(', ')}`,
    );
    await stop(server);

    printTable(
      `Decision service (serve --packs, records on in ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}), ${seconds} s per run`,
      [
        'run',
        'decisions/s',
        'requests/s',
        'p50 ms',
        'p99 ms',
        'non-2xx',
        'errors',
        'server CPU ms / decision',
        'load avg (1 min) during',
      ],
      runs.map((r) => [
        r.label,
        num(r.result.requests.average * r.perRequest),
        num(r.result.requests.average),
        num(r.result.latency.p50, 1),
        num(r.result.latency.p99, 1),
        num(r.result.non2xx),
        num(r.result.errors + r.result.timeouts),
        num((r.cpu * 1000) / Math.max(1, r.result.requests.total * r.perRequest), 2),
        r.load.length ? `${num(Math.min(...r.load), 1)}-${num(Math.max(...r.load), 1)}` : '-',
      ]),
    );

    rmSync(join(dir, 'data'), { recursive: true, force: true });
    rmSync(join(dir, 'packs', 'cn-csrc-2017-1.0.1.json'));
    const kill = await killNineCheck(pack, inputs, dir);
    console.log(
      `\nkill -9 under load: ${num(kill.answered)} decisions answered 200 before the kill, ${num(kill.recorded)} of them found in the records after restart${kill.recorded === kill.answered ? ' (all)' : ' (MISSING RECORDS)'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
