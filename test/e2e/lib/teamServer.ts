import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { check } from './types.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type TeamServer = { url: string; close: () => Promise<void> };

/**
 * A real `suitability serve` on an empty temporary data folder and a free port, serving the built
 * studio; `close` stops it and removes the folder.
 */
export async function startTeamServer(): Promise<TeamServer> {
  const data = mkdtempSync(join(tmpdir(), 'suitability-e2e-'));
  const child = spawn(
    process.execPath,
    [join(repo, 'bin', 'suitability.mjs'), 'serve', '--data', data, '--port', '0'],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A run that stops early must not leave the server behind.
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) resolve(`${found[1]}/`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    close: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      process.off('exit', stop);
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** A second person at another browser: a context of their own (cookies, IndexedDB). */
export async function otherBrowser(context: BrowserContext): Promise<BrowserContext> {
  const browser = context.browser() as Browser;
  return browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 820 } });
}

export async function signIn(page: Page, url: string, username: string, password: string) {
  await page.goto(url);
  await page.locator('[data-testid=login]').waitFor();
  await page.locator('[data-testid=field-username]').fill(username);
  await page.locator('[data-testid=field-password]').fill(password);
  await page.locator('[data-testid=sign-in-submit]').click();
  await page.locator('[data-testid=account-user]').waitFor();
  const shown = await page.locator('[data-testid=account-user]').textContent();
  check(shown?.includes(`@${username}`), `the top bar should name ${username}: ${shown}`);
}

export async function signOut(page: Page) {
  await page.locator('[data-testid=logout]').click();
  await page.locator('[data-testid=login]').waitFor();
}
