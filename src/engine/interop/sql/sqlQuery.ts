import { lt, questionsOf, type Pack } from '../../../domain/index.ts';
import type { PackIndex } from '../../packIndex.ts';
import { splitRef } from '../../scope.ts';

/** The SQL dialects the export writes; they differ only in date arithmetic. */
export type SqlDialect = 'duckdb' | 'postgres';

export type SqlType = 'number' | 'boolean' | 'text' | 'list';
export type Column = { sql: string; type: SqlType };

/** Something SQL cannot hold, at its JSON path in the pack. */
export class Unsupported extends Error {
  constructor(
    readonly path: string,
    readonly localized: { 'zh-CN': string; en: string },
  ) {
    super(localized.en);
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** A column name: built from checked pack ids only, always quoted. */
export function sqlName(name: string): string {
  if (!ID.test(name)) throw new Error(`not a column name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** A SQL literal: text quoted with its quotes doubled, numbers as written, booleans by name. */
export function sqlLiteral(v: unknown): string {
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'number' && Number.isFinite(v)) return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  throw new Error(`no SQL literal for ${JSON.stringify(v)}`);
}

export const TEXT_TYPE = (fact: { type: string }): SqlType =>
  fact.type === 'number'
    ? 'number'
    : fact.type === 'boolean'
      ? 'boolean'
      : fact.type === 'set'
        ? 'list'
        : 'text';

/** Whether a `|`-joined list column holds `item`. */
export const has = (list: string, item: string) =>
  `(POSITION(${sqlLiteral(`|${item}|`)} IN '|' || ${list} || '|') > 0)`;

/** The input table's columns, as the CLI reads a CSV: `facts.<id>`, `answers.<id>`, lists joined by `|`. */
export function inputColumns(pack: Pack): { name: string; type: SqlType }[] {
  return [
    { name: 'clientId', type: 'text' },
    { name: 'evaluationDate', type: 'text' },
    { name: 'assessmentDate', type: 'text' },
    { name: 'initiator', type: 'text' },
    ...pack.vocabulary.facts.map((f) => ({ name: `facts.${f.id}`, type: TEXT_TYPE(f) })),
    ...pack.questionnaires.flatMap(questionsOf).map((q) => ({
      name: `answers.${q.id}`,
      type: (q.type === 'numeric' ? 'number' : q.type === 'multiple' ? 'list' : 'text') as SqlType,
    })),
  ];
}

/** Writes one query over `input` as a chain of CTEs, one or more per node, each adding columns. */
export class QueryBuilder {
  readonly columns = new Map<string, Column>();
  readonly stages: string[][] = [[]];
  readonly errors: { when: string; code: string }[] = [];
  constructor(
    readonly index: PackIndex,
    readonly dialect: SqlDialect,
  ) {
    for (const c of inputColumns(index.pack))
      this.columns.set(c.name, { sql: sqlName(c.name), type: c.type });
  }

  /** A value reference (`risk.facts.horizon`) as a column, or why SQL does not hold it. */
  ref(ref: string, path: string): Column {
    const { root, keys } = splitRef(ref);
    if (root === 'context' && keys.length === 1) {
      const k = keys[0];
      if (k === 'evaluationDate' || k === 'clientId') return { sql: sqlName(k), type: 'text' };
      if (k === 'assessmentDate')
        return { sql: 'COALESCE("assessmentDate", "evaluationDate")', type: 'text' };
      if (k === 'initiator') return { sql: `COALESCE("initiator", 'client')`, type: 'text' };
    }
    const name =
      root === 'answers'
        ? `answers.${keys.join('.')}`
        : this.index.facts.has(root) && !this.index.nodes.has(root)
          ? `facts.${[root, ...keys].join('.')}`
          : ref;
    const column = this.columns.get(name);
    if (!column)
      throw new Unsupported(
        path,
        lt(
          `“${ref}”不是 SQL 导出中的一列（列表、原因与文本不导出）`,
          `"${ref}" is not a column of the SQL export (lists, reasons and text are not exported)`,
        ),
      );
    return column;
  }

  /** Columns of the CTE being written: a column that reads one of them goes to the next CTE. */
  private current = new Set<string>();

  define(name: string, sql: string, type: SqlType): string {
    // PostgreSQL (unlike DuckDB) cannot read a column defined in the same SELECT.
    if ([...this.current].some((c) => sql.includes(c))) this.stage();
    (this.stages.at(-1) as string[]).push(`${sql} AS ${sqlName(name)}`);
    this.current.add(sqlName(name));
    this.columns.set(name, { sql: sqlName(name), type });
    return sqlName(name);
  }

  /** Starts a new CTE: columns defined so far can be read from here on. */
  stage(): void {
    if ((this.stages.at(-1) as string[]).length > 0) this.stages.push([]);
    this.current.clear();
  }

  addMonths(date: string, months: number): string {
    return this.dialect === 'duckdb'
      ? `strftime(CAST(${date} AS DATE) + INTERVAL (${months}) MONTH, '%Y-%m-%d')`
      : `to_char(CAST(${date} AS DATE) + make_interval(months => ${months}), 'YYYY-MM-DD')`;
  }
}
