import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EvaluationInput, Pack } from '../../src/domain/index.ts';
import { compilePack, evaluate, exportJsModule } from '../../src/engine/index.ts';
import { diverseClients } from '../../src/testing/diversePopulation.ts';
import { num, printTable, TIMING_HEADER, timeSync, timingRows } from './measure.ts';

type Module = { evaluate: (input: unknown) => unknown };

/** Evaluates, or returns the error: a population may hold inputs the decision refuses. */
const attempt = (run: () => unknown) => {
  try {
    return run();
  } catch (e) {
    return e;
  }
};

/**
 * The generated JS module against the compiled engine, on the seeded population and on a
 * "diverse" one (answers at random, unanswered questions, edge values, varied dates), where
 * clients share fewer match outcomes.
 */
export async function runJsModuleBench(pack: Pack, seeded: readonly EvaluationInput[]) {
  const compiled = compilePack(pack);
  const noMemo = compilePack(pack, { memo: false });
  let start = performance.now();
  const { js } = exportJsModule(compiled);
  const exportMs = performance.now() - start;
  const dir = mkdtempSync(join(tmpdir(), 'suitability-bench-'));
  const file = join(dir, `${pack.id}.mjs`);
  writeFileSync(file, js);
  start = performance.now();
  const mod = (await import(pathToFileURL(file).href)) as Module;
  const importMs = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  const diverse = diverseClients(pack, 20260601, seeded.length);
  for (const [name, inputs] of [
    ['seeded', seeded],
    ['diverse', diverse],
  ] as const) {
    const engine = timeSync('interpreter, memo on (batch: no rationale)', inputs, (x) =>
      attempt(() => evaluate(compiled, x, { rationale: false })),
    );
    const off = timeSync('interpreter, memo off (batch: no rationale)', inputs, (x) =>
      attempt(() => evaluate(noMemo, x, { rationale: false })),
    );
    const module = timeSync('generated JS module', inputs, (x) => attempt(() => mod.evaluate(x)));
    printTable(
      `Interpreter (memo on/off) and JS module, ${name} population (${num(inputs.length)} clients)`,
      TIMING_HEADER,
      timingRows([engine, off, module], engine),
    );
  }
  console.log(
    `\nJS module: ${num(js.length / 1024)} KiB, exported in ${num(exportMs, 1)} ms, imported in ${num(importMs, 1)} ms`,
  );
}
