import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeIssues, IdSchema, lt } from '../../domain/index.ts';
import { ApiError } from './errors.ts';

/**
 * A channel (branch counter, web, app, CRM) calling the decision API with its key. Only the
 * SHA-256 of the key is stored: a key is a random 32-byte secret, so a plain hash (no salt, no
 * stretching) is enough and keeps the check cheap on every request.
 */
export const ChannelSchema = z.strictObject({
  id: IdSchema,
  /** `sha256:<64 hex>` of the key. */
  keyHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>'),
  /** Pack ids this key may call; `*` for every pack. */
  packs: z.array(z.union([IdSchema, z.literal('*')])).min(1),
  /** Requests per second, with a burst of the same size. */
  ratePerSecond: z.number().int().positive().default(100),
  /** May read, replay and export the decision records of its packs (an auditor's key). */
  audit: z.boolean().default(false),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const ChannelsFileSchema = z.strictObject({ channels: z.array(ChannelSchema) });

export function hashKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** The channel of local development, when anonymous calls are allowed on a loopback address. */
export const ANONYMOUS: Channel = {
  id: 'anonymous',
  keyHash: `sha256:${'0'.repeat(64)}`,
  packs: ['*'],
  ratePerSecond: 1_000_000,
  audit: true,
};

/** Reads a channels file, each problem located by JSON path. */
export async function readChannelsFile(file: string): Promise<Channel[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${String(e)}`, { cause: e });
  }
  const parsed = ChannelsFileSchema.safeParse(value);
  if (!parsed.success) {
    const first = describeIssues(parsed.error.issues)[0];
    throw new Error(`${file}: ${first?.path ?? '$'}: ${first?.message.en ?? 'invalid'}`);
  }
  return parsed.data.channels;
}

/** A token bucket per channel: `ratePerSecond` tokens a second, at most that many saved up. */
class Bucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly rate: number,
    now: number,
  ) {
    this.tokens = rate;
    this.at = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const unauthorized = () =>
  new ApiError(
    401,
    'auth.key',
    lt(
      '缺少或无效的 API 密钥（请求头 authorization: Bearer <密钥>）',
      'missing or unknown API key (header authorization: Bearer <key>)',
    ),
  );

/**
 * Who is calling and may they: the key names a channel, the channel's scope must hold the pack,
 * and its rate must not be exceeded. `now` is a clock in milliseconds.
 */
export class ChannelGate {
  private byHash = new Map<string, Channel>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    channels: readonly Channel[],
    private readonly anonymous: boolean,
    private readonly now: () => number,
  ) {
    this.replace(channels);
  }

  /** Swaps in a new list (a reloaded file, an admin's change); buckets of kept channels stay. */
  replace(channels: readonly Channel[]): void {
    this.byHash = new Map(channels.map((c) => [c.keyHash, c]));
  }

  identify(authorization: string | undefined): Channel {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (key === undefined) {
      if (this.anonymous) return ANONYMOUS;
      throw unauthorized();
    }
    // Looked up by hash: a caller cannot steer the comparison byte by byte, so it leaks nothing.
    const channel = this.byHash.get(hashKey(key));
    if (!channel) throw unauthorized();
    return channel;
  }

  /** Refuses a pack outside the channel's scope (403) and a request over its rate (429). */
  admit(channel: Channel, packId: string): void {
    if (!channel.packs.includes('*') && !channel.packs.includes(packId))
      throw new ApiError(
        403,
        'auth.scope',
        lt(
          `渠道 ${channel.id} 的密钥无权调用规则包 ${packId}`,
          `the key of channel ${channel.id} may not call pack ${packId}`,
        ),
        '$.packId',
      );
    const now = this.now();
    let bucket = this.buckets.get(channel.id);
    if (!bucket) this.buckets.set(channel.id, (bucket = new Bucket(channel.ratePerSecond, now)));
    if (!bucket.take(now))
      throw new ApiError(
        429,
        'rate.limited',
        lt(
          `渠道 ${channel.id} 超过每秒 ${channel.ratePerSecond} 次的限额`,
          `channel ${channel.id} is over its limit of ${channel.ratePerSecond} requests a second`,
        ),
      );
  }
}
