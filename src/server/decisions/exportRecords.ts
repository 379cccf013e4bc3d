import type { DecisionRecord } from './decide.ts';
import { allRecords, type RecordQuery, type RecordsDb } from './records.ts';

export const EXPORT_COLUMNS = [
  'id',
  'decidedAt',
  'channel',
  'packId',
  'version',
  'hash',
  'clientId',
  'evaluationDate',
  'input',
  'outputs',
  'flags',
  'verdicts',
] as const;

/**
 * One CSV field: quoted when it holds a separator, quote or line break; and a text a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, since auditors
 * open these files in Excel and a client id is text the channel chose.
 */
export function auditCsvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvRow(r: DecisionRecord): string {
  const fields = [
    r.id,
    r.decidedAt,
    r.channel,
    r.packId,
    r.version,
    r.hash,
    r.clientId,
    r.input.evaluationDate,
    JSON.stringify(r.input),
    JSON.stringify(r.outputs),
    r.flags.join('|'),
    JSON.stringify(r.products),
  ];
  return `${fields.map(auditCsvField).join(',')}\r\n`;
}

/** The records matching `q` as JSONL (one record a line) or CSV (RFC 4180, CRLF), streamed. */
export async function* exportRecords(
  db: RecordsDb,
  format: 'jsonl' | 'csv',
  q: Omit<RecordQuery, 'limit' | 'after'>,
): AsyncGenerator<string> {
  if (format === 'csv') yield `${EXPORT_COLUMNS.join(',')}\r\n`;
  for await (const r of allRecords(db, q))
    yield format === 'csv' ? csvRow(r) : `${JSON.stringify(r)}\n`;
}
