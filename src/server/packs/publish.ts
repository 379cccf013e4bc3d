import { lt, type Pack } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import { checkpointAudit } from '../audit/checkpoints.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { route, signedIn, type App } from '../http/route.ts';
import { activeKey, signPackWith, signStatement } from '../keys/keys.ts';
import { contentHash } from './lifecycle.ts';
import { requirePassing, requireStatus } from './review.ts';
import { PackIdParams } from './routes.ts';
import {
  getPack,
  insertPublished,
  listPublished,
  makersSincePublished,
  saveRevision,
} from './store.ts';
import { z } from 'zod';

/** What the publication signature covers, besides the pack's own signature over its hash. */
export type PublicationStatement = {
  id: string;
  version: string;
  hash: string;
  approvals: { by: string; decision: string; at: string }[];
  publishedAt: string;
  publishedBy: string;
};

export function publishRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/publish',
    access: 'publisher',
    summary:
      'Publishes the approved pack: signed by the workspace key, kept immutable, announced on pack_published',
    tags: ['publish'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      const user = signedIn(request).user;
      const result = await db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id, true);
        requireStatus(stored, ['approved']);
        const check = requirePassing(stored.pack, 'publish');
        const approvals = stored.pack.integrity?.approvals ?? [];
        const makers = await makersSincePublished(tx, stored);
        // The approval that counts is the last decision, by someone who made none of the changes.
        const approval = approvals.at(-1);
        if (approval?.decision !== 'approved' || makers.includes(approval.by))
          throw new ApiError(
            403,
            'maker_checker',
            lt(
              '没有独立审批人的批准，不能发布',
              'no approval by an independent approver: cannot publish',
            ),
            undefined,
            { makers },
          );
        const at = config.now().toISOString();
        const submitter = stored.pack.changelog.find(
          (c) => c.version === stored.pack.version,
        )?.author;
        const base: Pack = {
          ...stored.pack,
          status: 'published',
          integrity: {
            approvals,
            author: submitter ?? makers[0] ?? user.username,
            publishedAt: at,
          },
        };
        const key = await activeKey(tx, config.now());
        const pack = await signPackWith(key, base);
        const hash = pack.integrity?.hash ?? contentHash(pack);
        const statement: PublicationStatement = {
          id: pack.id,
          version: pack.version,
          hash,
          approvals: approvals.map((a) => ({ by: a.by, decision: a.decision, at: a.at })),
          publishedAt: at,
          publishedBy: user.username,
        };
        const signature = {
          algorithm: 'Ed25519',
          keyId: key.id,
          publicKey: key.publicKey,
          value: pack.integrity?.signature?.value,
          statement,
          statementSignature: await signStatement(key, statement),
        };
        const revision = await saveRevision(
          tx,
          stored,
          pack,
          'publish',
          user.username,
          config.now(),
          lt(`发布 ${pack.version}`, `published ${pack.version}`),
        );
        await insertPublished(tx, {
          packId: pack.id,
          version: pack.version,
          hash,
          pack,
          signature,
          publishedAt: at,
          publishedBy: user.username,
          revision,
        });
        await appendAudit(tx, {
          actor: user.username,
          action: 'publish',
          target: pack.id,
          version: pack.version,
          summary: lt(`发布 ${pack.version}（${hash}）`, `published ${pack.version} (${hash})`),
          detail: {
            revision,
            hash,
            makers,
            approvers: approvals.filter((a) => a.decision === 'approved').map((a) => a.by),
            tests: check,
            keyId: key.id,
            signature: signature.statementSignature,
          },
        });
        await tx.notify('pack_published', `${pack.id}@${pack.version}`);
        return { version: pack.version, hash, signature };
      });
      await checkpointAudit(db, config.now());
      return result;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/packs/:id/versions',
    access: 'signedIn',
    summary: 'The published versions of a pack',
    tags: ['publish'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      const versions = await listPublished(db, request.params.id);
      return {
        versions: versions.map((v) => ({
          version: v.version,
          hash: v.hash,
          publishedAt: v.publishedAt,
          publishedBy: v.publishedBy,
          revision: v.revision,
          approvals: v.pack.integrity?.approvals ?? [],
        })),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/packs/:id/versions/:version',
    access: 'signedIn',
    summary: 'A published version as its signed pack file',
    tags: ['publish'],
    schema: { params: PackIdParams.extend({ version: z.string().min(1).max(50) }) },
    handler: async (request, reply) => {
      const v = (await listPublished(db, request.params.id)).find(
        (p) => p.version === request.params.version,
      );
      if (!v) throw notFound(`${request.params.id}@${request.params.version}`);
      reply.header('content-disposition', `attachment; filename="${v.packId}-${v.version}.json"`);
      return v.pack;
    },
  });
}
