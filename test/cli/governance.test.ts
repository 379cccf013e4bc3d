import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  base64ToBytes,
  bytesToBase64,
  exportPublicKey,
  generateSigningKeyPair,
  parsePack,
  signPack,
  stampPackHash,
  type Pack,
} from '../../src/domain/index.ts';
import { CSRC_PACK, MINI_PACK, miniPack, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(file: string): Pack {
  const result = parsePack(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} must parse`);
  return result.pack;
}

const signer = await generateSigningKeyPair();
const stranger = await generateSigningKeyPair();
const keysFile = writeJson(dir, 'keys.json', [
  { name: 'compliance-2026', publicKey: await exportPublicKey(signer.publicKey) },
]);
const signed = await signPack(load(CSRC_PACK), signer.privateKey, signer.publicKey);
const signedFile = writeJson(dir, 'signed.json', signed);

describe('suitability verify', () => {
  it('exits 0 when the hash matches and a trusted key signed it', async () => {
    const run = await runCli(['verify', signedFile, '--trusted', keysFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`content hash ${signed.integrity?.hash} matches`);
    expect(run.stdout).toContain('"compliance-2026"');
  });

  it('refuses a pack with one byte of content changed, naming the hash line', async () => {
    const text = readFileSync(signedFile, 'utf8');
    const at = text.indexOf('"points": 2');
    expect(at).toBeGreaterThan(0);
    const tampered = `${text.slice(0, at)}"points": 3${text.slice(at + '"points": 2'.length)}`;
    expect(tampered.length).toBe(text.length);
    const file = join(dir, 'tampered.json');
    writeFileSync(file, tampered);
    const line = tampered.split('\n').findIndex((l) => l.includes('"hash"')) + 1;
    const run = await runCli(['verify', file, '--trusted', keysFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}:`);
    expect(run.stderr).toContain('content hash mismatch');
    expect(run.stdout).toBe('');
  });

  it('refuses a valid signature by a key that is not trusted', async () => {
    const other = await signPack(load(CSRC_PACK), stranger.privateKey, stranger.publicKey);
    const file = writeJson(dir, 'stranger.json', other);
    const run = await runCli(['verify', file, '--trusted', keysFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /\$\.integrity\.signature\.publicKey: the signing key .* is not one of the trusted keys \[signature\.untrusted\]/,
    );
  });

  it('refuses a wrong signature under the trusted key', async () => {
    const forged = structuredClone(signed);
    const bytes = base64ToBytes(forged.integrity?.signature?.value ?? '') as Uint8Array;
    bytes[0] = (bytes[0] ?? 0) ^ 0x80;
    if (forged.integrity?.signature) forged.integrity.signature.value = bytesToBase64(bytes);
    const file = writeJson(dir, 'forged.json', forged);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findLastIndex((l) => l.includes('"value"')) + 1;
    const run = await runCli(['verify', file, '--trusted', keysFile, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}:`);
    expect(run.stderr).toContain('签名无效');
    expect(run.stderr).toContain('[signature.invalid]');
  });

  it('refuses a stamped pack without a signature and an unstamped one', async () => {
    const stamped = writeJson(dir, 'stamped.json', stampPackHash(load(MINI_PACK)));
    const [unsigned, bare] = await Promise.all([
      runCli(['verify', stamped, '--trusted', keysFile]),
      runCli(['verify', MINI_PACK, '--trusted', keysFile]),
    ]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('the pack is not signed');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('[integrity.missing]');
  });

  it('explains a missing or malformed keys file', async () => {
    const badKeys = writeJson(dir, 'badKeys.json', [{ name: 'x' }]);
    const [none, bad, missing] = await Promise.all([
      runCli(['verify', signedFile]),
      runCli(['verify', signedFile, '--trusted', badKeys]),
      runCli(['verify', signedFile, '--trusted', join(dir, 'nope.json')]),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('verify needs --trusted keys.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'badKeys.json: a trusted keys file is [{ "name": ..., "publicKey": base64 }]; $[0].publicKey',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);
  });
});

describe('suitability validate runs lint', () => {
  it('fails on a lint error, located by file and line', async () => {
    const pack = miniPack() as {
      graph: { nodes: { id: string; config: { bands?: { min: number }[] } }[] };
    };
    const classify = pack.graph.nodes.find((n) => n.id === 'classify');
    (classify?.config.bands?.[1] as { min: number }).min = 16;
    const file = writeJson(dir, 'gap.json', pack);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `${file}:\\d+:\\d+ \\$\\.graph\\.nodes\\[2\\]\\.config\\.bands\\[1\\]\\.min: error gap between band C1 \\(up to 10\\) and C2 \\(from 16\\).* \\[lint\\.band\\.gap\\]`,
      ),
    );
    expect(run.stdout).toMatch(/invalid, 1 error\(s\), 0 warning\(s\)/);
  });

  it('prints lint warnings and still passes', async () => {
    const pack = miniPack() as { title: Record<string, string> };
    pack.title.en = '';
    const file = writeJson(dir, 'untranslated.json', pack);
    const run = await runCli(['validate', file, '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$.title: 警告 缺少 en 文本');
    expect(run.stdout).toContain('[lint.translation.missing]');
    expect(run.stdout).toMatch(/有效，1 个警告/);
  });
});
