import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePack } from '../../src/domain/index.ts';
import { CSRC_PACK, runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Module = {
  evaluate: (input: unknown) => {
    outputs: Record<string, unknown>;
    flags: string[];
    products: Record<string, { verdict: string }>;
  };
  pack: { id: string; version: string };
};

describe('suitability export --to js', () => {
  it('writes a module and its declarations that pass the pack’s own test cases', async () => {
    const out = join(dir, 'csrc.mjs');
    const run = await runCli(['export', CSRC_PACK, '--to', 'js', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'csrc.d.mts'))).toBe(true);
    expect(readFileSync(join(dir, 'csrc.d.mts'), 'utf8')).toContain(
      'export declare function evaluate(input: Input): Result;',
    );
    const mod = (await import(pathToFileURL(out).href)) as Module;
    const parsed = parsePack(readFileSync(CSRC_PACK, 'utf8'), CSRC_PACK);
    if (!parsed.ok) throw new Error('the CSRC pack must parse');
    expect(mod.pack.id).toBe(parsed.pack.id);
    const cases = parsed.pack.tests;
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const t of cases) {
      if (t.expect.error) {
        expect(() => mod.evaluate(t.input)).toThrow(
          expect.objectContaining({ code: t.expect.error }) as Error,
        );
        continue;
      }
      const result = mod.evaluate(t.input);
      for (const [name, value] of Object.entries(t.expect.outputs ?? {}))
        expect([t.id, name, result.outputs[name]]).toEqual([t.id, name, value]);
      for (const [name, on] of Object.entries(t.expect.flags ?? {}))
        expect([t.id, name, result.flags.includes(name)]).toEqual([t.id, name, on]);
      for (const [id, verdict] of Object.entries(t.expect.products ?? {}))
        expect([t.id, id, result.products[id]?.verdict]).toEqual([t.id, id, verdict]);
    }
  });

  it('refuses an unknown target with a usage error', async () => {
    const run = await runCli(['export', CSRC_PACK, '--to', 'python']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('js');
  });
});
