import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportPublicKey,
  generateSigningKeyPair,
  parsePack,
  signPack,
  type Pack,
} from '../../src/domain/index.ts';
import { FORMULA_TEXTS } from '../../src/testing/csvInjection.ts';
import { MINI_PACK, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mini = (): Pack => {
  const result = parsePack(readFileSync(MINI_PACK, 'utf8'));
  if (!result.ok) throw new Error('mini pack must parse');
  return result.pack;
};
const signer = await generateSigningKeyPair();
const keys = writeJson(dir, 'keys.json', [
  { name: 'compliance', publicKey: await exportPublicKey(signer.publicKey) },
]);
const sign = (pack: Pack) => signPack(pack, signer.privateKey, signer.publicKey);
const v110 = await sign({ ...mini(), version: '1.1.0', status: 'published' });
const v100 = await sign({ ...mini(), version: '1.0.0', status: 'published' });
const clients = join(dir, 'clients.jsonl');
writeFileSync(
  clients,
  `${FORMULA_TEXTS.map((clientId) => JSON.stringify({ clientId, facts: { age: 40 }, answers: { Q1: 'C', Q2: ['B'] }, evaluationDate: '2026-06-01' })).join('\n')}\n`,
);

describe('trust on the command line', () => {
  it('verify refuses a rollback below --min-version and a revoked hash', async () => {
    const old = writeJson(dir, 'v100.json', v100);
    expect((await runCli(['verify', old, '--trusted', keys])).code).toBe(0);
    const rollback = await runCli(['verify', old, '--trusted', keys, '--min-version', '1.1.0']);
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toMatch(
      /v100\.json:\d+:\d+ \$\.version: version 1\.0\.0 is older than the required 1\.1\.0.*\[version\.tooOld\]/,
    );
    const revoked = writeJson(dir, 'revoked.json', [v100.integrity?.hash]);
    const run = await runCli(['verify', old, '--trusted', keys, '--revoked', revoked]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[hash.revoked]');
  });

  it('evaluate, test and validate with --trusted refuse an unsigned or re-signed-by-no-one pack', async () => {
    const { integrity: _gone, ...stripped } = v110;
    const unsigned = writeJson(dir, 'unsigned.json', stripped);
    const edited = writeJson(dir, 'edited.json', {
      ...v110,
      integrity: {
        ...v110.integrity,
        approvals: [{ by: 'x', role: 'r', at: '2026-01-01', decision: 'approved', comment: '' }],
      },
    });
    for (const [file, code] of [
      [unsigned, 'integrity.missing'],
      [edited, 'signature.invalid'],
    ] as const) {
      const runs = await Promise.all([
        runCli(['validate', file, '--trusted', keys]),
        runCli(['test', file, '--trusted', keys]),
        runCli(['evaluate', file, '--input', clients, '--trusted', keys]),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`[${code}]`);
        expect(run.stdout).toBe('');
      }
    }
    // Without --trusted, a published pack whose integrity was deleted runs, with a warning.
    const warned = await runCli(['validate', unsigned]);
    expect(warned.stderr).toContain('unsigned.json is published but has no integrity');
  });

  it('evaluate --trusted runs a signed pack and writes formula-like client ids as text in CSV', async () => {
    const good = writeJson(dir, 'v110.json', v110);
    for (const workers of ['0', '2']) {
      const run = await runCli([
        'evaluate',
        good,
        '--input',
        clients,
        '--trusted',
        keys,
        '--format',
        'csv',
        '--workers',
        workers,
      ]);
      expect(run.code).toBe(0);
      const rows = Papa.parse<string[]>(run.stdout, { skipEmptyLines: true }).data.slice(1);
      expect(rows.map((r) => r[0])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
    }
  });
});
