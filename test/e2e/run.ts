/**
 * Browser tests: serves the built studio (`dist/`), runs every exported scenario of every
 * `test/e2e/*.e2e.ts` in a fresh Chromium context, and fails a scenario on any page error or
 * console error. Usage: `tsx test/e2e/run.ts [name-filter]` after `npm run build`; `E2E_DIST=dir`
 * serves another build (e.g. one made with `vite build --outDir dir`).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type ConsoleMessage } from 'playwright-core';
import { serveDirectory } from './lib/staticServer.ts';
import type { Scenario } from './lib/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env['E2E_DIST'] ?? join(here, '..', '..', 'dist');
const shots = join(here, 'screenshots');
const SCENARIO_MS = 90_000;
const filter = process.argv[2];

/**
 * The studio asks `GET /api/session` whether a team server serves it; a static host answers 404,
 * which the browser logs, and which means the local workspace. That one answer is no error.
 */
function isTeamProbe(message: ConsoleMessage): boolean {
  const { url } = message.location();
  return (
    message.text().startsWith('Failed to load resource') &&
    url !== '' &&
    new URL(url).pathname.endsWith('/api/session')
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`${dist}/index.html not found: run \`npm run build\` first`);
    return 1;
  }
  mkdirSync(shots, { recursive: true });
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  const server = await serveDirectory(dist);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  type Outcome = { ok: true; ms: number } | { ok: false; message: string };
  const attempt = async (
    title: string,
    prefix: string,
    name: string,
    scenario: Scenario,
  ): Promise<Outcome> => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1360, height: 820 },
      acceptDownloads: true,
    });
    const problems: string[] = [];
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
    context.on('console', (m) => {
      // A scenario that takes the browser offline on purpose sees the browser's own report of
      // each request it then refuses; nothing else is let through.
      const offline = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(m.text());
      if (m.type() === 'error' && !isTeamProbe(m) && !offline)
        problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    // The studio works offline: any request that leaves the local server fails the scenario.
    const allowed = [server.url];
    context.on('request', (request) => {
      const url = request.url();
      if (!allowed.some((a) => url.startsWith(a)) && !/^(data|blob):/.test(url))
        problems.push(`request outside the studio: ${url}`);
    });
    const page = await context.newPage();
    const started = performance.now();
    try {
      await withTimeout(
        (scenario as Scenario)({
          page,
          context,
          baseUrl: server.url,
          screenshot: async (shot, of = page) => {
            await of.screenshot({ path: join(shots, `${prefix}-${shot}.png`) });
          },
          allowOrigin: (url) => void allowed.push(url),
        }),
        scenario.timeoutMs ?? SCENARIO_MS,
        title,
      );
      if (problems.length > 0) throw new Error(problems.join('\n'));
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (e) {
      await page.screenshot({ path: join(shots, `${prefix}-${name}-failed.png`) }).catch(() => {});
      return { ok: false, message: String(e instanceof Error ? e.message : e) };
    } finally {
      await context.close();
    }
  };
  const flaky: string[] = [];
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const module = (await import(pathToFileURL(join(here, file)).href)) as Record<
        string,
        unknown
      >;
      const prefix = basename(file, '.e2e.ts');
      for (const [name, scenario] of Object.entries(module)) {
        if (typeof scenario !== 'function') continue;
        const title = `${prefix} › ${name}`;
        if (filter && !title.includes(filter)) continue;
        // A scenario that fails is run once more in a fresh context; a pass on the second attempt is
        // reported as flaky (listed at the end), never hidden.
        let outcome = await attempt(title, prefix, name, scenario as Scenario);
        if (!outcome.ok) {
          const retry = await attempt(title, prefix, name, scenario as Scenario);
          if (retry.ok) {
            flaky.push(`${title}: ${outcome.message}`);
            outcome = retry;
          }
        }
        if (outcome.ok) {
          passed++;
          console.log(
            `✓ ${title} (${outcome.ms} ms)${flaky.some((f) => f.startsWith(`${title}:`)) ? ' [flaky: passed on retry]' : ''}`,
          );
        } else {
          failed++;
          console.log(`✗ ${title}\n    ${outcome.message.replace(/\n/g, '\n    ')}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const f of flaky) console.log(`flaky (failed once, passed on retry): ${f.split('\n')[0]}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

process.exitCode = await main();
