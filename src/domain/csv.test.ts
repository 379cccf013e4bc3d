import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, csvLine, readCsvCell } from './csv.ts';
import { FORMULA_TEXTS } from '../testing/csvInjection.ts';

describe('csvCell', () => {
  it('writes every OWASP formula lead as text, and reads it back as written', () => {
    for (const text of FORMULA_TEXTS) {
      const [cell] = Papa.parse<string[]>(csvCell(text)).data[0] ?? [];
      expect(cell?.startsWith("'")).toBe(true);
      expect(readCsvCell(cell ?? '')).toBe(text);
    }
  });

  it('keeps numbers, booleans and plain text as they are, and quotes separators', () => {
    expect(csvLine([-5, true, null, undefined, ['a', 'b'], 'x, "y"', "'a"])).toBe(
      '-5,true,,,a|b,"x, ""y""",\'a',
    );
  });

  it('reads back a cell that already starts with the guard', () => {
    for (const text of ["'=1", "''-1", "'"]) expect(readCsvCell(csvCell(text))).toBe(text);
  });
});
