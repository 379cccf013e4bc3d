import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CSRC_PACK, ROOT, runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = join(ROOT, 'rule-packs/cn-csrc-2017/clients-sample.csv');

describe('suitability evaluate --engine duckdb', () => {
  it('writes the rows the JS engine writes, with an error column', async () => {
    const js = join(dir, 'js.csv');
    const duck = join(dir, 'duck.csv');
    const a = await runCli(['evaluate', CSRC_PACK, '--input', SAMPLE, '--out', js]);
    const b = await runCli([
      'evaluate',
      CSRC_PACK,
      '--input',
      SAMPLE,
      '--out',
      duck,
      '--engine',
      'duckdb',
      '--workers',
      '1',
    ]);
    expect(a.code).toBe(0);
    expect(b.stderr).toContain('evaluated 20 client(s), 0 failed');
    expect(b.code).toBe(0);
    const expected = readFileSync(js, 'utf8').trimEnd().split('\n');
    const got = readFileSync(duck, 'utf8').trimEnd().split('\n');
    expect(got[0]).toBe(`${expected[0]},error`);
    expect(got.slice(1)).toEqual(expected.slice(1).map((line) => `${line},`));
  }, 120_000);

  it('refuses a pack SQL cannot express, naming each place at its JSON path', async () => {
    const pack = join(ROOT, 'rule-packs/eu-mifid2/pack.json');
    const run = await runCli([
      'evaluate',
      pack,
      '--input',
      SAMPLE,
      '--out',
      join(dir, 'x.csv'),
      '--engine',
      'duckdb',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pack\.json:\d+:\d+ error \$\.graph\.nodes\[\d+\]/);
  }, 120_000);

  it('needs --out and reads only CSV or Parquet', async () => {
    const noOut = await runCli(['evaluate', CSRC_PACK, '--input', SAMPLE, '--engine', 'duckdb']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--engine duckdb needs --out FILE');
    const jsonl = await runCli([
      'evaluate',
      CSRC_PACK,
      '--input',
      join(dir, 'a.jsonl'),
      '--out',
      join(dir, 'y.csv'),
      '--engine',
      'duckdb',
    ]);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toContain('--engine duckdb reads .csv or .parquet');
  }, 120_000);
});
