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
import { assertReadable, readText } from './loadPack.ts';

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
 * The clients of an input file, one at a time. CSV and JSONL stream; a JSON file (an array of
 * inputs, or one input) is read whole, so large populations belong in CSV or JSONL.
 * `date` fills in `evaluationDate` for records without one.
 */
export async function* readInputs(
  path: string,
  pack: Pack,
  date: string | undefined,
): AsyncGenerator<InputItem> {
  const format = inputFormatOf(path);
  if (format === 'csv' || format === 'jsonl') await assertReadable(path);
  if (format === 'csv') yield* csvInputs(path, pack, date);
  else if (format === 'jsonl') yield* jsonlInputs(path, date);
  else if (format === 'json') yield* jsonInputs(path, date);
  else
    throw new UserError(
      {
        'zh-CN': `${path}：无法识别的输入格式，应为 .csv、.jsonl 或 .json`,
        en: `${path}: unknown input format; use .csv, .jsonl or .json`,
      },
      2,
    );
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

/** The client of one CSV record (after the header). */
export function csvItem(
  plans: readonly ColumnPlan[],
  header: readonly string[],
  line: number,
  fields: readonly string[],
  date: string | undefined,
): InputItem {
  const record = recordToInput(plans, header, fields);
  return 'error' in record ? { line, error: record.error } : toInput(line, record.input, date);
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

async function* csvInputs(
  path: string,
  pack: Pack,
  date: string | undefined,
): AsyncGenerator<InputItem> {
  let header: string[] | undefined;
  let plans: ColumnPlan[] | undefined;
  try {
    for await (const { line, fields } of readCsv(path)) {
      if (!header || !plans) {
        header = fields.map((f) => f.trim());
        plans = csvColumnPlans(path, line, pack, header);
        continue;
      }
      yield csvItem(plans, header, line, fields, date);
    }
  } catch (e) {
    throw csvFileError(path, e);
  }
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

async function* jsonlInputs(path: string, date: string | undefined): AsyncGenerator<InputItem> {
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === '') continue;
    yield jsonlItem(line, text, date);
  }
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
