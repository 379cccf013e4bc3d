import { z } from 'zod';
import { lt, type Pack } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { route, signedIn, type App } from '../http/route.ts';
import {
  checkPublishable,
  contentHash,
  diffPacks,
  impactSummary,
  isSemver,
  lintProblems,
  proposedVersion,
  testSummary,
  UNDER_REVIEW,
  withVersion,
} from './lifecycle.ts';
import { PackIdParams, withdraw } from './routes.ts';
import {
  getPack,
  insertComment,
  listComments,
  listPublished,
  makersSincePublished,
  saveRevision,
  type StoredPack,
} from './store.ts';

const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export function requireStatus(stored: StoredPack, allowed: readonly string[]): void {
  if (allowed.includes(stored.pack.status)) return;
  throw new ApiError(
    409,
    'status',
    lt(
      `规则包 ${stored.pack.id} 当前状态为 ${stored.pack.status}，此操作需要 ${allowed.join(' / ')}`,
      `pack ${stored.pack.id} is ${stored.pack.status}; this step needs ${allowed.join(' or ')}`,
    ),
    '$.status',
    { status: stored.pack.status },
  );
}

/** Refuses a pack whose lint has errors or whose tests fail, before review and before publishing. */
export function requirePassing(
  pack: Pack,
  step: 'submit' | 'publish',
): ReturnType<typeof checkPublishable> {
  const check = checkPublishable(pack);
  if (check.lintErrors === 0 && check.testsFailed === 0) return check;
  const zh = step === 'submit' ? '不能提交审核' : '不能发布';
  const en = step === 'submit' ? 'cannot submit for review' : 'cannot publish';
  throw new ApiError(
    422,
    'tests_failing',
    lt(
      `${zh}：检查发现 ${check.lintErrors} 个错误，${check.testsFailed}/${check.testsTotal} 个测试未通过`,
      `${en}: lint found ${check.lintErrors} errors, ${check.testsFailed} of ${check.testsTotal} tests fail`,
    ),
    '$.tests',
    { check },
  );
}

/** The last published version's pack, to diff and compare the current one against. */
async function lastPublished(db: ServerContext['db'], id: string) {
  const published = await listPublished(db, id);
  return published.at(-1);
}

export function reviewRoutes(app: App, ctx: ServerContext): void {
  const { db, config } = ctx;

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/submit',
    access: 'author',
    summary: 'Sends a draft to review under a version number (refused when tests or lint fail)',
    tags: ['review'],
    schema: {
      params: PackIdParams,
      body: z.object({
        version: z.string().max(50).optional(),
        note: z.string().trim().min(1).max(2000),
      }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      return db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id, true);
        requireStatus(stored, ['draft']);
        const taken = (await listPublished(tx, stored.pack.id)).map((v) => v.version);
        const version = request.body.version ?? proposedVersion(stored.pack, taken);
        if (!isSemver(version))
          throw new ApiError(
            400,
            'semver',
            lt(
              `版本号须为语义化版本（如 1.2.0）：${version}`,
              `a version number is semantic, e.g. 1.2.0: ${version}`,
            ),
            '$.version',
          );
        if (taken.includes(version))
          throw new ApiError(
            409,
            'version_taken',
            lt(
              `版本 ${version} 已发布，已发布的版本不可更改`,
              `version ${version} is published; published versions never change`,
            ),
            '$.version',
          );
        const at = config.now();
        const versioned = withVersion(stored.pack, version, request.body.note, {
          author: user.username,
          at: at.toISOString(),
        });
        const pack: Pack = { ...versioned, status: 'in-review', integrity: { approvals: [] } };
        const check = requirePassing(pack, 'submit');
        const summary = lt(
          `提交审核 ${version}：${request.body.note}`,
          `submitted ${version} for review: ${request.body.note}`,
        );
        const revision = await saveRevision(tx, stored, pack, 'submit', user.username, at, summary);
        await appendAudit(tx, {
          actor: user.username,
          action: 'review',
          target: pack.id,
          version,
          summary,
          detail: { revision, hash: contentHash(pack), tests: check },
        });
        return { revision, status: pack.status, version };
      });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/packs/:id/review',
    access: 'signedIn',
    summary:
      'What a checker reviews: changes since the last published version in words, tests run here, lint, impact, comments, makers',
    tags: ['review'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      const stored = await getPack(db, request.params.id);
      const published = await lastPublished(db, stored.pack.id);
      const before = published?.pack;
      return {
        id: stored.pack.id,
        status: stored.pack.status,
        version: stored.pack.version,
        revision: stored.revision,
        lastPublished: published ? { version: published.version, hash: published.hash } : null,
        changes: before ? diffPacks(before, stored.pack) : [],
        tests: testSummary(stored.pack),
        lint: lintProblems(stored.pack),
        impact: impactSummary(before, stored.pack) ?? null,
        comments: await listComments(db, stored.pack.id),
        makers: await makersSincePublished(db, stored),
        approvals: stored.pack.integrity?.approvals ?? [],
      };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/comments',
    access: ['reviewer', 'approver', 'author'],
    summary: 'Comments on the pack under review, optionally on one place (a JSON path)',
    tags: ['review'],
    schema: {
      params: PackIdParams,
      body: z.object({
        text: z.string().trim().min(1).max(4000),
        path: z.string().max(500).optional(),
      }),
    },
    handler: async (request) => {
      const user = signedIn(request).user;
      return db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id);
        const id = await insertComment(tx, {
          packId: stored.pack.id,
          revision: stored.revision,
          author: user.username,
          at: config.now(),
          text: request.body.text,
          path: request.body.path ?? null,
        });
        await appendAudit(tx, {
          actor: user.username,
          action: 'comment',
          target: stored.pack.id,
          version: stored.pack.version,
          summary: lt(`评论：${request.body.text}`, `comment: ${request.body.text}`),
          detail: { comment: id, revision: stored.revision, path: request.body.path ?? null },
        });
        return { id };
      });
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/approve',
    access: 'approver',
    summary:
      'Approves the pack under review; refused (403 maker_checker) to anyone who made or sent a change since the last published version',
    tags: ['review'],
    schema: { params: PackIdParams, body: ReasonBody },
    handler: async (request) =>
      decide(ctx, request.params.id, signedIn(request).user, 'approved', request.body.reason),
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/reject',
    access: ['approver', 'reviewer'],
    summary: 'Sends the pack under review back to draft, with a reason',
    tags: ['review'],
    schema: { params: PackIdParams, body: ReasonBody },
    handler: async (request) =>
      decide(ctx, request.params.id, signedIn(request).user, 'rejected', request.body.reason),
  });

  route(app, {
    method: 'POST',
    url: '/api/packs/:id/withdraw',
    access: 'author',
    summary: 'Takes the pack out of review back to draft (recorded)',
    tags: ['review'],
    schema: { params: PackIdParams },
    handler: async (request) => {
      const user = signedIn(request).user;
      return db.transaction(async (tx) => {
        const stored = await getPack(tx, request.params.id, true);
        requireStatus(stored, UNDER_REVIEW);
        const after = await withdraw(tx, stored, user.username, config.now(), 'request');
        return { revision: after.revision, status: after.pack.status };
      });
    },
  });
}

