import { z } from 'zod';
import { lt, parsePack, type LocalizedText, type Pack } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { route, signedIn, type App } from '../http/route.ts';
import { contentHash, diffPacks, editedPack, summarizeDiff, UNDER_REVIEW } from './lifecycle.ts';
import {
  createPack,
  getPack,
  listPacks,
  listRevisions,
  saveRevision,
  type StoredPack,
} from './store.ts';

export const PackIdParams = z.object({ id: z.string().min(1).max(200) });

/** A pack sent by a client: parsed like any file, each problem located under `$.pack`. */
export function parseSentPack(value: unknown): Pack {
  const result = parsePack(value);
  if (result.ok) return result.pack;
  const [first] = result.errors;
  throw new ApiError(
    400,
    'invalid_pack',
    first?.message ?? lt('规则包无效', 'the pack is invalid'),
    first ? `$.pack${first.path.slice(1)}` : '$.pack',
    {
      errors: result.errors.map((e) => ({
        code: e.code,
        path: `$.pack${e.path.slice(1)}`,
        message: e.message,
      })),
    },
  );
}

const conflict = (stored: StoredPack) =>
  new ApiError(
    409,
    'conflict',
    lt(
      `规则包 ${stored.pack.id} 已被 ${stored.updatedBy} 保存为修订 ${stored.revision}，你的修改基于较早的修订，未保存`,
      `pack ${stored.pack.id} was saved by ${stored.updatedBy} as revision ${stored.revision}; your edit was based on an older revision and was not saved`,
    ),
    '$.baseRevision',
    { current: { pack: stored.pack, revision: stored.revision, by: stored.updatedBy } },
  );

