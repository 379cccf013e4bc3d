import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Pack } from '../../src/domain/index.ts';
import { csvWriter } from '../../src/cli/formats.ts';
import { compilePack, evaluate } from '../../src/engine/index.ts';
import type { createPopulation } from '../../src/engine/population/population.ts';
import { timeCli } from './cliBench.ts';
import { inputCsv } from './csvRows.ts';
import { mib, num, printTable } from './measure.ts';
import { CSRC_PACK_PATH, LARGE } from './workload.ts';

const SAMPLE = 100_000;
/** `uptime`'s load averages, to print beside a figure on a shared machine. */
export const uptime = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load/, 'load');

/**
 * A Parquet file of `copies` x 100,000 seeded clients, written by DuckDB from the CSV of the
 * sample (types detected: DOUBLE, BOOLEAN, DATE, text); `clientId` is the row number.
 */
async function ensureParquet(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  copies: number,
) {
  mkdirSync(LARGE, { recursive: true });
  const csvPath = join(LARGE, `csrc-sample-${SAMPLE}.csv`);
  const path = join(LARGE, `csrc-${copies * SAMPLE}.parquet`);
  const stamp = `${path}.json`;
  const want = JSON.stringify({ pack: pack.id, version: pack.version, copies, seed: 20260601 });
  const csv = inputCsv(pack);
  const sample = population.take(SAMPLE).map((c, i) => ({ ...c, clientId: String(i) }));
  if (!(existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want)) {
    const start = performance.now();
    writeFileSync(csvPath, csv.header + sample.map(csv.row).join(''));
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT s.* REPLACE (CAST(k.range * ${SAMPLE} + s."clientId" AS VARCHAR) AS "clientId") FROM read_csv('${csvPath}', header = true) s, range(${copies}) k) TO '${path}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    writeFileSync(stamp, want);
    console.log(
      `generated ${path} (${mib(statSync(path).size)}) in ${num((performance.now() - start) / 1000, 1)} s with DuckDB`,
    );
  }
  return { path, sample };
}

/**
 * `evaluate --engine duckdb` end to end on 10,000,000 clients from Parquet to Parquet, then the
 * first 100,000 rows of the output checked against the engine, field by field.
 */
export async function runDuckdbBench(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  rows: number,
): Promise<void> {
  const copies = Math.max(1, Math.round(rows / SAMPLE));
  const { path, sample } = await ensureParquet(pack, population, copies);
  const out = join(tmpdir(), `suitability-bench-${process.pid}.parquet`);
  const loadStart = uptime();
  const r = await timeCli([
    'evaluate',
    CSRC_PACK_PATH,
    '--input',
    path,
    '--out',
    out,
    '--engine',
    'duckdb',
  ]);
  const loadEnd = uptime();

  // The sample against the engine: every column of the CLI's CSV, as text.
  const compiled = compilePack(pack);
  const writer = csvWriter(pack);
  const header = writer.header.trimEnd().split(',');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const got = (
    await c.runAndReadAll(
      `SELECT * FROM read_parquet('${out}') WHERE CAST("clientId" AS BIGINT) < ${SAMPLE} ORDER BY CAST("clientId" AS BIGINT)`,
    )
  ).getRowObjectsJS();
  c.closeSync();
  db.closeSync();
  rmSync(out, { force: true });
  let differences = 0;
  let first = '';
  const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  for (const [i, input] of sample.entries()) {
    const result = evaluate(compiled, input, { rationale: false });
    const want = writer.row(input, result).trimEnd();
    const row = got[i] ?? {};
    const line = header.map((h) => show(row[h])).join(',');
    if (line !== want || row['error'] !== null) {
      differences++;
      first ||= `client ${i}: ${line} vs ${want}`;
    }
  }
  printTable(
    `DuckDB: suitability evaluate --engine duckdb, ${num(copies * SAMPLE)} clients Parquet in, Parquet out`,
    [
      'rows',
      'wall time',
      'rows/s (wall)',
      'CPU time',
      'peak RSS',
      'load at start',
      'load at end',
      'sample vs engine',
      'exit',
    ],
    [
      [
        num(copies * SAMPLE),
        `${num(r.seconds, 1)} s`,
        num((copies * SAMPLE) / r.seconds),
        `${num(r.cpu, 1)} s`,
        mib(r.rssKb * 1024),
        loadStart,
        loadEnd,
        differences === 0
          ? `${num(SAMPLE)} identical`
          : `${num(differences)} of ${num(SAMPLE)} differ; ${first.slice(0, 300)}`,
        r.code === 0 ? 'ok' : `exit ${r.code}: ${r.tail}`,
      ],
    ],
  );
  console.log(
    `\n(${num(copies)} copies of ${num(SAMPLE)} seeded clients; DuckDB computes every row, it caches nothing between them.)`,
  );
}
