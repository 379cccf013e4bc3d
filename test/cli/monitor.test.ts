import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPack, parsePack, type Pack, type Scenario } from '../../src/domain/index.ts';
import { CSRC_PACK, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const v1 = JSON.parse(readFileSync(CSRC_PACK, 'utf8')) as Pack;
const equityUp: Scenario = {
  id: 'equity-up',
  name: { 'zh-CN': '权益基金上调一级', en: 'Equity funds one level up' },
  rerate: [{ select: { tags: ['fund', 'equity'] }, shift: 1 }],
};
/** The next version re-rates two products and saves a scenario with the pack. */
const v2: Pack = structuredClone(v1);
v2.version = '2.0.0';
for (const p of v2.products.items) if (p.id === 'equity-fund' || p.id === 'a-share') p.risk = 'R4';
v2.scenarios = [equityUp];
const V1 = writeJson(dir, 'v1.json', v1);
const V2 = writeJson(dir, 'v2.json', v2);

const sample = (id: string, change: Record<string, unknown> = {}) => ({
  ...v1.sampleClients.find((c) => c.id === id)?.input,
  assessmentDate: '2026-01-10',
  evaluationDate: '2026-06-01',
  ...change,
});
const CLIENTS = join(dir, 'clients.jsonl');
writeFileSync(
  CLIENTS,
  [
    sample('expired-sun'),
    sample('young-professional-li', { clientId: '=HYPERLINK("x")' }),
    sample('aggressive-wu', { assessmentDate: '2024-06-20' }),
  ]
    .map((c) => JSON.stringify(c))
    .join('\n') + '\n',
);
const HOLDINGS = join(dir, 'holdings.csv');
writeFileSync(
  HOLDINGS,
  'clientId,productId,amount,since\n' +
    'expired-sun,equity-fund,50000,2025-03-01\n' +
    'expired-sun,a-share,7000,2025-03-01\n' +
    '"=HYPERLINK(""x"")",equity-fund,20000,2025-01-01\n',
);
const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8');
const base = ['--clients', CLIENTS, '--holdings', HOLDINGS, '--as-of', '2026-06-01'];

describe('suitability monitor', () => {
  it('lists what a new version changes, writes escaped CSV and JSONL, and one notice per client', async () => {
    const run = await runCli([
      'monitor',
      V2,
      ...base,
      '--previous',
      V1,
      '--out',
      join(dir, 'out'),
      '--notices',
      join(dir, 'notices'),
      '--workers',
      '1',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('changed clients (level, professional status or a verdict): 1');
    expect(run.stdout).toContain(
      'holdings not suitable: 2 (amount 57000) in 2 products, 1 clients; newly: 2',
    );
    expect(run.stdout).toContain('expiring: 1 assessments');
    expect(run.stdout).toContain('re-rated products: 2, their holdings: 3');
    const changes = read('out', 'changes.csv').split('\r\n');
    expect(changes[0]).toBe(
      'clientId,line,levelBefore,levelAfter,professionalBefore,professionalAfter,changedProducts,reasonsZh,reasonsEn',
    );
    expect(changes[1]).toMatch(
      /^expired-sun,1,C3,C3,false,false,a-share: allowed -> warn; equity-fund: allowed -> warn,/,
    );
    expect(read('out', 'rating-holders.csv')).toContain(`'=HYPERLINK(""x"")`);
    const holders = read('out', 'rating-holders.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      holders.map((h: { clientId: string; product: string }) => [h.product, h.clientId]),
    ).toEqual([
      ['equity-fund', 'expired-sun'],
      ['a-share', 'expired-sun'],
      ['equity-fund', '=HYPERLINK("x")'],
    ]);
    expect(read('out', 'expiring.csv')).toContain('aggressive-wu,assessment,expiring,2026-06-20');
    const notices = readdirSync(join(dir, 'notices')).sort();
    expect(notices).toEqual(['_HYPERLINK__x__.html', 'all.html', 'expired-sun.html']);
    const html = read('notices', 'expired-sun.html');
    expect(html).toContain('version 2.0.0');
    const parsed = parsePack(JSON.stringify(v2));
    if (!parsed.ok) throw new Error('v2 parses');
    expect(html).toContain(hashPack(parsed.pack));
    expect(html).toContain('Art. 21');
    expect(read('notices', '_HYPERLINK__x__.html')).toContain('=HYPERLINK(&quot;x&quot;)');
  });

  it('runs a scenario saved with the pack, the same on this thread and on two workers', async () => {
    const args = ['monitor', V2, ...base, '--scenario', 'equity-up', '--lang', 'zh-CN'];
    const [here, two] = await Promise.all([
      runCli([...args, '--workers', '0', '--out', join(dir, 's0')]),
      runCli([...args, '--workers', '2', '--out', join(dir, 's2')]),
    ]);
    expect(here.code).toBe(0);
    expect(here.stdout).toContain('风险等级调整的产品：3');
    expect(two.stdout).toBe(here.stdout.replace(join(dir, 's0'), join(dir, 's2')));
    for (const name of [
      'changes.jsonl',
      'unsuitable-holdings.csv',
      'rating-changes.csv',
      'expiring.jsonl',
    ])
      expect(read('s2', name)).toBe(read('s0', name));
    expect(read('s0', 'rating-changes.csv')).toContain('hybrid-fund');
  });

  it('compares with earlier results written by evaluate', async () => {
    const results = join(dir, 'previous.jsonl');
    const evaluated = await runCli([
      'evaluate',
      V1,
      '--input',
      CLIENTS,
      '--out',
      results,
      '--workers',
      '0',
    ]);
    expect(evaluated.code).toBe(0);
    const run = await runCli([
      'monitor',
      V2,
      ...base,
      '--previous-results',
      results,
      '--out',
      join(dir, 'r'),
    ]);
    expect(run.code).toBe(0);
    expect(read('r', 'changes.csv')).toMatch(
      /\r\nexpired-sun,1,C3,C3,false,false,a-share: allowed -> warn; equity-fund: allowed -> warn,/,
    );
  });

  it('names the file and line of every bad row, and exits 1', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(sample('expired-sun'))}\n{oops\n`);
    const badHoldings = join(dir, 'bad-holdings.csv');
    writeFileSync(
      badHoldings,
      'clientId,productId,amount,since\nexpired-sun,equity-fund,lots,2025-01-01\nexpired-sun,nope,1,2025-01-01\n',
    );
    const run = await runCli([
      'monitor',
      V2,
      '--clients',
      bad,
      '--holdings',
      badHoldings,
      '--as-of',
      '2026-06-01',
      '--workers',
      '0',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${badHoldings}:2: amount must be a number of at least 0, got "lots"`,
    );
    expect(run.stderr).toContain(`${badHoldings}:3: no product nope in the catalogue`);
    expect(run.stderr).toContain(`${bad}:2: JSON syntax error`);
  });

  it('refuses unclear options with a localized usage error', async () => {
    const both = await runCli([
      'monitor',
      V2,
      ...base,
      '--previous',
      V1,
      '--previous-results',
      CLIENTS,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --previous or --previous-results, not both');
    const scenario = await runCli([
      'monitor',
      V2,
      ...base,
      '--scenario',
      'nope',
      '--lang',
      'zh-CN',
    ]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('规则包中没有情景 "nope"');
    const within = await runCli(['monitor', V2, ...base, '--within', 'soon']);
    expect(within.stderr).toContain('--within must be days, weeks, months or years');
  });
});
