import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { serveFolder } from './serveFolder.ts';
import { isLoopback, portOf } from './listen.ts';
import { minutesOption, oidcFromEnv } from './serveOptions.ts';

const STUDIO_DIR = fileURLToPath(new URL('../../../dist', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  spec: {
    positionals: [],
    options: {
      data: true,
      port: true,
      host: true,
      packs: true,
      trusted: true,
      keys: true,
      'allow-anonymous': false,
      retention: true,
      'idle-minutes': true,
      'checkpoint-minutes': true,
    },
  },
  usage:
    'serve [--data DIR] [--port N] [--host H] [--idle-minutes N] [--checkpoint-minutes N] | serve --packs DIR [--trusted keys.json] [--keys channels.json] [--allow-anonymous] [--retention PACK=YEARS,...]',
  summary: {
    'zh-CN':
      '启动团队工作区：工作室页面与 API 同一进程；数据存于内嵌数据库（默认 ./data），设置 DATABASE_URL 则用 PostgreSQL',
    en: 'start the team workspace: the studio and its API in one process; data in an embedded database (./data by default), or PostgreSQL when DATABASE_URL is set',
  },
  async run(ctx) {
    if (typeof ctx.options.packs === 'string') return serveFolder(ctx);
    const { options, lang, stdout, env } = ctx;
    // Loaded here so that the other commands do not pay for the server's start-up.
    const { buildApp } = await import('../../server/app.ts');
    const { openDb } = await import('../../server/db/index.ts');
    const { migrateAll } = await import('../../server/schema.ts');
    const { seedStarterPacks } = await import('../../server/packs/seed.ts');
    const say = printer(stdout, lang);
    const host = typeof options.host === 'string' ? options.host : '127.0.0.1';
    const port = portOf(options.port);
    const databaseUrl = env.DATABASE_URL || undefined;
    const dataDir = resolve(typeof options.data === 'string' ? options.data : 'data');
    if (!databaseUrl) mkdirSync(dataDir, { recursive: true });
    const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
    await migrateAll(db);
    const seeded = await seedStarterPacks(db, new Date());
    const { rows } = await db.query('SELECT 1 FROM users LIMIT 1');
    const needsSetup = rows.length === 0;
    // Beyond this machine, whoever reaches the page first must not become the admin.
    const setupToken =
      needsSetup && !isLoopback(host) ? randomBytes(9).toString('base64url') : undefined;
    const app = await buildApp({
      db,
      studioDir: STUDIO_DIR,
      config: {
        setupToken,
        secureCookies: env.SUITABILITY_SECURE_COOKIES === '1',
        ...minutesOption(options['idle-minutes'], '--idle-minutes', 'sessionIdleMs'),
        ...minutesOption(
          options['checkpoint-minutes'],
          '--checkpoint-minutes',
          'checkpointEveryMs',
        ),
        ...oidcFromEnv(env),
      },
    });
    const address = await app.listen({ host, port });
    say({
      'zh-CN': `工作区已启动：${address}（数据：${databaseUrl ? 'PostgreSQL' : dataDir}）`,
      en: `workspace running at ${address} (data: ${databaseUrl ? 'PostgreSQL' : dataDir})`,
    });
    if (seeded.length > 0)
      say({
        'zh-CN': `已导入入门规则包：${seeded.join(', ')}`,
        en: `imported the starter packs: ${seeded.join(', ')}`,
      });
    if (needsSetup)
      say({
        'zh-CN': `首次使用：在浏览器打开 ${address} 创建首个管理员${setupToken ? `，一次性设置码：${setupToken}` : ''}`,
        en: `first start: open ${address} in a browser to create the first administrator${setupToken ? `; one-time setup code: ${setupToken}` : ''}`,
      });
    await new Promise<void>((done) => app.server.once('close', done));
    await db.close();
    return 0;
  },
};