export function packRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;

  route(app, {
    method: 'GET',
    url: '/api/packs',
    access: 'signedIn',
    summary: 'The team’s packs',
    tags: ['packs'],
    schema: {},
    handler: async () => ({ packs: await listPacks(db) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/packs/:id',
    access: 'signedIn',
    summary: 'A pack and its current revision',
    tags: ['packs'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      const stored = await getPack(db, request.params.id);
      return { pack: stored.pack, revision: stored.revision };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/packs',
    access: 'author',
    summary: 'Adds a new pack to the workspace, as a draft',
    tags: ['packs'],
    schema: { body: z.object({ pack: z.unknown() }) },
    handler: async (request) => {
      const user = signedIn(request).user;
      const sent = parseSentPack(request.body.pack);
      const { integrity: _integrity, ...content } = sent;
      const pack: Pack = { ...content, status: 'draft' };
      const revision = await db.transaction(async (tx) => {
        const at = config.now();
        const summary = lt(`新建规则包 ${pack.id}`, `created pack ${pack.id}`);
        return createAudited(tx, pack, user.username, at, summary);
      });
      return { id: pack.id, revision };
    },
  });

  route(app, {
    method: 'PUT',
    url: '/api/packs/:id',
    access: 'author',
    summary: 'Saves an edit as the next revision (409 with the current pack when stale)',
    tags: ['packs'],
    schema: {
      params: PackIdParams,
      body: z.object({
        pack: z.unknown(),
        baseRevision: z.number().int().min(1),
        summary: z.string().max(500).optional(),
        /** Take the pack out of review to edit it (recorded). */
        withdrawReview: z.boolean().optional(),
      }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      const body = request.body;
      const proposed = parseSentPack(body.pack);
      if (proposed.id !== request.params.id)
        throw new ApiError(
          400,
          'id_mismatch',
          lt(
            `请求体中的规则包 id 为 ${proposed.id}，地址中为 ${request.params.id}`,
            `the body's pack id is ${proposed.id} but the address names ${request.params.id}`,
          ),
          '$.pack.id',
        );
      return db.transaction((tx) =>
        saveEdit(tx, {
          by: user.username,
          at: config.now(),
          proposed,
          baseRevision: body.baseRevision,
          summary: body.summary?.trim() ? lt(body.summary.trim(), body.summary.trim()) : undefined,
          withdrawReview: body.withdrawReview === true,
        }),
      );
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/packs/:id/revisions',
    access: 'signedIn',
    summary: 'Every revision of a pack: author, time, kind and summary',
    tags: ['packs'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      await getPack(db, request.params.id);
      return { revisions: await listRevisions(db, request.params.id) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/events',
    access: 'signedIn',
    summary: 'Server-sent events: `event: pack` when any pack is saved or moves in its workflow',
    tags: ['packs'],
    schema: {},
    handler: async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = ctx.events.subscribe((event) => {
        res.write(`event: pack\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // Proxies close quiet connections; a comment line keeps the stream open.
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    },
  });
}

/** Adds a new pack (revision 1) and its `create` audit entry, in the caller's transaction. */
export async function createAudited(
  tx: ServerContext['db'],
  pack: Pack,
  by: string,
  at: Date,
  summary: LocalizedText,
  detail: Record<string, unknown> = {},
): Promise<number> {
  const revision = await createPack(tx, pack, by, at, summary);
  await appendAudit(tx, {
    actor: by,
    action: 'create',
    target: pack.id,
    version: pack.version,
    summary,
    detail: { revision, hash: contentHash(pack), ...detail },
  });
  return revision;
}

/**
 * Saves an edit as the next revision, in the caller's transaction: 409 `conflict` when
 * `baseRevision` is stale; a pack in review is refused (409 `in_review`) unless the edit
 * withdraws its review, which is recorded first. An edit that changes nothing saves nothing.
 */
export async function saveEdit(
  tx: ServerContext['db'],
  edit: {
    by: string;
    at: Date;
    proposed: Pack;
    baseRevision: number;
    summary?: LocalizedText | undefined;
    withdrawReview: boolean;
  },
): Promise<{ revision: number; status: string }> {
  const { by, at, proposed } = edit;
  let stored = await getPack(tx, proposed.id, true);
  if (stored.revision !== edit.baseRevision) throw conflict(stored);
  if (UNDER_REVIEW.includes(stored.pack.status)) {
    if (!edit.withdrawReview)
      throw new ApiError(
        409,
        'in_review',
        lt(
          `规则包 ${stored.pack.id} 正在审核（${stored.pack.status}），不能修改；如要修改，请先撤回审核`,
          `pack ${stored.pack.id} is ${stored.pack.status}; it cannot be edited unless its review is withdrawn`,
        ),
        '$.withdrawReview',
        { status: stored.pack.status },
      );
    stored = await withdraw(tx, stored, by, at, 'edit');
  }
  const pack = editedPack(stored.pack, proposed);
  const changes = diffPacks(stored.pack, pack);
  if (
    changes.length === 0 &&
    pack.status === stored.pack.status &&
    pack.version === stored.pack.version
  )
    return { revision: stored.revision, status: stored.pack.status };
  const summary = edit.summary ?? summarizeDiff(changes);
  const revision = await saveRevision(tx, stored, pack, 'edit', by, at, summary);
  await appendAudit(tx, {
    actor: by,
    action: 'change',
    target: pack.id,
    version: pack.version,
    summary,
    detail: {
      revision,
      hash: contentHash(pack),
      changes: changes.map((c) => ({
        area: c.area,
        change: c.change,
        subject: c.subject,
        text: c.text,
      })),
    },
  });
  return { revision, status: pack.status };
}

/** Takes a pack out of review back to draft, recorded as a revision and in the audit log. */
export async function withdraw(
  tx: ServerContext['db'],
  stored: StoredPack,
  by: string,
  at: Date,
  reason: 'edit' | 'request',
): Promise<StoredPack> {
  const pack: Pack = { ...stored.pack, status: 'draft', integrity: { approvals: [] } };
  const summary = lt(
    `撤回 ${pack.version} 的审核${reason === 'edit' ? '以便修改' : ''}`,
    `withdrew ${pack.version} from review${reason === 'edit' ? ' to edit it' : ''}`,
  );
  const revision = await saveRevision(tx, stored, pack, 'withdraw', by, at, summary);
  await appendAudit(tx, {
    actor: by,
    action: 'withdraw',
    target: pack.id,
    version: pack.version,
    summary,
    detail: { revision, from: stored.pack.status },
  });
  return { ...stored, pack, revision, updatedBy: by, updatedAt: at.toISOString() };
}
