import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, Pack } from '../../../domain/index.ts';
import { inputCsv } from '../../../../test/bench/csvRows.ts';
import { inputHeader } from '../../../cli/inputColumns.ts';
import { diverseClients } from '../../../testing/diversePopulation.ts';
import { loadStarterPack, starterPackNames } from '../../../testing/starterPackFiles.ts';
import { compilePack, type CompiledPack } from '../../compilePack.ts';
import { evaluate } from '../../evaluate.ts';
import { EvaluationError } from '../../types.ts';
import { exportSql, inputColumns } from './exportSql.ts';

const dir = mkdtempSync(join(tmpdir(), 'suitability-sql-'));
const SQL_TYPES = { number: 'DOUBLE', boolean: 'BOOLEAN', text: 'VARCHAR', list: 'VARCHAR' };

const PG_TYPES = { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', text: 'TEXT', list: 'TEXT' };

/** The valid clients of a diverse population: the input check is the CLI's, before any SQL runs. */
function validClients(pack: Pack, compiled: CompiledPack, seed: number): EvaluationInput[] {
  return diverseClients(pack, seed, 10_000).filter((c) => {
    try {
      compiled.checkInput(c);
      return true;
    } catch (e) {
      if (e instanceof EvaluationError) return false;
      throw e;
    }
  }) as EvaluationInput[];
}

/** The clients as the CLI's CSV, `clientId` their position. */
function writeCsv(pack: Pack, clients: EvaluationInput[], name: string): string {
  const csv = inputCsv(pack);
  const path = join(dir, `${name}.csv`);
  const rows = clients.map((c, i) => csv.row({ ...c, clientId: String(i) }));
  writeFileSync(path, csv.header + rows.join(''));
  return path;
}

/** Rows of the exported query against the engine: the first difference, and how many verdicts. */
function compareRows(
  pack: Pack,
  compiled: CompiledPack,
  clients: EvaluationInput[],
  rows: Record<string, unknown>[],
) {
  let differences = 0;
  let first: unknown;
  const verdicts = new Set<string>();
  for (const row of rows) {
    const input = clients[Number(row['clientId'])] as EvaluationInput;
    let expected: Record<string, unknown>;
    try {
      const r = evaluate(compiled, input, { rationale: false });
      expected = {
        ...r.outputs,
        flags: r.flags.join('|'),
        ...Object.fromEntries(Object.entries(r.products).map(([id, p]) => [id, p.verdict])),
        error: null,
      };
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      expected = { error: e.code };
    }
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, row[k] ?? null]));
    for (const p of pack.products.items) verdicts.add(`${p.id}:${String(row[p.id])}`);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      differences++;
      first ??= { input, expected, actual };
    }
  }
  return { differences, first, verdicts: verdicts.size };
}

describe.each(starterPackNames)('%s as SQL', (file) => {
  const pack = loadStarterPack(file);
  const compiled = compilePack(pack);
  const seed = [...pack.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 13);
  const exported = { duckdb: exportSql(pack, 'duckdb'), postgres: exportSql(pack, 'postgres') };
  const supported = exported.duckdb.unsupported.length === 0;

  it('names what SQL cannot hold at its JSON path, or holds it all', () => {
    for (const p of exported.duckdb.unsupported) expect(p.path).toMatch(/^\$\.graph\.nodes\[\d+\]/);
    expect(exported.postgres.unsupported).toEqual(exported.duckdb.unsupported);
  });

  it.runIf(supported)('gives the engine’s outputs, flags and verdicts on DuckDB', async () => {
    const clients = validClients(pack, compiled, seed);
    const path = writeCsv(pack, clients, `${pack.id}-duckdb`);
    const types = new Map(inputColumns(pack).map((c) => [c.name, SQL_TYPES[c.type]]));
    const columns = inputHeader(pack).map((n) => `'${n}': '${types.get(n) ?? 'VARCHAR'}'`);
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `CREATE TABLE input AS SELECT * FROM read_csv('${path}', header = true, columns = {${columns.join(', ')}})`,
    );
    const rows = (await connection.runAndReadAll(exported.duckdb.sql)).getRowObjectsJS();
    connection.closeSync();
    expect(rows.length).toBe(clients.length);
    const outcome = compareRows(pack, compiled, clients, rows);
    expect(outcome.first).toBeUndefined();
    expect(outcome.differences).toBe(0);
    expect(outcome.verdicts).toBeGreaterThan(pack.products.items.length);
  });

  it.runIf(supported)(
    'gives the engine’s outputs, flags and verdicts on PostgreSQL (PGlite)',
    async () => {
      const clients = validClients(pack, compiled, seed + 1).slice(0, 200);
      const path = writeCsv(pack, clients, `${pack.id}-pg`);
      const types = new Map(inputColumns(pack).map((c) => [c.name, PG_TYPES[c.type]]));
      const pg = new PGlite();
      await pg.exec(
        `CREATE TABLE input (${inputHeader(pack)
          .map((n) => `"${n}" ${types.get(n) ?? 'TEXT'}`)
          .join(', ')})`,
      );
      await pg.query(`COPY input FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([readFileSync(path)]),
      });
      const rows = (await pg.query<Record<string, unknown>>(exported.postgres.sql)).rows;
      await pg.close();
      expect(rows.length).toBe(clients.length);
      const outcome = compareRows(pack, compiled, clients, rows);
      expect(outcome.first).toBeUndefined();
      expect(outcome.differences).toBe(0);
    },
    300_000,
  );
});
