import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { lt, type LocalizedText, type TrustedKey } from '../../domain/index.ts';
import { openDb } from '../db/index.ts';
import { migrateAll } from '../schema.ts';
import { ChannelGate, readChannelsFile, type Channel } from './channels.ts';
import { FolderPackSource, type FolderLoad } from './folderPacks.ts';
import { createMetrics } from './metrics.ts';
import { DecisionRecorder, setRetention } from './records.ts';
import { buildDecisionsApp } from './standaloneApp.ts';

export type FileModeOptions = {
  packsDir: string;
  /** With keys, only packs signed by one of them are served. */
  trusted: readonly TrustedKey[] | undefined;
  keysFile: string | undefined;
  /** Calls without a key, for local development; the caller checks the host is loopback. */
  allowAnonymous: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Years to keep the records of a pack, when not the default. */
  retention: Record<string, number>;
  say: (text: LocalizedText) => void;
};

function describeLoad(load: FolderLoad, say: FileModeOptions['say']): void {
  for (const s of load.served)
    say(
      lt(
        `  ${s.packId} ${s.version} ${s.hash}${s.signedBy ? `（签名：${s.signedBy}）` : '（未签名）'}`,
        `  ${s.packId} ${s.version} ${s.hash}${s.signedBy ? ` (signed by ${s.signedBy})` : ' (unsigned)'}`,
      ),
    );
  for (const p of load.problems)
    say(lt(`  未加载 ${p.file}：${p.message['zh-CN']}`, `  not served ${p.file}: ${p.message.en}`));
}

/**
 * `suitability serve --packs DIR`: the decision service on the pack files of a folder, without a
 * workspace. Records go to embedded PGlite in `dataDir`, or PostgreSQL with DATABASE_URL.
 */
export async function startFileMode(o: FileModeOptions): Promise<FastifyInstance> {
  const channels: Channel[] = o.keysFile ? await readChannelsFile(o.keysFile) : [];
  if (!o.databaseUrl) mkdirSync(o.dataDir, { recursive: true });
  const db = await openDb(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.dataDir });
  await migrateAll(db);
  for (const [packId, years] of Object.entries(o.retention)) await setRetention(db, packId, years);

  const packs = new FolderPackSource(o.packsDir, o.trusted);
  const load = await packs.reload();
  o.say(
    o.trusted
      ? lt(
          `只提供由受信任密钥签名的规则包（${o.trusted.map((k) => k.name).join('、')}）：`,
          `serving only packs signed by a trusted key (${o.trusted.map((k) => k.name).join(', ')}):`,
        )
      : lt(
          '警告：未指定 --trusted，提供未签名的规则包，不核对签名：',
          'WARNING: no --trusted given: serving unsigned packs, signatures not checked:',
        ),
  );
  describeLoad(load, o.say);
  packs.watch((again) => {
    o.say(lt(`${o.packsDir} 已变更，重新加载：`, `${o.packsDir} changed, reloaded:`));
    describeLoad(again, o.say);
  });

  const app = await buildDecisionsApp({
    packs,
    gate: new ChannelGate(channels, o.allowAnonymous, () => performance.now()),
    metrics: createMetrics(),
    records: { db, recorder: new DecisionRecorder(db) },
    ping: async () => void (await db.query('SELECT 1')),
  });
  app.addHook('onClose', async () => {
    packs.close();
    await db.close();
  });
  const address = await app.listen({ host: o.host, port: o.port });
  o.say(
    lt(
      `决策服务已启动：${address}（${channels.length} 个渠道密钥${o.allowAnonymous ? '，允许匿名调用' : ''}；记录：${o.databaseUrl ? 'PostgreSQL' : o.dataDir}）`,
      `decision service running at ${address} (${channels.length} channel key(s)${o.allowAnonymous ? ', anonymous calls allowed' : ''}; records: ${o.databaseUrl ? 'PostgreSQL' : o.dataDir})`,
    ),
  );
  return app;
}
