import { isCalendarDate, readCsvCell, type LocalizedText } from '../domain/index.ts';
import { isVerdict, type Holding, type PreviousResult } from '../engine/index.ts';
import { csvFileError, inputFormatOf, assertReadable } from './readers.ts';
import { readCsv } from './csv.ts';
import { readLines } from './lines.ts';
import { UserError } from './i18n.ts';

/** A row of a side file (holdings, earlier results) that cannot be used, and where it is. */
export type RowError = { path: string; line: number; message: LocalizedText };

const HOLDING_COLUMNS = ['clientId', 'productId', 'amount', 'since'] as const;

const bad = (path: string, line: number, zh: string, en: string): RowError => ({
  path,
  line,
  message: { 'zh-CN': zh, en },
});

function holdingOf(
  path: string,
  line: number,
  raw: Record<string, unknown>,
  products: ReadonlySet<string>,
): Holding | RowError {
  const { clientId, productId, since } = raw;
  const amount = typeof raw.amount === 'string' ? Number(raw.amount) : raw.amount;
  if (typeof clientId !== 'string' || clientId === '')
    return bad(path, line, '缺少 clientId', 'clientId is missing');
  if (typeof productId !== 'string' || productId === '')
    return bad(path, line, '缺少 productId', 'productId is missing');
  if (!products.has(productId))
    return bad(
      path,
      line,
      `产品目录中没有 ${productId}`,
      `no product ${productId} in the catalogue`,
    );
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || raw.amount === '')
    return bad(
      path,
      line,
      `amount 应为不小于 0 的数，收到 "${String(raw.amount)}"`,
      `amount must be a number of at least 0, got "${String(raw.amount)}"`,
    );
  if (!isCalendarDate(since))
    return bad(
      path,
      line,
      `since 应为 YYYY-MM-DD，收到 "${String(since)}"`,
      `since must be YYYY-MM-DD, got "${String(since)}"`,
    );
  return { clientId, productId, amount, since };
}

const unknownFormat = (path: string, what: [string, string]) =>
  new UserError(
    {
      'zh-CN': `${path}：${what[0]}应为 .csv 或 .jsonl`,
      en: `${path}: ${what[1]} must be .csv or .jsonl`,
    },
    2,
  );

/** Objects of a JSONL file, or the JSON syntax error of a line. */
async function* jsonlObjects(path: string) {
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        yield { line, value: value as Record<string, unknown> };
      else yield { line, error: bad(path, line, '应为 JSON 对象', 'expected a JSON object') };
    } catch {
      yield { line, error: bad(path, line, 'JSON 语法错误', 'JSON syntax error') };
    }
  }
}

/**
 * The holdings file (`clientId, productId, amount, since`; CSV with that header, or JSONL), by
 * client. Rows that cannot be used are returned with their line; they count as no holding.
 */
export async function readHoldings(
  path: string,
  products: ReadonlySet<string>,
): Promise<{ byClient: Map<string, Holding[]>; count: number; errors: RowError[] }> {
  const format = inputFormatOf(path);
  if (format !== 'csv' && format !== 'jsonl') throw unknownFormat(path, ['持仓文件', 'holdings']);
  await assertReadable(path);
  const byClient = new Map<string, Holding[]>();
  const errors: RowError[] = [];
  let count = 0;
  const take = (line: number, raw: Record<string, unknown>) => {
    const h = holdingOf(path, line, raw, products);
    if ('message' in h) return void errors.push(h);
    count++;
    const list = byClient.get(h.clientId);
    if (list) list.push(h);
    else byClient.set(h.clientId, [h]);
  };
  if (format === 'jsonl') {
    for await (const row of jsonlObjects(path))
      if ('error' in row && row.error) errors.push(row.error);
      else if ('value' in row && row.value) take(row.line, row.value);
    return { byClient, count, errors };
  }
  let columns: string[] | undefined;
  try {
    for await (const { line, fields } of readCsv(path)) {
      if (!columns) {
        columns = fields.map((f) => f.trim());
        const wrong = columns.filter(
          (c, i) =>
            !(HOLDING_COLUMNS as readonly string[]).includes(c) || columns?.indexOf(c) !== i,
        );
        const missing = HOLDING_COLUMNS.filter((c) => !columns?.includes(c));
        if (wrong.length > 0 || missing.length > 0)
          throw new UserError({
            'zh-CN': `${path}:${line}：持仓文件的列应为 ${HOLDING_COLUMNS.join(', ')}${wrong.length ? `；未知或重复：${wrong.join(', ')}` : ''}${missing.length ? `；缺少：${missing.join(', ')}` : ''}`,
            en: `${path}:${line}: holdings columns are ${HOLDING_COLUMNS.join(', ')}${wrong.length ? `; unknown or repeated: ${wrong.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
          });
        continue;
      }
      const cols = columns;
      take(line, Object.fromEntries(cols.map((c, i) => [c, readCsvCell(fields[i] ?? '')])));
    }
  } catch (e) {
    throw csvFileError(path, e);
  }
  return { byClient, count, errors };
}

/**
 * Earlier results, as `suitability evaluate --format jsonl` wrote them (one client a line:
 * `clientId`, `outputs`, `flags`, `products.<id>.verdict`), by client.
 */
export async function readPreviousResults(
  path: string,
): Promise<{ byClient: Map<string, PreviousResult>; errors: RowError[] }> {
  if (inputFormatOf(path) !== 'jsonl') throw unknownFormat(path, ['既往结果', 'earlier results']);
  await assertReadable(path);
  const byClient = new Map<string, PreviousResult>();
  const errors: RowError[] = [];
  for await (const row of jsonlObjects(path)) {
    if ('error' in row && row.error) {
      errors.push(row.error);
      continue;
    }
    const { line, value } = row as { line: number; value: Record<string, unknown> };
    const { clientId, outputs, flags, products } = value;
    const isRecord = (v: unknown): v is Record<string, unknown> =>
      v !== null && typeof v === 'object' && !Array.isArray(v);
    if (typeof clientId !== 'string' || clientId === '') {
      errors.push(bad(path, line, '缺少 clientId', 'clientId is missing'));
      continue;
    }
    if (
      !isRecord(outputs) ||
      !Array.isArray(flags) ||
      !flags.every((f) => typeof f === 'string') ||
      !isRecord(products)
    ) {
      errors.push(
        bad(
          path,
          line,
          '应为 suitability evaluate 的 JSONL 结果行（outputs、flags、products）',
          'expected a JSONL result line of suitability evaluate (outputs, flags, products)',
        ),
      );
      continue;
    }
    if (byClient.has(clientId)) {
      errors.push(bad(path, line, `客户 ${clientId} 重复`, `client ${clientId} appears twice`));
      continue;
    }
    const verdicts: PreviousResult['verdicts'] = {};
    for (const [id, v] of Object.entries(products)) {
      const verdict = isRecord(v) ? v.verdict : undefined;
      if (isVerdict(verdict)) verdicts[id] = verdict;
    }
    byClient.set(clientId, {
      outputs: outputs as PreviousResult['outputs'],
      flags: flags as string[],
      verdicts,
    });
  }
  return { byClient, errors };
}
