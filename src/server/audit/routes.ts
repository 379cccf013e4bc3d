import { z } from 'zod';
import { verifyAuditChain } from '../../domain/index.ts';
import type { ServerContext } from '../context.ts';
import { route, type App } from '../http/route.ts';
import { trustedKeys } from '../keys/keys.ts';
import { checkpointAudit, listCheckpoints } from './checkpoints.ts';
import type { AuditExport } from './exportFile.ts';
import { readAudit } from './log.ts';

export function auditRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;
  const readers = ['auditor', 'admin'] as const;

  route(app, {
    method: 'GET',
    url: '/api/audit',
    access: readers,
    summary:
      'Audit entries in chain order (optionally by target, actor, period), with the chain check',
    tags: ['audit'],
    schema: {
      querystring: z.object({
        target: z.string().max(300).optional(),
        actor: z.string().max(200).optional(),
        since: z.iso.datetime().optional(),
        until: z.iso.datetime().optional(),
        after: z.coerce.number().int().min(0).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(500),
      }),
    },
    handler: async (request) => {
      const { target, actor, since, until, after, limit } = request.query;
      const entries = await readAudit(db, { target, actor, since, until, afterSeq: after, limit });
      const check = verifyAuditChain(await readAudit(db));
      return { entries, chain: check };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/audit/checkpoints',
    access: readers,
    summary: 'Signs the current head of the audit chain (a checkpoint)',
    tags: ['audit'],
    schema: {},
    handler: async () => ({ checkpoint: (await checkpointAudit(db, config.now())) ?? null }),
  });

  route(app, {
    method: 'GET',
    url: '/api/audit/export',
    access: readers,
    summary: 'The whole audit log with signed checkpoints and keys, for `suitability audit verify`',
    tags: ['audit'],
    schema: {},
    handler: async (_request, reply) => {
      const now = config.now();
      await checkpointAudit(db, now);
      const file: AuditExport = {
        format: 'suitability-audit/1',
        exportedAt: now.toISOString(),
        entries: await readAudit(db),
        checkpoints: await listCheckpoints(db),
        keys: (await trustedKeys(db)).map((k) => ({ name: k.name, publicKey: k.publicKey })),
      };
      reply.header(
        'content-disposition',
        `attachment; filename="audit-${now.toISOString().slice(0, 10)}.json"`,
      );
      return file;
    },
  });
}
