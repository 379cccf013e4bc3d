import { resolve } from 'node:path';
import type { CommandContext } from '../command.ts';
import { printer } from '../command.ts';
import { usageError } from '../i18n.ts';
import { isLoopback, portOf } from './listen.ts';
import { readTrustedKeys } from '../trust.ts';

/** `--retention cn-csrc-2017=30,eu-mifid2=10`: years to keep each pack's decision records. */
function retentionOf(value: string | true | undefined): Record<string, number> {
  if (typeof value !== 'string') return {};
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [packId = '', years = ''] = part.split('=');
    if (!packId || !/^[1-9]\d*$/.test(years))
      throw usageError(
        `--retention 应为 规则包=年数[,...]，收到 "${part}"`,
        `--retention is PACK=YEARS[,...], got "${part}"`,
      );
    out[packId] = Number(years);
  }
  return out;
}

/**
 * `serve --packs DIR`: the decision service on a folder of pack files (GitOps), no workspace.
 * Without `--trusted` unsigned packs are served and the start says so; anonymous calls only on a
 * loopback address.
 */
export async function serveFolder({ options, lang, stdout, env }: CommandContext): Promise<number> {
  const { startFileMode } = await import('../../server/decisions/fileMode.ts');
  const host = typeof options.host === 'string' ? options.host : '127.0.0.1';
  const allowAnonymous = options['allow-anonymous'] === true;
  if (allowAnonymous && !isLoopback(host))
    throw usageError(
      `--allow-anonymous 只能与回环地址（127.0.0.1、::1、localhost）一起使用，收到 --host ${host}`,
      `--allow-anonymous is only allowed on a loopback address (127.0.0.1, ::1, localhost), got --host ${host}`,
    );
  const keysFile = typeof options.keys === 'string' ? options.keys : undefined;
  if (!keysFile && !allowAnonymous)
    throw usageError(
      '需要 --keys channels.json（渠道密钥），或在本机开发时用 --allow-anonymous',
      'needs --keys channels.json (channel keys), or --allow-anonymous for local development',
    );
  const trusted =
    typeof options.trusted === 'string' ? await readTrustedKeys(options.trusted) : undefined;
  const app = await startFileMode({
    packsDir: resolve(options.packs as string),
    trusted,
    keysFile,
    allowAnonymous,
    host,
    port: portOf(options.port),
    dataDir: resolve(typeof options.data === 'string' ? options.data : 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    retention: retentionOf(options.retention),
    say: printer(stdout, lang),
  });
  await new Promise<void>((done) => app.server.once('close', done));
  return 0;
}
