import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LocalizedText, Pack } from '../domain/index.ts';
import { exportSql, inputColumns, sqlLiteral, type Problem } from '../engine/index.ts';
import { valueOutputs } from './formats.ts';
import { UserError } from './i18n.ts';

export type WarehouseFormat = 'csv' | 'parquet';

export type DuckdbRun = {
  pack: Pack;
  input: string;
  out: string;
  format: WarehouseFormat;
  /** The evaluation date of rows without one (`--date`). */
  date: string | undefined;
  /** DuckDB threads; undefined lets DuckDB take every core. */
  threads: number | undefined;
};

export type DuckdbOutcome = {
  evaluated: number;
  failed: number;
  /** The first failing rows: client id and the engine's error code. */
  failures: { clientId: string | null; code: string }[];
  /** Refusals of the pack: what SQL cannot express, at its JSON path. */
  unsupported: Problem[];
};

// The CLI's CSV reader (inputColumns.ts): decimal numbers only, these words for booleans.
const DECIMAL = String.raw`\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*`;
const TRUE = ['true', '1', 'yes', 'y', '是'];
const FALSE = ['false', '0', 'no', 'n', '否'];
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const NUMERIC = /^(DOUBLE|FLOAT|REAL|DECIMAL.*|(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?))$/;

const SQL_TYPES = { number: 'DOUBLE', boolean: 'BOOLEAN', text: 'VARCHAR', list: 'VARCHAR' };
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const list = (words: string[]) => words.map(sqlLiteral).join(', ');

/** The typed column of one input column, and when its cell was given but unreadable. */
type Typed = { sql: string; bad?: string };

function typedColumn(
  name: string,
  type: 'number' | 'boolean' | 'text' | 'list',
  raw: string | undefined,
  isDateColumn: boolean,
): Typed {
  if (raw === undefined) return { sql: `CAST(NULL AS ${SQL_TYPES[type]})` };
  const col = q(name);
  const text = raw === 'VARCHAR';
  if (type === 'number') {
    if (NUMERIC.test(raw)) return { sql: `CAST(${col} AS DOUBLE)` };
    const value = `CASE WHEN regexp_full_match(${col}, ${sqlLiteral(DECIMAL)}) THEN TRY_CAST(trim(${col}) AS DOUBLE) END`;
    return { sql: `CASE WHEN isfinite(${value}) THEN ${value} END`, bad: `${col} IS NOT NULL` };
  }
  if (type === 'boolean') {
    if (raw === 'BOOLEAN') return { sql: col };
    const v = `lower(trim(CAST(${col} AS VARCHAR)))`;
    return {
      sql: `CASE WHEN ${v} IN (${list(TRUE)}) THEN TRUE WHEN ${v} IN (${list(FALSE)}) THEN FALSE END`,
      bad: `${col} IS NOT NULL`,
    };
  }
  if (type === 'list') {
    // A Parquet list column, or the CLI's `a|b` with spaces around the items trimmed.
    if (raw.endsWith('[]')) return { sql: `array_to_string(${col}, '|')` };
    return { sql: `regexp_replace(trim(${col}), '\\s*\\|\\s*', '|', 'g')` };
  }
  const asText = text ? col : `CAST(${col} AS VARCHAR)`;
  if (!isDateColumn || raw === 'DATE') return { sql: asText };
  // A date that is not one is NULL here (SQL date arithmetic would stop the whole query).
  return {
    sql: `CASE WHEN regexp_full_match(${asText}, ${sqlLiteral(DATE)}) AND TRY_CAST(${asText} AS DATE) IS NOT NULL THEN ${asText} END`,
    bad: `${col} IS NOT NULL`,
  };
}

/** The input file as DuckDB reads it, every CSV cell as text (the CLI's conversions follow). */
function source(input: string): string {
  const ext = extname(input).toLowerCase();
  if (ext === '.parquet') return `read_parquet(${sqlLiteral(input)})`;
  if (ext === '.csv') return `read_csv(${sqlLiteral(input)}, header = true, all_varchar = true)`;
  throw new UserError(
    {
      'zh-CN': `${input}：--engine duckdb 读取 .csv 或 .parquet`,
      en: `${input}: --engine duckdb reads .csv or .parquet`,
    },
    2,
  );
}

function refuse(input: string, e: unknown): never {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  throw new UserError(
    {
      'zh-CN': `${input}：DuckDB 无法读取：${message}`,
      en: `${input}: DuckDB cannot read it: ${message}`,
    },
    2,
  );
}

/**
 * The view `input` the exported query reads: each known column typed as the CLI's reader types it,
 * a cell it cannot read NULL and marked in a `bad:<column>` column. An unknown column refuses the
 * whole file, as the CLI does: a typo would silently drop data.
 */
