import { z } from 'zod';
import { lt, type Pack } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { route, signedIn, type App } from '../http/route.ts';
import { contentHash } from './lifecycle.ts';
import { createAudited, PackIdParams, parseSentPack, saveEdit } from './routes.ts';
import { getPack, listPublished, markDeleted } from './store.ts';

const TitleSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** Housekeeping of the team's packs: delete a draft never published, rename, duplicate. */
export function packManageRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;

  route(app, {
    method: 'DELETE',
    url: '/api/packs/:id',
    access: 'author',
    summary: 'Deletes a draft that was never published (its revisions and audit entries stay)',
    tags: ['packs'],
    schema: {
      params: PackIdParams,
      body: z.object({ baseRevision: z.number().int().min(1) }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      return db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id, true);
        const published = await listPublished(tx, stored.pack.id);
        if (stored.pack.status !== 'draft' || published.length > 0 || stored.publishedRevision > 0)
          throw new ApiError(
            409,
            'not_deletable',
            lt(
              `只能删除从未发布的草稿；规则包 ${stored.pack.id} 为 ${stored.pack.status}${published.length > 0 ? '，且有已发布版本' : ''}`,
              `only a draft never published can be deleted; pack ${stored.pack.id} is ${stored.pack.status}${published.length > 0 ? ' and has published versions' : ''}`,
            ),
            undefined,
            { status: stored.pack.status },
          );
        if (stored.revision !== request.body.baseRevision)
          throw new ApiError(
            409,
            'conflict',
            lt(
              `规则包 ${stored.pack.id} 已被 ${stored.updatedBy} 改为修订 ${stored.revision}，未删除`,
              `pack ${stored.pack.id} was changed by ${stored.updatedBy} (revision ${stored.revision}); not deleted`,
            ),
            '$.baseRevision',
            { current: { pack: stored.pack, revision: stored.revision, by: stored.updatedBy } },
          );
        const at = config.now();
        await markDeleted(tx, stored.pack.id, user.username, at);
        await appendAudit(tx, {
          actor: user.username,
          action: 'delete',
          target: stored.pack.id,
          version: stored.pack.version,
          summary: lt(`删除草稿 ${stored.pack.id}`, `deleted the draft ${stored.pack.id}`),
          detail: { revision: stored.revision, hash: contentHash(stored.pack) },
        });
        return { deleted: stored.pack.id };
      });
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/rename',
    access: 'author',
    summary: 'Changes the title (a revision; a pack in review only with withdrawReview)',
    tags: ['packs'],
    schema: {
      params: PackIdParams,
      body: z.object({
        title: TitleSchema,
        baseRevision: z.number().int().min(1),
        withdrawReview: z.boolean().optional(),
      }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      const { title, baseRevision, withdrawReview } = request.body;
      return db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id);
        const proposed: Pack = { ...stored.pack, title: { ...stored.pack.title, ...title } };
        return saveEdit(tx, {
          by: user.username,
          at: config.now(),
          proposed,
          baseRevision,
          summary: lt(`标题改为「${title['zh-CN']}」`, `renamed to "${title.en}"`),
          withdrawReview: withdrawReview === true,
        });
      });
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/duplicate',
    access: 'author',
    summary: 'Copies the pack’s current content as a new draft under a new id',
    tags: ['packs'],
    schema: {
      params: PackIdParams,
      body: z.object({ newId: z.string().min(1).max(200), title: TitleSchema.optional() }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      const { newId, title } = request.body;
      return db.transaction(async (tx) => {
        const source = await getPack(tx, request.params.id);
        const { integrity: _integrity, ...content } = source.pack;
        // Parsed like a sent pack: the new id is checked where a pack's id is.
        const pack: Pack = {
          ...parseSentPack({ ...content, id: newId, ...(title ? { title } : {}) }),
          status: 'draft',
        };
        const at = config.now();
        const summary = lt(
          `由 ${source.pack.id}（修订 ${source.revision}）复制为 ${pack.id}`,
          `duplicated ${source.pack.id} (revision ${source.revision}) as ${pack.id}`,
        );
        const revision = await createAudited(tx, pack, user.username, at, summary, {
          from: source.pack.id,
          fromRevision: source.revision,
        });
        return { id: pack.id, revision };
      });
    },
  });
}
