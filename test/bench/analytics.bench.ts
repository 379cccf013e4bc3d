/**
 * Questionnaire analytics over a generated population of each starter pack: clients per second,
 * with and without the sensitivity pass (varying each answer). Prints figures; never fails on time.
 * Run: npx tsx test/bench/analytics.bench.ts [clients]
 */
import { readFileSync } from 'node:fs';
import { parsePack } from '../../src/domain/index.ts';
import {
  compilePack,
  createPopulation,
  mergeAnalyticsParts,
  prepareAnalytics,
  summarizeAnalytics,
} from '../../src/engine/index.ts';

const n = Number(process.argv[2] ?? 5_000);
for (const id of ['cn-csrc-2017', 'cn-bank-wealth', 'eu-mifid2']) {
  const parsed = parsePack(JSON.parse(readFileSync(`rule-packs/${id}/pack.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const compiled = compilePack(parsed.pack);
  const population = createPopulation(parsed.pack, { seed: 1, evaluationDate: '2026-06-01' });
  const clients = Array.from({ length: n }, (_, i) => population.clientAt(i));
  // 0: figures only; then the studio's sampling (at most 5,000 clients varied).
  for (const stride of [0, Math.max(1, Math.ceil(n / 5_000))]) {
    const analytics = prepareAnalytics(compiled, { sensitivityStride: stride });
    const started = performance.now();
    // Two halves merged, as two workers would.
    const a = analytics.createPart();
    const b = analytics.createPart();
    clients.forEach((c, i) => analytics.add(i < n / 2 ? a : b, c, i));
    const report = summarizeAnalytics(analytics.shape, mergeAnalyticsParts(a, b));
    const ms = performance.now() - started;
    console.log(
      `${id.padEnd(15)} ${stride > 0 ? `varying 1 in ${stride}` : 'figures only    '} ${n} clients ${ms.toFixed(0)} ms (${((n / ms) * 1000).toFixed(0)}/s)` +
        ` alpha*=${report.dimensions[0]?.alpha?.toFixed(3)} dead=${report.dead.join(',') || '-'} top=${report.movers
          .slice(0, 3)
          .map((m) => `${m.question}:${m.moved.count}`)
          .join(',')} ko=${report.knockout.count} errors=${report.errors}`,
    );
  }
}
