import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diverseClients } from '../../../testing/diversePopulation.ts';
import { loadStarterPack, starterPackNames } from '../../../testing/starterPackFiles.ts';
import { compilePack } from '../../compilePack.ts';
import { evaluate } from '../../evaluate.ts';
import { EvaluationError } from '../../types.ts';
import { exportJsModule } from './exportJs.ts';

type Module = { evaluate: (input: unknown) => unknown };

const dir = mkdtempSync(join(tmpdir(), 'suitability-js-'));

/** Writes the module as a file and imports it, as an engineer shipping it would. */
async function load(name: string, js: string): Promise<Module> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, js);
  return (await import(pathToFileURL(file).href)) as Module;
}

/** Deep equality of JSON-like values, without building strings of 10,000 outcomes. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if (
      !Object.hasOwn(b, k) ||
      !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
      return false;
  return true;
}

function outcome(run: () => unknown): unknown {
  try {
    const r = run() as { outputs: unknown; flags: unknown; products: unknown };
    return { outputs: r.outputs, flags: r.flags, products: r.products };
  } catch (e) {
    const err = e as EvaluationError;
    if (!(err instanceof Error) || typeof err.code !== 'string') throw e;
    return { error: err.code, path: err.path, nodeId: err.nodeId, localized: err.localized };
  }
}

describe.each(starterPackNames)('%s as a standalone JS module', (file) => {
  const pack = loadStarterPack(file);
  const compiled = compilePack(pack);
  const seed = [...pack.id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 11);

  it('gives the engine’s outputs, flags, verdicts and errors for 10,000 clients', async () => {
    const mod = await load(pack.id, exportJsModule(compiled).js);
    const clients = diverseClients(pack, seed, 10_000);
    const firstOutput = pack.graph.nodes.find((n) => n.kind === 'output')?.config;
    const name = firstOutput && 'outputs' in firstOutput ? firstOutput.outputs[0]?.name : undefined;
    const levels = new Map<string, number>();
    let errors = 0;
    let differences = 0;
    let first: unknown;
    for (const input of clients) {
      const engine = outcome(() => evaluate(compiled, input, { rationale: false }));
      const module = outcome(() => mod.evaluate(input));
      if ('error' in (engine as object)) errors++;
      else {
        const level = String((engine as { outputs: Record<string, unknown> }).outputs[name ?? '']);
        levels.set(level, (levels.get(level) ?? 0) + 1);
      }
      // The whole outcome, -0 and key sets included; toEqual per client would take minutes.
      if (!same(engine, module)) {
        differences++;
        first ??= { input, engine, module };
      }
    }
    expect(first).toBeUndefined();
    expect(differences).toBe(0);
    // The population must exercise errors and several levels, or the comparison proves little.
    expect(errors).toBeGreaterThan(50);
    expect(errors).toBeLessThan(1500);
    expect(levels.size).toBeGreaterThanOrEqual(3);
  });
});

describe('a pack whose text is hostile', () => {
  const HOSTILE = '"); globalThis.pwned = true; ("`${globalThis.pwned = true}`*/</script>\u2028';
  const pack = structuredClone(loadStarterPack('cn-csrc-2017'));
  for (const node of pack.graph.nodes) {
    if (node.kind === 'rules')
      node.config.rules.forEach((rule, i) => {
        rule.name = `${HOSTILE}${i}`;
      });
    if (node.kind === 'match')
      for (const d of node.config.dimensions) d.reason.text = { 'zh-CN': HOSTILE, en: HOSTILE };
  }
  const rules = pack.graph.nodes.find((n) => n.kind === 'rules');
  if (rules?.kind === 'rules')
    rules.config.rules.push({
      name: 'hostileValue',
      priority: 1,
      conditions: { any: [{ fact: 'investorType', operator: 'equal', value: HOSTILE }] },
      event: {
        type: 'reason',
        params: { code: 'hostile', text: { 'zh-CN': HOSTILE, en: HOSTILE } },
      },
    });

  it('is carried as data: the module runs it as the engine does, and runs nothing of it', async () => {
    const compiled = compilePack(pack);
    const { js, dts } = exportJsModule(compiled);
    expect(js).not.toMatch(/\beval\b|new Function|Function\(/);
    const mod = await load('hostile', js);
    expect(dts).toContain('export declare function evaluate');
    let reasons = 0;
    for (const input of diverseClients(pack, 5, 500)) {
      const engine = outcome(() => evaluate(compiled, input, { rationale: false }));
      expect(
        same(
          engine,
          outcome(() => mod.evaluate(input)),
        ),
      ).toBe(true);
      if (JSON.stringify(engine).includes(JSON.stringify(HOSTILE).slice(1, -1))) reasons++;
    }
    expect(reasons).toBeGreaterThan(0);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
