import { csvLine } from '../../domain/index.ts';
import type { MonitorReport } from './types.ts';

/** One work list as files: its columns (header, cell of a row) and its rows. */
export type MonitorList<T = unknown> = {
  name: string;
  rows: readonly T[];
  columns: [string, (row: T) => unknown][];
};

const zh = (t: { 'zh-CN': string }) => t['zh-CN'];
const en = (t: { en: string }) => t.en;
const list = <T>(l: MonitorList<T>) => l as unknown as MonitorList<unknown>;

/** Every list of a report, in the order they are printed. */
export function monitorLists(report: MonitorReport): MonitorList<unknown>[] {
  return [
    list({
      name: 'changes',
      rows: report.changes,
      columns: [
        ['clientId', (c) => c.clientId],
        ['line', (c) => c.line],
        ['levelBefore', (c) => c.levelBefore],
        ['levelAfter', (c) => c.levelAfter],
        ['professionalBefore', (c) => c.professionalBefore],
        ['professionalAfter', (c) => c.professionalAfter],
        [
          'changedProducts',
          (c) => c.products.map((p) => `${p.product}: ${p.from} -> ${p.to}`).join('; '),
        ],
        ['reasonsZh', (c) => c.reasons.map(zh).join(' ')],
        ['reasonsEn', (c) => c.reasons.map(en).join(' ')],
      ],
    } satisfies MonitorList<MonitorReport['changes'][number]>),
    list({
      name: 'unsuitable-holdings',
      rows: report.unsuitable,
      columns: [
        ['clientId', (h) => h.clientId],
        ['productId', (h) => h.productId],
        ['amount', (h) => h.amount],
        ['since', (h) => h.since],
        ['verdict', (h) => h.verdict],
        ['verdictBefore', (h) => h.verdictBefore],
        ['newlyUnsuitable', (h) => h.newlyUnsuitable],
      ],
    } satisfies MonitorList<MonitorReport['unsuitable'][number]>),
    list({
      name: 'unsuitable-by-product',
      rows: report.byProduct,
      columns: [
        ['productId', (p) => p.product],
        ['holdings', (p) => p.holdings],
        ['clients', (p) => p.clients],
        ['amount', (p) => p.amount],
      ],
    } satisfies MonitorList<MonitorReport['byProduct'][number]>),
    list({
      name: 'unsuitable-by-client',
      rows: report.byClient,
      columns: [
        ['clientId', (c) => c.clientId],
        ['holdings', (c) => c.holdings],
        ['amount', (c) => c.amount],
      ],
    } satisfies MonitorList<MonitorReport['byClient'][number]>),
    list({
      name: 'expiring',
      rows: report.expiring,
      columns: [
        ['clientId', (e) => e.clientId],
        ['kind', (e) => e.kind],
        ['status', (e) => e.status],
        ['date', (e) => e.date],
        ['threshold', (e) => e.threshold],
        ['textZh', (e) => zh(e.text)],
        ['textEn', (e) => en(e.text)],
      ],
    } satisfies MonitorList<MonitorReport['expiring'][number]>),
    list({
      name: 'rating-changes',
      rows: report.ratingChanges,
      columns: [
        ['productId', (r) => r.product],
        ['nameZh', (r) => zh(r.name)],
        ['nameEn', (r) => en(r.name)],
        [
          'changes',
          (r) => r.fields.map((f) => `${f.field}: ${f.from ?? '-'} -> ${f.to ?? '-'}`).join('; '),
        ],
        ['holders', (r) => r.holders],
        ['amount', (r) => r.amount],
      ],
    } satisfies MonitorList<MonitorReport['ratingChanges'][number]>),
    list({
      name: 'rating-holders',
      rows: report.ratingHolders,
      columns: [
        ['productId', (h) => h.product],
        ['clientId', (h) => h.clientId],
        ['amount', (h) => h.amount],
        ['verdictBefore', (h) => h.verdictBefore],
        ['verdictAfter', (h) => h.verdictAfter],
      ],
    } satisfies MonitorList<MonitorReport['ratingHolders'][number]>),
    list({
      name: 'errors',
      rows: report.errors,
      columns: [
        ['clientId', (e) => e.clientId],
        ['line', (e) => e.line],
        ['code', (e) => e.code],
        ['messageZh', (e) => zh(e.message)],
        ['messageEn', (e) => en(e.message)],
      ],
    } satisfies MonitorList<MonitorReport['errors'][number]>),
  ];
}

/** A list as CSV text (every cell through `csvLine`: no spreadsheet formula runs). */
export function listCsv(l: MonitorList<unknown>): string {
  const lines = [csvLine(l.columns.map(([h]) => h))];
  for (const row of l.rows) lines.push(csvLine(l.columns.map(([, cell]) => cell(row))));
  return `${lines.join('\r\n')}\r\n`;
}

/** A list as JSONL: the row objects as they are (the `index` field is the place in the book). */
export function listJsonl(l: MonitorList<unknown>): string {
  return l.rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}
