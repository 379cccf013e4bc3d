import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pack } from '../../src/domain/index.ts';
import { createRandom, type createPopulation } from '../../src/engine/population/population.ts';
import { ensureCsv, timeCli } from './cliBench.ts';
import { mib, num, printTable } from './measure.ts';

/** Two products re-rated one level up: the "CSRC version" the bench row asks for. */
const RERATED = ['equity-fund', 'a-share'];

/** `holdings` positions over `clients` clients (c0..), seeded: products, amounts and dates. */
async function writeHoldings(path: string, pack: Pack, clients: number, holdings: number) {
  const rand = createRandom(20261208);
  const products = pack.products.items.map((p) => p.id);
  const out = createWriteStream(path);
  out.write('clientId,productId,amount,since\n');
  let text = '';
  for (let i = 0; i < holdings; i++) {
    const client = Math.floor(rand() * clients);
    const product = products[Math.floor(rand() * products.length)] as string;
    const amount = Math.round(1000 + rand() * 500_000);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    text += `c${client},${product},${amount},2025-${month}-01\n`;
    if (text.length > 1 << 16) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

/**
 * `suitability monitor` on a generated book: `clients` clients, `holdings` holdings, the CSRC
 * pack against a next version that re-rates two products, on 2 workers. Prints wall and CPU
 * time with the machine's load (`uptime`), since the machine may be shared.
 */
export async function runMonitorBench(
  pack: Pack,
  population: ReturnType<typeof createPopulation>,
  clients: number,
  holdings: number,
): Promise<void> {
  const book = await ensureCsv(pack, population, clients);
  const dir = mkdtempSync(join(tmpdir(), 'suitability-monitor-bench-'));
  try {
    const v1 = join(dir, 'v1.json');
    const v2 = join(dir, 'v2.json');
    const next = structuredClone(pack);
    next.version = '2.0.0';
    for (const p of next.products.items) if (RERATED.includes(p.id)) p.risk = 'R4';
    writeFileSync(v1, JSON.stringify(pack));
    writeFileSync(v2, JSON.stringify(next));
    const held = join(dir, 'holdings.csv');
    await writeHoldings(held, pack, clients, holdings);
    const rows: string[][] = [];
    for (const workers of [2]) {
      const before = execFileSync('uptime', { encoding: 'utf8' }).trim();
      const r = await timeCli([
        'monitor',
        v2,
        '--clients',
        book,
        '--holdings',
        held,
        '--previous',
        v1,
        '--as-of',
        '2026-06-01',
        '--within',
        '30d',
        '--out',
        join(dir, 'out'),
        '--workers',
        String(workers),
      ]);
      rows.push([
        `${workers}`,
        num(clients),
        num(holdings),
        `${num(r.seconds, 1)} s`,
        `${num(r.cpu, 1)} s`,
        mib(r.rssKb * 1024),
        before.replace(/^.*load average:\s*/, ''),
        r.code === 0 ? 'ok' : `exit ${r.code}: ${r.tail}`,
      ]);
    }
    printTable(
      `suitability monitor: ${num(clients)} clients, ${num(holdings)} holdings, next version re-rates ${RERATED.join(' and ')} (target < 10 s on 2 workers)`,
      [
        'workers',
        'clients',
        'holdings',
        'wall time',
        'CPU time',
        'peak RSS',
        'load (uptime: 1, 5, 15 min)',
        'exit',
      ],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
