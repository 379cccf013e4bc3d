import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/suitability.mjs');
export const MINI_PACK = join(ROOT, 'src/domain/fixtures/miniPack.json');
export const CSRC_PACK = join(ROOT, 'rule-packs/cn-csrc-2017/pack.json');

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs the real `suitability` binary in a child process, as a user would. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A fresh folder for one test file's inputs and outputs. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'suitability-cli-'));
}

export function miniPack(): Record<string, unknown> {
  return JSON.parse(readFileSync(MINI_PACK, 'utf8')) as Record<string, unknown>;
}

/** Writes a pack (or any JSON) into `dir` and returns its path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
