import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  checkDocument,
  checkJsonText,
  describeIssues,
  DESCRIBED_PARSE,
  EvaluationInputSchema,
  locateJson,
  type EvaluationInput,
  type LocalizedText,
  type Pack,
} from '../domain/index.ts';
import { readLines } from './lines.ts';
import { CsvSyntaxError, readCsv } from './csv.ts';
import { planColumns, recordToInput, type ColumnPlan } from './inputColumns.ts';
import { UserError } from './i18n.ts';
import { fastCsvInput } from './fastInput.ts';
import { readText, unreadable } from './loadPack.ts';

/** One client read from an input file: a valid input, or why the record is unusable. */
export type InputItem =
  | { line: number; input: EvaluationInput }
  | { line: number; clientId?: string; error: LocalizedText };

export type InputFormat = 'csv' | 'jsonl' | 'json';

export function inputFormatOf(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  return undefined;
}

/**
 * One record of an input file as read, before it becomes an input: CSV fields, a JSONL line, or an
 * element of a JSON file already turned into an input. Records cross to worker threads as they are,
 * so that the costly conversion runs there.
 */
export type RawRecord =
  | { kind: 'csv'; line: number; fields: string[] }
  | { kind: 'jsonl'; line: number; text: string }
  | { kind: 'item'; item: InputItem };

/** Checks up front that a file to be streamed can be opened, for a clear message. */
export async function assertReadable(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    const info = await handle.stat();
    await handle.close();
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  } catch (e) {
    throw unreadable(path, e);
  }
}

/**
 * The records of an input file, with a CSV header read and checked first (an unknown column stops
 * the run before any row). CSV and JSONL stream; a JSON file (an array of inputs, or one input) is
 * read whole, so large populations belong in CSV or JSONL. `date` fills in `evaluationDate` for
 * JSON records without one (the others get it when converted, see `recordReader`).
 */
export async function readRecords(
  path: string,
  pack: Pack,
  date: string | undefined,
): Promise<{ header?: string[]; records: AsyncGenerator<RawRecord> }> {
  const format = inputFormatOf(path);
  if (format === undefined)
    throw new UserError(
      {
        'zh-CN': `${path}：无法识别的输入格式，应为 .csv、.jsonl 或 .json`,
        en: `${path}: unknown input format; use .csv, .jsonl or .json`,
      },
      2,
    );
  if (format === 'json')
    return {
      records: (async function* () {
        for await (const item of jsonInputs(path, date)) yield { kind: 'item', item };
      })(),
    };
  await assertReadable(path);
  if (format === 'jsonl')
    return {
      records: (async function* () {
        for await (const { line, text } of readLines(path))
          if (text.trim() !== '') yield { kind: 'jsonl', line, text };
      })(),
    };
  const csv = readCsv(path);
  let first;
  try {
    first = await csv.next();
  } catch (e) {
    throw csvFileError(path, e);
  }
  if (first.done) return { records: (async function* () {})() };
  const header = first.value.fields.map((f) => f.trim());
  csvColumnPlans(path, first.value.line, pack, header);
  return {
    header,
    records: (async function* () {
      try {
        for await (const { line, fields } of csv) yield { kind: 'csv', line, fields };
      } catch (e) {
        throw csvFileError(path, e);
      }
    })(),
  };
}

/**
 * Turns records into inputs, the one way every evaluation path does (in this thread or a worker):
 * CSV fields by the header's column plans, with the schema parse skipped for plainly valid rows;
 * a JSONL line parsed and checked.
 */
export function recordReader(
  pack: Pack,
  header: readonly string[] | undefined,
  date: string | undefined,
): (record: RawRecord) => InputItem {
  let plans: ColumnPlan[] = [];
  if (header) {
    const planned = planColumns(pack, header);
    if ('plans' in planned) plans = planned.plans;
  }
  const columns = header ?? [];
  const csvItem = (line: number, fields: readonly string[]): InputItem => {
    const record = recordToInput(plans, columns, fields);
    if ('error' in record) return { line, error: record.error };
    return fastCsvInput(line, record.input, date) ?? toInput(line, record.input, date);
  };
  return (r) =>
    r.kind === 'item'
      ? r.item
      : r.kind === 'csv'
        ? csvItem(r.line, r.fields)
        : jsonlItem(r.line, r.text, date);
}

