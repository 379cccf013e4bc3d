import { z } from 'zod';
import { IdSchema, lt } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { route, signedIn, type App } from '../http/route.ts';
import {
  activeChannels,
  channelStats,
  CHANNELS_CHANGED,
  createChannel,
  ErrorTally,
  listChannels,
  revokeChannel,
} from './channelStore.ts';
import { ChannelGate } from './channels.ts';
import { decisionsPlugin } from './index.ts';
import { createMetrics } from './metrics.ts';
import { PublishedPackSource } from './publishedPacks.ts';
import { DecisionRecorder } from './records.ts';

const ChannelBody = z.object({
  id: IdSchema.max(100),
  packs: z
    .array(z.union([IdSchema.max(200), z.literal('*')]))
    .min(1)
    .max(200),
  ratePerSecond: z.number().int().min(1).max(1_000_000),
  audit: z.boolean().default(false),
});

const StatsQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The decision service inside the workspace server: `/v1/*` on the current published version of
 * each pack (told of each publication), keys of the channels an admin made, and the channels'
 * admin routes (`/api/channels`). Records go to the workspace's database.
 */
export async function decisionsInWorkspace(app: App, ctx: ServerContext): Promise<void> {
  const { db, config } = ctx;
  const packs = new PublishedPackSource(db, (where, e) =>
    app.log.error({ err: e }, `published version ${where} cannot be served`),
  );
  await packs.start();
  const gate = new ChannelGate(await activeChannels(db), false, () => performance.now());
  const reloadGate = async () => gate.replace(await activeChannels(db));
  const stopGate = await db.listen(CHANNELS_CHANGED, () => void reloadGate().catch(() => {}));
  const tally = new ErrorTally(db, config.now);
  app.addHook('onClose', async () => {
    await stopGate();
    await packs.close();
    await tally.close().catch(() => undefined);
  });

  await app.register(decisionsPlugin, {
    packs,
    gate,
    metrics: createMetrics(),
    records: { db, recorder: new DecisionRecorder(db) },
    ping: async () => void (await db.query('SELECT 1')),
    now: config.now,
    onError: (channel, code) => tally.add(channel, code),
    packsRequired: false,
  });

  route(app, {
    method: 'GET',
    url: '/api/channels',
    access: ['admin', 'auditor'],
    summary: 'The channels of the decision service, with their pack scope and rate (never a key)',
    tags: ['channels'],
    schema: {},
    handler: async () => ({ channels: await listChannels(db) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/channels',
    access: 'admin',
    summary:
      'Creates a channel: its key is in this answer only (stored as its SHA-256), scoped to packs, rate-limited',
    tags: ['channels'],
    schema: { body: ChannelBody },
    handler: async (request) => {
      const admin = signedIn(request).user;
      const body = request.body;
      const created = await db.transaction(async (tx) => {
        const made = await createChannel(tx, body, admin.username, config.now());
        if (!made)
          throw new ApiError(
            409,
            'channel_exists',
            lt(`渠道 ${body.id} 已存在`, `the channel ${body.id} exists`),
            '$.id',
          );
        await appendAudit(tx, {
          actor: admin.username,
          action: 'channel-create',
          target: `channel:${body.id}`,
          summary: lt(
            `创建渠道 ${body.id}：规则包 ${body.packs.join(', ')}，每秒 ${body.ratePerSecond} 次${body.audit ? '，可查阅记录' : ''}`,
            `created channel ${body.id}: packs ${body.packs.join(', ')}, ${body.ratePerSecond} requests a second${body.audit ? ', may read records' : ''}`,
          ),
          detail: { packs: body.packs, ratePerSecond: body.ratePerSecond, audit: body.audit },
        });
        await tx.notify(CHANNELS_CHANGED, body.id);
        return made;
      });
      await reloadGate();
      return created;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/channels/:id/revoke',
    access: 'admin',
    summary: 'Revokes a channel’s key at once, on every server of the database',
    tags: ['channels'],
    schema: { params: z.object({ id: z.string().min(1).max(100) }) },
    handler: async (request) => {
      const admin = signedIn(request).user;
      const { id } = request.params;
      const revoked = await db.transaction(async (tx) => {
        const channel = await revokeChannel(tx, id, admin.username, config.now());
        if (!channel) throw notFound(`channel ${id}`);
        await appendAudit(tx, {
          actor: admin.username,
          action: 'channel-revoke',
          target: `channel:${id}`,
          summary: lt(`吊销渠道 ${id} 的密钥`, `revoked the key of channel ${id}`),
        });
        await tx.notify(CHANNELS_CHANGED, id);
        return channel;
      });
      await reloadGate();
      return { channel: revoked };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/channels/stats',
    access: ['admin', 'auditor'],
    summary:
      'Per channel and day (UTC) over the last `days` days: decisions, verdict mix, errors and error rate',
    tags: ['channels'],
    schema: { querystring: StatsQuery },
    handler: async (request) => {
      await tally.flush();
      const end = new Date(config.now().toISOString().slice(0, 10));
      const to = new Date(end.getTime() + DAY_MS).toISOString().slice(0, 10);
      const from = new Date(end.getTime() - (request.query.days - 1) * DAY_MS)
        .toISOString()
        .slice(0, 10);
      return { from, to, channels: await channelStats(db, from, to) };
    },
  });
}
