import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../src/engine/index.ts';
import { CSRC_PACK, ROOT, runCli, tempDir } from './runCli.ts';

const SAMPLE = join(ROOT, 'rule-packs/cn-csrc-2017/clients-sample.csv');

describe('suitability analyze', () => {
  it('writes the figures as JSON on stdout', async () => {
    const run = await runCli(['analyze', CSRC_PACK, '--clients', SAMPLE]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as AnalyticsReport;
    expect(report.clients).toBe(20);
    expect(report.errors).toBe(0);
    expect(report.dimensions[0]?.alpha).toEqual(expect.any(Number));
    expect(report.questions).toHaveLength(20);
    // Every client answered Q1: its option counts add up to the clients.
    expect(report.questions[0]?.categories.reduce((s, c) => s + c.count, 0)).toBe(20);
    expect(report.coherence.map((c) => c.id)).toEqual([
      'noDebtsButRepaysDebts',
      'neverInvestedButDerivatives',
      'noLossButAllRisky',
    ]);
  });

  it('writes escaped CSV to a file and says where, exit 1 when rows fail', async () => {
    const dir = tempDir();
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const bad = (lines[1] ?? '').replace(/^[^,]*/, 'broken').replace(/,A,/, ',Z,');
    writeFileSync(join(dir, 'clients.csv'), `${[...lines, bad].join('\n')}\n`);
    const out = join(dir, 'figures.csv');
    const run = await runCli([
      'analyze',
      CSRC_PACK,
      '--clients',
      join(dir, 'clients.csv'),
      '--out',
      out,
      '--vary-every',
      '0',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/clients\.csv:22 /);
    expect(run.stderr).toContain('analysed 20 client(s) (answers varied for 0), 1 failed');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('figure,question,option,dimension,rule,count,of,value');
    expect(csv).toContain('\nalpha,,,*,,,20,');
  });

  it('refuses a missing --clients with a usage error', async () => {
    const run = await runCli(['analyze', CSRC_PACK]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--clients');
  });
});
