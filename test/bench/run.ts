/**
 * `npm run bench [-- --only engine,catalogue,rules,cli,whatif,js,serve,duckdb,monitor] [--clients N] [--holdings N] [--reference N] [--zen N] [--seconds N] [--warehouse-rows N]`
 *
 * Prints Markdown tables: the CSRC pack against a seeded population, through our compiled engine,
 * our json-rules-engine reference mode and zen-engine on the JDM export; scaling with catalogue
 * size and rule count; memory; the CLI end to end on a 1,000,000-row CSV with 1 and 2 workers.
 * A benchmark prints figures; it never fails on a time.
 */
import { availableParallelism, cpus } from 'node:os';
import type { EvaluationInput } from '../../src/domain/index.ts';
import { createPopulation } from '../../src/engine/population/population.ts';
import { runCliBench } from './cliBench.ts';
import { runMonitorBench } from './monitorBench.ts';
import { runWhatIfBench } from './whatIf.ts';
import { runJsModuleBench } from './jsModule.ts';
import { runServeBench } from './serveBench.ts';
import { runDuckdbBench } from './duckdbBench.ts';
import { comparePeers } from './engines.ts';
import { mib, num, printTable, TIMING_HEADER, timingRows } from './measure.ts';
import { withCatalogueSize, withExtraRules } from './synthesize.ts';
import { csrcPopulationConfig, loadCsrcPack } from './workload.ts';

const SECTIONS = [
  'engine',
  'catalogue',
  'rules',
  'cli',
  'whatif',
  'js',
  'serve',
  'duckdb',
  'monitor',
] as const;

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  const a = argv[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}
const count = (name: string, fallback: number) => Number(option(name) ?? fallback);
const only = new Set((option('only') ?? SECTIONS.join(',')).split(','));
for (const s of only)
  if (!(SECTIONS as readonly string[]).includes(s))
    throw new Error(`--only takes ${SECTIONS.join(', ')}; got ${s}`);

const pack = loadCsrcPack();
const clients = count('clients', 100_000);
const referenceN = count('reference', 2_000);
const zenN = count('zen', 5_000);

console.log(`# Suitability engine benchmark`);
console.log(
  `\nnode ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x ${availableParallelism()}; pack ${pack.id} ${pack.version}: ` +
    `${pack.products.items.length} products, ${pack.questionnaires[0]?.sections.flatMap((s) => s.questions).length} questions`,
);

const heapAtStart = process.memoryUsage().heapUsed;
let inputs: EvaluationInput[] = [];
const population = createPopulation(pack, csrcPopulationConfig(20260601));
if (only.has('engine') || only.has('catalogue') || only.has('rules') || only.has('js')) {
  const start = performance.now();
  inputs = population.take(clients);
  console.log(
    `population: ${num(clients)} seeded clients generated in ${num(performance.now() - start)} ms`,
  );
}

if (only.has('engine')) {
  const { base, timings, compileMs } = await comparePeers(pack, inputs, {
    reference: referenceN,
    zen: zenN,
    rationale: true,
  });
  printTable(
    `CSRC pack, full catalogue (${pack.products.items.length} products), same clients for every engine`,
    TIMING_HEADER,
    timingRows(timings, base),
  );
  console.log(
    `\ncompile: ours ${num(compileMs.ours, 1)} ms; zen-engine createDecision + first run ${num(compileMs.zen, 1)} ms`,
  );
  const mem = process.memoryUsage();
  printTable(
    'Memory (this process, after the engine section)',
    ['measure', 'value'],
    [
      ['peak RSS (getrusage maxRSS)', mib(process.resourceUsage().maxRSS * 1024)],
      ['RSS now', mib(mem.rss)],
      ['heap used now', mib(mem.heapUsed)],
      [
        `heap grown since start (${num(clients)} inputs held + engines)`,
        mib(mem.heapUsed - heapAtStart),
      ],
    ],
  );
}

if (only.has('catalogue')) {
  const n = Math.min(clients, 20_000);
  const rows: string[][] = [];
  for (const size of [30, 300, 3000]) {
    const sized = withCatalogueSize(pack, size);
    const zen = size >= 3000 ? 50 : size >= 300 ? 500 : 2000;
    const { base, timings } = await comparePeers(
      sized,
      inputs.slice(0, size >= 3000 ? n / 10 : n),
      {
        reference: 300,
        zen,
      },
    );
    for (const row of timingRows(timings, base)) rows.push([`${size}`, ...row]);
  }
  printTable(
    'Scaling with catalogue size (products synthesized from the real catalogue)',
    ['products', ...TIMING_HEADER],
    rows,
  );
}

if (only.has('rules')) {
  const n = Math.min(clients, 20_000);
  const rows: string[][] = [];
  const baseRules = pack.graph.nodes.reduce(
    (s, node) => s + (node.kind === 'rules' ? node.config.rules.length : 0),
    0,
  );
  for (const extra of [0, 100, 1000]) {
    const bigger = withExtraRules(pack, 'policy', extra);
    const { base, timings } = await comparePeers(bigger, inputs.slice(0, n), {
      reference: extra >= 1000 ? 100 : 300,
      zen: extra >= 1000 ? 300 : 1000,
    });
    for (const row of timingRows(timings, base)) rows.push([`${baseRules + extra}`, ...row]);
  }
  printTable(
    'Scaling with rule count (rules added to the policy node)',
    ['rules', ...TIMING_HEADER],
    rows,
  );
}

if (only.has('cli')) await runCliBench(pack, population, count('rows', 1_000_000));
if (only.has('whatif')) await runWhatIfBench(pack, clients);
if (only.has('js')) await runJsModuleBench(pack, inputs);
if (only.has('duckdb')) await runDuckdbBench(pack, population, count('warehouse-rows', 10_000_000));
if (only.has('serve')) await runServeBench(pack, population, count('seconds', 10));
if (only.has('monitor'))
  await runMonitorBench(pack, population, clients, count('holdings', 3 * clients));
