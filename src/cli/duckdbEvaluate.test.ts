import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../domain/index.ts';
import { compilePack, evaluate, EvaluationError, exportSql } from '../engine/index.ts';
import { inputCsv } from '../../test/bench/csvRows.ts';
import { diverseClients } from '../testing/diversePopulation.ts';
import { loadStarterPack, starterPackNames } from '../testing/starterPackFiles.ts';
import { evaluateWithDuckdb } from './duckdbEvaluate.ts';
import { csvWriter } from './formats.ts';
import { readRecords, recordReader } from './readers.ts';

const dir = mkdtempSync(join(tmpdir(), 'suitability-duckdb-'));

describe.each(starterPackNames)('evaluate --engine duckdb on %s', (file) => {
  const pack = loadStarterPack(file);
  const exportable = exportSql(pack, 'duckdb').unsupported.length === 0;

  it.runIf(!exportable)(
    'refuses the pack, naming what SQL cannot express at its path',
    async () => {
      const outcome = await evaluateWithDuckdb({
        pack,
        input: join(dir, 'none.csv'),
        out: join(dir, 'none-out.csv'),
        format: 'csv',
        date: undefined,
        threads: 1,
      });
      expect(outcome.unsupported.length).toBeGreaterThan(0);
      for (const p of outcome.unsupported) expect(p.path).toMatch(/^\$\.graph\.nodes\[\d+\]/);
    },
  );

  it.runIf(exportable)(
    'writes the CLI’s rows for 10,000 seeded clients, and the engine’s code where it refuses',
    async () => {
      const compiled = compilePack(pack);
      const seed = [...pack.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);
      // Unanswered questions, expired, due and future assessments, both initiators, edge values and
      // broken inputs (diversePopulation.ts); `clientId` is the position.
      const clients = diverseClients(pack, seed, 10_000) as EvaluationInput[];
      const csv = inputCsv(pack);
      const input = join(dir, `${pack.id}.csv`);
      writeFileSync(
        input,
        csv.header + clients.map((c, i) => csv.row({ ...c, clientId: String(i) })).join(''),
      );
      const out = join(dir, `${pack.id}-out.csv`);
      const outcome = await evaluateWithDuckdb({
        pack,
        input,
        out,
        format: 'csv',
        date: undefined,
        threads: 1,
      });
      expect(outcome.unsupported).toEqual([]);

      // The expected rows: the same CSV through the CLI's reader and the engine.
      const writer = csvWriter(pack);
      const { header, records } = await readRecords(input, pack, undefined);
      const itemOf = recordReader(pack, header, undefined);
      const expected: { row?: string; code?: string; unreadable?: true }[] = [];
      for await (const record of records) {
        const item = itemOf(record);
        if ('error' in item) {
          expected.push({ unreadable: true });
          continue;
        }
        try {
          const result = evaluate(compiled, item.input, { rationale: false });
          expected.push({ row: writer.row(item.input, result).trimEnd() });
        } catch (e) {
          if (!(e instanceof EvaluationError)) throw e;
          expected.push({ code: e.code });
        }
      }
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(`${writer.header.trimEnd()},error`);
      const rows = lines.slice(1);
      expect(rows.length).toBe(clients.length);
      let differences = 0;
      let first: unknown;
      const codes = new Set<string>();
      for (const [i, line] of rows.entries()) {
        const code = line.slice(line.lastIndexOf(',') + 1);
        const want = expected[i] as (typeof expected)[number];
        const ok = want.row
          ? code === '' && line.slice(0, line.lastIndexOf(',')) === want.row
          : want.code
            ? code === want.code
            : code.startsWith('input.');
        if (code) codes.add(code);
        if (!ok) {
          differences++;
          first ??= { client: clients[i], want, got: line };
        }
      }
      expect(first).toBeUndefined();
      expect(differences).toBe(0);
      expect(outcome.failed).toBe(expected.filter((e) => !e.row).length);
      // The population reaches refusals of several kinds, not only one.
      expect(codes.size).toBeGreaterThan(2);
    },
    300_000,
  );

  it.runIf(exportable)('reads Parquet and writes Parquet with the same verdicts', async () => {
    const clients = diverseClients(pack, 11, 500) as EvaluationInput[];
    const csv = inputCsv(pack);
    const input = join(dir, `${pack.id}-small.csv`);
    writeFileSync(
      input,
      csv.header + clients.map((c, i) => csv.row({ ...c, clientId: String(i) })).join(''),
    );
    const viaCsv = join(dir, `${pack.id}-small-out.csv`);
    const parquet = join(dir, `${pack.id}-small-out.parquet`);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    // Parquet with the types DuckDB detects (DOUBLE, BOOLEAN, DATE, text where a cell is broken).
    const typedInput = join(dir, `${pack.id}-small.parquet`);
    await c.run(`COPY (SELECT * FROM read_csv('${input}', header = true)) TO '${typedInput}'`);
    const run = { pack, date: undefined, threads: 1 } as const;
    const a = await evaluateWithDuckdb({ ...run, input, out: viaCsv, format: 'csv' });
    const b = await evaluateWithDuckdb({
      ...run,
      input: typedInput,
      out: parquet,
      format: 'parquet',
    });
    expect([b.evaluated, b.failed]).toEqual([a.evaluated, a.failed]);
    const product = pack.products.items[0]?.id as string;
    const differ = await c.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet('${parquet}') p JOIN read_csv('${viaCsv}', all_varchar = true) v USING ("clientId") WHERE p."${product}" IS DISTINCT FROM v."${product}" OR p."error" IS DISTINCT FROM v."error"`,
    );
    expect(Number(differ.getRowObjectsJS()[0]?.['n'])).toBe(0);
    c.closeSync();
    db.closeSync();
  });
});