async function createInputView(connection: DuckDBConnection, run: DuckdbRun) {
  const from = source(run.input);
  let described: Record<string, unknown>[];
  try {
    described = (
      await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)
    ).getRowObjectsJS();
  } catch (e) {
    refuse(run.input, e);
  }
  const raw = new Map(
    described.map((r) => [String(r['column_name']).trim(), String(r['column_type'])]),
  );
  const columns = inputColumns(run.pack);
  const known = new Set(columns.map((c) => c.name));
  const unknown = [...raw.keys()].filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new UserError(
      {
        'zh-CN': `${run.input}：未知的列 ${unknown.join('、')}（应为 facts.<事实>、answers.<题目> 或 clientId、evaluationDate、assessmentDate、initiator）`,
        en: `${run.input}: unknown column(s) ${unknown.join(', ')} (expected facts.<fact>, answers.<question> or clientId, evaluationDate, assessmentDate, initiator)`,
      },
      2,
    );
  const dateFacts = new Set(
    run.pack.vocabulary.facts.filter((f) => f.type === 'date').map((f) => `facts.${f.id}`),
  );
  const select: string[] = [];
  const bad = new Map<string, string>();
  for (const c of columns) {
    const isDate =
      c.name === 'evaluationDate' || c.name === 'assessmentDate' || dateFacts.has(c.name);
    const typed = typedColumn(c.name, c.type, raw.get(c.name), isDate);
    // `--date` is the date of rows without one; a date given but unreadable stays an error.
    const sql =
      c.name === 'evaluationDate' && run.date !== undefined
        ? raw.has(c.name)
          ? `CASE WHEN ${q(c.name)} IS NULL THEN ${sqlLiteral(run.date)} ELSE ${typed.sql} END`
          : sqlLiteral(run.date)
        : typed.sql;
    select.push(`${sql} AS ${q(c.name)}`);
    if (typed.bad) {
      select.push(`(${typed.bad} AND ${typed.sql} IS NULL) AS ${q(`bad:${c.name}`)}`);
      bad.set(c.name, q(`bad:${c.name}`));
    }
  }
  await connection.run(`CREATE VIEW input AS SELECT ${select.join(', ')} FROM ${from}`);
  return bad;
}

/**
 * `suitability evaluate --engine duckdb`: the pack's SQL export, with the engine's input check, run
 * by embedded DuckDB over a CSV or Parquet file, written as CSV or Parquet. Every row is written:
 * one that the engine would refuse carries the engine's code in `error` and no outputs.
 */
export async function evaluateWithDuckdb(run: DuckdbRun): Promise<DuckdbOutcome> {
  const probe = exportSql(run.pack, 'duckdb');
  if (probe.unsupported.length > 0)
    return { evaluated: 0, failed: 0, failures: [], unsupported: probe.unsupported };
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(
    ':memory:',
    run.threads === undefined ? {} : { threads: String(Math.max(1, run.threads)) },
  );
  const connection = await instance.connect();
  const temp = join(dirname(run.out), `.${basename(run.out)}.${process.pid}.tmp`);
  try {
    const bad = await createInputView(connection, run);
    const { sql, columns } = exportSql(run.pack, 'duckdb', {
      inputCheck: { bad: (c) => bad.get(c) },
    });
    // The columns of the CLI's CSV (formats.ts), then `error`.
    const kept = [
      ...valueOutputs(run.pack),
      'flags',
      ...run.pack.products.items.map((p) => p.id),
    ].filter((c) => columns.includes(c));
    const query = `SELECT "clientId", ${kept.map(q).join(', ')}, "error" FROM (${sql})`;
    const types = new Map(
      (await connection.runAndReadAll(`DESCRIBE ${query}`))
        .getRowObjectsJS()
        .map((r) => [String(r['column_name']), String(r['column_type'])]),
    );
    const value = (c: string) =>
      // CSV numbers as the engine writes them: 20, not 20.0.
      run.format === 'csv' && types.get(c) === 'DOUBLE'
        ? `CASE WHEN ${q(c)} = trunc(${q(c)}) AND abs(${q(c)}) < 1e15 THEN CAST(CAST(${q(c)} AS BIGINT) AS VARCHAR) ELSE CAST(${q(c)} AS VARCHAR) END`
        : run.format === 'csv' && types.get(c) === 'VARCHAR'
          ? `NULLIF(${q(c)}, '')` // no raised flag: an empty cell, as the engine's CSV writes it
          : q(c);
    const select = [
      '"clientId"',
      ...kept.map((c) => `CASE WHEN "error" IS NULL THEN ${value(c)} END AS ${q(c)}`),
      '"error"',
    ];
    const options = run.format === 'parquet' ? 'FORMAT parquet' : 'FORMAT csv, HEADER true';
    try {
      await connection.run(
        `COPY (SELECT ${select.join(', ')} FROM (${query})) TO ${sqlLiteral(temp)} (${options})`,
      );
    } catch (e) {
      refuse(run.input, e);
    }
    const read =
      run.format === 'parquet'
        ? `read_parquet(${sqlLiteral(temp)})`
        : `read_csv(${sqlLiteral(temp)}, header = true, all_varchar = true)`;
    const counts = (
      await connection.runAndReadAll(
        `SELECT count(*) FILTER (WHERE "error" IS NULL) AS ok, count("error") AS failed FROM ${read}`,
      )
    ).getRowObjectsJS()[0] as { ok: bigint; failed: bigint };
    const failures = (
      await connection.runAndReadAll(
        `SELECT "clientId", "error" FROM ${read} WHERE "error" IS NOT NULL LIMIT 10`,
      )
    )
      .getRowObjectsJS()
      .map((r) => ({
        clientId: r['clientId'] === null ? null : String(r['clientId']),
        code: String(r['error']),
      }));
    await rename(temp, run.out);
    return {
      evaluated: Number(counts.ok),
      failed: Number(counts.failed),
      failures,
      unsupported: [],
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(temp, { force: true });
  }
}

/** What DuckDB said of the run, in the CLI's words. */
export function duckdbSummary(outcome: DuckdbOutcome, out: string): LocalizedText[] {
  return [
    ...outcome.failures.map((f) => ({
      'zh-CN': `客户 ${f.clientId ?? '?'}：${f.code}`,
      en: `client ${f.clientId ?? '?'}: ${f.code}`,
    })),
    {
      'zh-CN': `已评估 ${outcome.evaluated} 个客户，${outcome.failed} 个出错（error 列为引擎的错误代码），结果写入 ${out}`,
      en: `evaluated ${outcome.evaluated} client(s), ${outcome.failed} failed (the error column holds the engine's code); results in ${out}`,
    },
  ];
}
