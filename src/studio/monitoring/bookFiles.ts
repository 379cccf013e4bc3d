import type { CompiledPack, Holding } from '../../engine/index.ts';
import {
  isCalendarDate,
  type EvaluationInputDraft,
  type LocalizedText,
} from '../../domain/index.ts';
import {
  autoMap,
  clientsFromCsv,
  clientsFromJsonl,
  readCsvRecords,
  targetsOf,
  type BadRow,
} from '../population/clientFile.ts';

/** A client file (CSV with the CLI's columns, or JSONL), read the population tab's way. */
export function readClients(
  name: string,
  text: string,
  compiled: CompiledPack,
  asOf: string,
): { clients: EvaluationInputDraft[]; bad: BadRow[] } {
  if (/\.jsonl$|\.ndjson$/i.test(name)) return clientsFromJsonl(text, compiled, asOf);
  const records = readCsvRecords(text);
  const targets = targetsOf(compiled.pack);
  const mapping = autoMap(records[0]?.cells ?? [], targets);
  return clientsFromCsv(records, mapping, targets, compiled, asOf);
}

const bad = (line: number, zh: string, en: string): BadRow => ({
  line,
  message: { 'zh-CN': zh, en } satisfies LocalizedText,
});

/** A holdings CSV (`clientId,productId,amount,since`), by client; bad rows with their line. */
export function readHoldings(
  text: string,
  products: ReadonlySet<string>,
): { byClient: Record<string, Holding[]>; count: number; bad: BadRow[] } {
  const [header, ...rows] = readCsvRecords(text);
  const cols = (header?.cells ?? []).map((c) => c.trim());
  const at = (name: string) => cols.indexOf(name);
  const out = { byClient: {} as Record<string, Holding[]>, count: 0, bad: [] as BadRow[] };
  const missing = ['clientId', 'productId', 'amount', 'since'].filter((c) => at(c) === -1);
  if (missing.length > 0) {
    out.bad.push(bad(1, `缺少列：${missing.join(', ')}`, `missing columns: ${missing.join(', ')}`));
    return out;
  }
  for (const { cells, line } of rows) {
    const [clientId = '', productId = '', amountText = '', since = ''] = [
      'clientId',
      'productId',
      'amount',
      'since',
    ].map((c) => cells[at(c)]?.trim() ?? '');
    const amount = Number(amountText);
    if (!clientId) out.bad.push(bad(line, '缺少 clientId', 'clientId is missing'));
    else if (!products.has(productId))
      out.bad.push(
        bad(line, `产品目录中没有 ${productId}`, `no product ${productId} in the catalogue`),
      );
    else if (amountText === '' || !Number.isFinite(amount) || amount < 0)
      out.bad.push(
        bad(line, `amount 无效："${amountText}"`, `amount is not valid: "${amountText}"`),
      );
    else if (!isCalendarDate(since))
      out.bad.push(
        bad(line, `since 应为 YYYY-MM-DD："${since}"`, `since must be YYYY-MM-DD: "${since}"`),
      );
    else {
      (out.byClient[clientId] ??= []).push({ clientId, productId, amount, since });
      out.count++;
    }
  }
  return out;
}
