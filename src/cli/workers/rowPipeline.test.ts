import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPopulation } from '../../engine/population/population.ts';
import { runCli, tempDir } from '../../../test/cli/runCli.ts';
import { inputCsv } from '../../../test/bench/csvRows.ts';
import {
  CSRC_PACK_PATH as CSRC_PACK,
  csrcPopulationConfig,
  loadCsrcPack,
} from '../../../test/bench/workload.ts';

const dir = process.env.KEEP_DIR ?? tempDir();
afterAll(() => {
  if (!process.env.KEEP_DIR) rmSync(dir, { recursive: true, force: true });
});

const pack = loadCsrcPack();
const clients = createPopulation(pack, csrcPopulationConfig(99)).take(3000);

/**
 * 3,000 clients as CSV with bad rows spread through them: an unknown option, text in a number
 * column, a short row, a bad date, and a quoted field spanning two lines (so that record numbers
 * and line numbers part ways).
 */
function csvWithBadRows(): string {
  const csv = inputCsv(pack);
  const lines = [csv.header];
  clients.forEach((c, i) => {
    let row = csv.row(c);
    if (i % 401 === 7) row = row.replace(',natural-person,', ',martian,');
    if (i % 503 === 11) row = csv.row({ ...c, facts: { ...c.facts, age: Number.NaN } });
    if (i % 997 === 13) row = `${c.clientId},2026-06-01\n`;
    if (i % 1201 === 17) row = row.replace('2026-06-01', '2026-13-01');
    if (i % 750 === 19) row = row.replace(`${c.clientId},`, `"${c.clientId}\nsecond line",`);
    lines.push(row);
  });
  return lines.join('');
}

const input = join(dir, 'clients.csv');
writeFileSync(input, csvWithBadRows());
// JSON lines carry the rationale and cost more: a shorter file keeps the test quick.
const shortInput = join(dir, 'clients-short.csv');
writeFileSync(shortInput, csvWithBadRows().split('\n').slice(0, 801).join('\n'));

async function evaluateWith(workers: number, format: 'csv' | 'jsonl', from = input) {
  const out = join(dir, `out-${workers}.${format}`);
  const run = await runCli([
    'evaluate',
    CSRC_PACK,
    '--input',
    from,
    '--out',
    out,
    '--format',
    format,
    '--workers',
    String(workers),
  ]);
  // The summary names the output file, which differs by run; everything else must not.
  const stderr = run.stderr.replaceAll(out, 'OUT');
  return { ...run, stderr, output: readFileSync(out, 'utf8') };
}

describe('evaluate --workers', () => {
  it('gives byte-identical output and the same bad-row lines with 1 worker, 3 workers and none', async () => {
    const one = await evaluateWith(1, 'csv');
    const three = await evaluateWith(3, 'csv');
    const inline = await evaluateWith(0, 'csv');
    expect(one.code).toBe(1);
    const bad = one.stderr.split('\n').filter((l) => l.includes('clients.csv:'));
    expect(bad.length).toBeGreaterThanOrEqual(20);
    // Line numbers name the file's lines: the two-line record pushes later rows down by one.
    expect(bad.some((l) => /clients\.csv:\d+ \(c\d+\): \$\.facts\.investorType/.test(l))).toBe(
      true,
    );
    expect(one.output.split('\n').length).toBeGreaterThan(2900);
    for (const other of [three, inline]) {
      expect(other.code).toBe(one.code);
      expect(other.stderr).toBe(one.stderr);
      expect(other.output).toBe(one.output);
    }
  });

  it('keeps JSON lines in input order across workers', async () => {
    const one = await evaluateWith(1, 'jsonl', shortInput);
    const two = await evaluateWith(2, 'jsonl', shortInput);
    expect(two.output).toBe(one.output);
    const ids = one.output
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { clientId: string }).clientId);
    const numbers = ids.map((id) => Number(id.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('refuses a --workers value that is not a whole number', async () => {
    const run = await runCli(['evaluate', CSRC_PACK, '--input', input, '--workers', 'two']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers');
  });
});
