import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { starterSamples } from './testSupport.ts';

const CLI = fileURLToPath(new URL('../../../bin/suitability.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kill-nine-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `suitability serve --packs` in a child process, records in PGlite under `dir/data`. */
async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--packs', join(dir, 'packs'), '--data', join(dir, 'data')].concat([
      '--port',
      '0',
      '--allow-anonymous',
    ]),
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en' } },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.resume();
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { child, url };
}

describe('kill -9 under load', () => {
  it('keeps the record of every decision answered 200', async () => {
    mkdirSync(join(dir, 'packs'));
    writeFileSync(join(dir, 'packs', 'csrc.json'), JSON.stringify(loadStarterPack('cn-csrc-2017')));
    const inputs = starterSamples('cn-csrc-2017');
    const first = await serve();
    const answered: string[] = [];
    let killed = false;
    const loop = async (k: number) => {
      for (let i = k; !killed; i += 8) {
        try {
          const res = await fetch(`${first.url}/v1/decisions/cn-csrc-2017`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(inputs[i % inputs.length]),
          });
          const body = (await res.json()) as { decisionId?: string };
          if (res.status === 200 && body.decisionId) answered.push(body.decisionId);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const loops = Array.from({ length: 8 }, (_, k) => loop(k));
    while (answered.length < 150) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(loops);

    const again = await serve();
    const found = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { records: { id: string }[]; nextCursor: string | null } = await (
        await fetch(
          `${again.url}/v1/decisions?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json();
      for (const r of page.records) found.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
    again.child.kill('SIGTERM');
    expect(answered.length).toBeGreaterThanOrEqual(150);
    expect(answered.filter((id) => !found.has(id))).toEqual([]);
  }, 180_000);
});
