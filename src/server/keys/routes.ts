import { lt } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { route, signedIn, type App } from '../http/route.ts';
import { rotateKey, trustedKeys } from './keys.ts';

export function keyRoutes(app: App, ctx: ServerContext): void {
  route(app, {
    method: 'GET',
    url: '/api/keys',
    access: 'public',
    summary: 'The workspace’s public signing keys, as keys.json for `suitability verify --trusted`',
    tags: ['keys'],
    schema: {},
    handler: async () => trustedKeys(ctx.db),
  });

  route(app, {
    method: 'POST',
    url: '/api/keys/rotate',
    access: 'admin',
    summary: 'Makes a new signing key; the old one is retired and stays in keys.json',
    tags: ['keys'],
    schema: {},
    handler: async (request) => {
      const admin = signedIn(request).user;
      return ctx.db.transaction(async (tx) => {
        const rotated = await rotateKey(tx, ctx.config.now());
        await appendAudit(tx, {
          actor: admin.username,
          action: 'key-rotate',
          target: `key:${rotated.id}`,
          summary: lt(
            `轮换签名密钥：新密钥 ${rotated.id}${rotated.retired.length ? `，停用 ${rotated.retired.join(', ')}` : ''}`,
            `rotated the signing key: new key ${rotated.id}${rotated.retired.length ? `, retired ${rotated.retired.join(', ')}` : ''}`,
          ),
          detail: { keyId: rotated.id, publicKey: rotated.publicKey, retired: rotated.retired },
        });
        return { id: rotated.id, publicKey: rotated.publicKey };
      });
    },
  });
}
