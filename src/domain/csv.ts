/**
 * Text a spreadsheet (Excel, WPS, LibreOffice) would run as a formula when the file is opened: a
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return (the OWASP CSV-injection list).
 * Leading `'` are included so that a cell that already starts with the guard reads back as written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would run as a formula is prefixed with `'` (shown as text,
 * never run), then quoted when it holds a separator, a quote or a line break (RFC 4180). Numbers and
 * booleans are written as they are; lists are joined with `|`; null and undefined are empty.
 * Every CSV the project writes goes through here: compliance staff open these files in
 * spreadsheets, and client ids, product names and audit comments are text someone typed.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('|') : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line of cells, without the line end. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

/** A cell's text as it was before `csvCell` guarded it (for files we read back). */
export function readCsvCell(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