/** One parsed record as an evaluation input, or why it is not one. */
export function toInput(line: number, raw: unknown, date: string | undefined): InputItem {
  const record =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : undefined;
  const clientId = typeof record?.clientId === 'string' ? record.clientId : undefined;
  const withDate =
    record && record.evaluationDate === undefined && date !== undefined
      ? { ...record, evaluationDate: date }
      : raw;
  // Before the schema, which would drop a `__proto__` key in `facts` without a word.
  const refused = checkDocument(raw);
  if (refused) {
    const error = {
      'zh-CN': `${refused.path}: ${refused.message['zh-CN']}`,
      en: `${refused.path}: ${refused.message.en}`,
    };
    return clientId === undefined ? { line, error } : { line, clientId, error };
  }
  const parsed = EvaluationInputSchema.safeParse(withDate, DESCRIBED_PARSE);
  if (parsed.success) return { line, input: parsed.data };
  const problems = describeIssues(parsed.error.issues);
  const noDate = record && record.evaluationDate === undefined && date === undefined;
  const error: LocalizedText = noDate
    ? {
        'zh-CN': '缺少评估日期：请提供 evaluationDate 列或 --date',
        en: 'no evaluation date: add an evaluationDate column or pass --date',
      }
    : {
        'zh-CN': problems.map((p) => `${p.path}: ${p.message['zh-CN']}`).join('; '),
        en: problems.map((p) => `${p.path}: ${p.message.en}`).join('; '),
      };
  return clientId === undefined ? { line, error } : { line, clientId, error };
}

/** How to read each column of a CSV header; an unknown column is an error for the whole file. */
export function csvColumnPlans(
  path: string,
  line: number,
  pack: Pack,
  header: string[],
): ColumnPlan[] {
  const planned = planColumns(pack, header);
  if ('unknown' in planned)
    throw new UserError({
      'zh-CN': `${path}:${line}：未知或重复的列 ${planned.unknown.join(', ')}（列名应为 clientId、evaluationDate、assessmentDate、initiator、facts.<事实>、answers.<题号>）`,
      en: `${path}:${line}: unknown or repeated column${planned.unknown.length > 1 ? 's' : ''} ${planned.unknown.join(', ')} (columns are clientId, evaluationDate, assessmentDate, initiator, facts.<fact>, answers.<question>)`,
    });
  return planned.plans;
}

/** The client of one JSONL line (blank lines are skipped by the caller). */
export function jsonlItem(line: number, text: string, date: string | undefined): InputItem {
  const over = checkJsonText(text);
  if (over) return { line, error: over.message };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const located = locateJson(text);
    const where = located.ok ? '' : ` (${located.error.column})`;
    const why = located.ok ? { 'zh-CN': '', en: '' } : located.error.message;
    return {
      line,
      error: {
        'zh-CN': `JSON 语法错误${where}：${why['zh-CN']}`,
        en: `JSON syntax error${where}: ${why.en}`,
      },
    };
  }
  return toInput(line, raw, date);
}

/** A CSV syntax error as a located user error; anything else unchanged. */
export function csvFileError(path: string, e: unknown): unknown {
  if (e instanceof CsvSyntaxError)
    return new UserError({
      'zh-CN': `${path}:${e.line}：引号字段没有结束`,
      en: `${path}:${e.line}: unterminated quoted field`,
    });
  return e;
}

async function* jsonInputs(path: string, date: string | undefined): AsyncGenerator<InputItem> {
  const text = await readText(path);
  const over = checkJsonText(text);
  if (over)
    throw new UserError({
      'zh-CN': `${path}:${over.line ?? 1}:${over.column ?? 1}：${over.message['zh-CN']}（大量客户请用 CSV 或 JSONL）`,
      en: `${path}:${over.line ?? 1}:${over.column ?? 1}: ${over.message.en} (use CSV or JSONL for large populations)`,
    });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const located = locateJson(text);
    const at = located.ok ? '' : `:${located.error.line}:${located.error.column}`;
    const why = located.ok ? { 'zh-CN': '', en: '' } : located.error.message;
    throw new UserError({
      'zh-CN': `${path}${at}：JSON 语法错误：${why['zh-CN']}`,
      en: `${path}${at}: JSON syntax error: ${why.en}`,
    });
  }
  const items = Array.isArray(raw) ? raw : [raw];
  // Evaluation errors name the line of the client, so find where each element starts.
  const located = locateJson(text);
  const lines = located.ok ? located.locations : new Map<string, { line: number }>();
  for (let i = 0; i < items.length; i++)
    yield toInput(lines.get(Array.isArray(raw) ? `$[${i}]` : '$')?.line ?? 1, items[i], date);
}