/**
 * The checker's decision. An approval is refused to every maker since the last published
 * version, not only the last editor: whoever changed any part of what is approved is a maker.
 * The refusal is itself audited.
 */
async function decide(
  ctx: ServerContext,
  id: string,
  user: { username: string; roles: readonly string[] },
  decision: 'approved' | 'rejected',
  reason: string,
) {
  const { db, config } = ctx;
  const refused = await db.transaction(async (tx) => {
    const stored = await getPack(tx, id, true);
    requireStatus(stored, ['in-review']);
    const makers = await makersSincePublished(tx, stored);
    if (decision === 'approved' && makers.includes(user.username))
      return { refused: true as const, stored, makers };
    const at = config.now();
    const role =
      decision === 'approved' || user.roles.includes('approver') ? 'approver' : 'reviewer';
    const approval = { by: user.username, role, at: at.toISOString(), decision, comment: reason };
    const approvals = [...(stored.pack.integrity?.approvals ?? []), approval];
    const pack: Pack = {
      ...stored.pack,
      status: decision === 'approved' ? 'approved' : 'draft',
      integrity: { approvals },
    };
    const v = pack.version;
    const summary =
      decision === 'approved'
        ? lt(`批准 ${v}：${reason}`, `approved ${v}: ${reason}`)
        : lt(`驳回 ${v}：${reason}`, `rejected ${v}: ${reason}`);
    const kind = decision === 'approved' ? 'approve' : 'reject';
    const revision = await saveRevision(tx, stored, pack, kind, user.username, at, summary);
    await appendAudit(tx, {
      actor: user.username,
      action: kind,
      target: pack.id,
      version: v,
      summary,
      detail: { revision, hash: contentHash(pack), makers, reason },
    });
    return { refused: false as const, revision, status: pack.status };
  });
  if (!refused.refused) return { revision: refused.revision, status: refused.status };
  const { stored, makers } = refused;
  await appendAudit(db, {
    actor: user.username,
    action: 'approve',
    target: stored.pack.id,
    version: stored.pack.version,
    summary: lt(
      `拒绝 ${user.username} 的批准：其自上次发布以来修改或提交过该规则包（双人复核）`,
      `refused ${user.username}'s approval: they changed or submitted the pack since its last publication (maker-checker)`,
    ),
    detail: { refused: true, makers },
  });
  throw new ApiError(
    403,
    'maker_checker',
    lt(
      `不能审批：你（${user.username}）自上次发布以来修改或提交过 ${stored.pack.id}；须由未参与修改的审批人审批。参与修改者：${makers.join(', ')}`,
      `you cannot approve: you (${user.username}) changed or submitted ${stored.pack.id} since its last publication; an approver who made none of the changes must approve. Makers: ${makers.join(', ')}`,
    ),
    undefined,
    { makers },
  );
}
