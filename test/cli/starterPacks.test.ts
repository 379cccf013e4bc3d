import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePack } from '../../src/domain/index.ts';
import { compilePack, evaluate } from '../../src/engine/index.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';

const packsDir = join(ROOT, 'rule-packs');
const starters = readdirSync(packsDir).filter((d) => existsSync(join(packsDir, d, 'pack.json')));
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(starters)('starter pack %s through the CLI', (name) => {
  const pack = join(packsDir, name, 'pack.json');

  it('validates and passes its own tests, named by its file or by its folder', async () => {
    const [validate, test] = await Promise.all([
      runCli(['validate', pack]),
      runCli(['test', join(packsDir, name)]),
    ]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(test.stdout).toMatch(/ 0 failed/);
    expect(test.code).toBe(0);
  });

  it('evaluates its personas as the library does, and its sample CSV when it has one', async () => {
    const parsed = parsePack(readFileSync(pack, 'utf8'));
    if (!parsed.ok) throw new Error(`${name} must parse`);
    const compiled = compilePack(parsed.pack);
    const personas = join(dir, `${name}.jsonl`);
    writeFileSync(
      personas,
      parsed.pack.sampleClients.map((c) => `${JSON.stringify(c.input)}\n`).join(''),
    );
    const sampleCsv = join(packsDir, name, 'clients-sample.csv');
    const [jsonl, csv] = await Promise.all([
      runCli(['evaluate', pack, '--input', personas]),
      existsSync(sampleCsv)
        ? runCli(['evaluate', pack, '--input', sampleCsv, '--format', 'csv'])
        : undefined,
    ]);
    expect(jsonl.code).toBe(0);
    const rows = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outputs: unknown; products: unknown });
    const expected = parsed.pack.sampleClients.map((c) => evaluate(compiled, c.input));
    expect(rows.map((r) => r.outputs)).toEqual(expected.map((r) => r.outputs));
    expect(rows.map((r) => r.products)).toEqual(
      JSON.parse(JSON.stringify(expected.map((r) => r.products))),
    );
    if (csv) {
      expect(csv.stderr).toMatch(/, 0 failed/);
      expect(csv.code).toBe(0);
    }
  });
});
