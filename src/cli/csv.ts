import { readTextChunks } from './lines.ts';

/** One CSV record and the line it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`unterminated quoted field starting on line ${line}`);
    this.line = line;
  }
}

/**
 * Streams RFC 4180 CSV: fields separated by commas, optionally quoted with `"`, quotes doubled
 * inside quoted fields, CRLF or LF line ends, line breaks allowed inside quotes. Blank lines are
 * skipped. Pulls chunks on demand, so it keeps backpressure like `readLines`.
 */
export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quote inside quotes: either the closing one or the first of a pair
  let line = 1;
  let recordLine = 1;
  let atStart = true; // nothing of the current record read yet
  let first = true;

  for await (const chunk of readTextChunks(path)) {
    let text = chunk;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false; // that quote closed the field; handle c below as unquoted
        } else if (c === '"') {
          afterQuote = true;
          continue;
        } else {
          if (c === '\n') line++;
          field += c;
          continue;
        }
      }
      if (c === '"' && field === '') {
        quoted = true;
        atStart = false;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        atStart = false;
      } else if (c === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        if (!atStart || field !== '') out.push({ line: recordLine, fields: [...fields, field] });
        fields = [];
        field = '';
        atStart = true;
        recordLine = ++line;
      } else {
        field += c;
        // A CR alone does not start a record: a CRLF blank line stays blank.
        if (c !== '\r') atStart = false;
      }
    }
    yield* out;
  }
  if (quoted && !afterQuote) throw new CsvSyntaxError(recordLine);
  if (field.endsWith('\r')) field = field.slice(0, -1);
  if (!atStart || field !== '') yield { line: recordLine, fields: [...fields, field] };
}
