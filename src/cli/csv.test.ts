import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readCsv, type CsvRecord } from './csv.ts';
import { readLines } from './lines.ts';
import { csvCell, readCsvCell } from '../domain/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'suitability-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileWith = (text: string) => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
};
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readCsv', () => {
  it('handles quotes, doubled quotes, CRLF, blank lines and a BOM, with record line numbers', async () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""",\r\n\r\n"multi\nline",2,3\nlast,,"end"';
    expect(await all(readCsv(fileWith(text)))).toEqual<CsvRecord[]>([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 4, fields: ['multi\nline', '2', '3'] },
      { line: 6, fields: ['last', '', 'end'] },
    ]);
  });

  it('reports an unterminated quote with its line', async () => {
    await expect(all(readCsv(fileWith('a,b\n1,"open\n2,3\n')))).rejects.toMatchObject({ line: 2 });
  });

  it('reads back what csvCell writes, across chunk boundaries (property)', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', '中', ' ', '=', '-', '@', "'", '\t'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 }),
        async (rows) => {
          // A long first cell pushes the rest across the reader's 64 KiB chunks.
          const padded = rows.map((r, i) => (i === 0 ? ['p'.repeat(70_000), ...r] : ['q', ...r]));
          const text = padded.map((r) => r.map(csvCell).join(',')).join('\n');
          const records = await all(readCsv(fileWith(text)));
          expect(records.map((r) => r.fields.map(readCsvCell))).toEqual(padded);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});

describe('readLines', () => {
  it('numbers lines, strips CR and the BOM, keeps a last line without a break', async () => {
    const lines = await all(readLines(fileWith('\ufeff{"a":1}\r\n\n{"b":2}')));
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: '{"b":2}' },
    ]);
  });
});
