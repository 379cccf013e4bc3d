import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, MINI_PACK, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves once `check` holds, polling; fails after `limitMs` so a broken run cannot hang. */
async function until(check: () => boolean, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an interrupted evaluate', () => {
  it('removes its unfinished output', async () => {
    const rows = ['clientId,evaluationDate,answers.Q1,answers.Q2'];
    for (let i = 0; i < 300_000; i++) rows.push(`c${i},2026-06-01,${'ABC'[i % 3]},B|C`);
    const input = join(dir, 'many.csv');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [
      BIN,
      'evaluate',
      MINI_PACK,
      '--input',
      input,
      '--out',
      join(dir, 'out.jsonl'),
    ]);
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    await until(() => temps().length > 0);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(dir).sort()).toEqual(['many.csv']);
  });
});
