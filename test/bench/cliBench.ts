import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../src/domain/index.ts';
import type { createPopulation } from '../../src/engine/population/population.ts';
import { inputCsv } from './csvRows.ts';
import { mib, num, printTable } from './measure.ts';
import { CSRC_PACK_PATH, LARGE } from './workload.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Writes `rows` clients as CSV once; a sidecar says what the file holds so that reruns reuse it. */
export async function ensureCsv(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  rows: number,
) {
  mkdirSync(LARGE, { recursive: true });
  const path = join(LARGE, `csrc-${rows}.csv`);
  const stamp = `${path}.json`;
  const want = JSON.stringify({ pack: pack.id, version: pack.version, rows, seed: 20260601 });
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return path;
  const start = performance.now();
  const csv = inputCsv(pack);
  const out = createWriteStream(path);
  out.write(csv.header);
  for (let i = 0; i < rows; i += 1000) {
    const text = population
      .take(Math.min(1000, rows - i), i)
      .map(csv.row)
      .join('');
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(stamp, want);
  console.log(
    `generated ${path} (${mib(statSync(path).size)}) in ${num((performance.now() - start) / 1000, 1)} s`,
  );
  return path;
}

/** Runs the real binary under /usr/bin/time for wall time and peak RSS (all threads). */
export function timeCli(
  args: string[],
): Promise<{ seconds: number; rssKb: number; cpu: number; code: number | null; tail: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%e %M %U %S', process.execPath, join(ROOT, 'bin/suitability.mjs'), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const lines = err.trim().split('\n');
      const [seconds = 'NaN', rss = 'NaN', user = 'NaN', sys = 'NaN'] = (lines.at(-1) ?? '').split(
        ' ',
      );
      done({
        seconds: Number(seconds),
        rssKb: Number(rss),
        cpu: Number(user) + Number(sys),
        code,
        tail: lines.slice(-3, -1).join(' / '),
      });
    });
  });
}

export async function runCliBench(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  rows: number,
): Promise<void> {
  const input = await ensureCsv(pack, population, rows);
  const rowsOut: string[][] = [];
  // 0 is this thread, through the same row pipeline as the workers.
  for (const workers of [0, 1, 2]) {
    const out = join(tmpdir(), `suitability-bench-${process.pid}-${workers}.csv`);
    // The machine may be shared: say how busy it was, and count CPU time as well as wall time.
    const load = loadavg()
      .slice(0, 1)
      .map((l) => num(l, 1))
      .join('');
    const r = await timeCli([
      'evaluate',
      CSRC_PACK_PATH,
      '--input',
      input,
      '--out',
      out,
      '--format',
      'csv',
      '--workers',
      String(workers),
    ]);
    rmSync(out, { force: true });
    rowsOut.push([
      `${workers}`,
      num(rows),
      `${num(r.seconds, 1)} s`,
      num(rows / r.seconds),
      `${num(r.cpu, 1)} s`,
      num((r.cpu * 1e6) / rows, 1),
      mib(r.rssKb * 1024),
      `${load} → ${num(loadavg()[0] ?? 0, 1)}`,
      r.code === 0 ? 'ok' : `exit ${r.code}: ${r.tail}`,
    ]);
  }
  printTable(
    `CLI end to end: suitability evaluate, ${num(rows)}-row CSV in, CSV out (${pack.products.items.length} verdict columns)`,
    [
      'workers',
      'rows',
      'wall time',
      'rows/s (wall)',
      'CPU time',
      'CPU µs/row',
      'peak RSS',
      'load (uptime 1-min, start → end)',
      'exit',
    ],
    rowsOut,
  );
}
