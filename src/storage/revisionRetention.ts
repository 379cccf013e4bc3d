import { z } from 'zod';
import { lt, type AuditAction } from '../domain/index.ts';
import type { AuditLog, GovernanceDb } from './auditLog.ts';
import { guard } from './errors.ts';
import type { Clock } from './packRepository.ts';
import {
  planRetention,
  revisionRanges,
  RETENTION_POLICY,
  type KeepReason,
  type ProtectReason,
  type RetentionPlan,
  type RetentionPolicy,
  type RevisionPoint,
} from './retentionPolicy.ts';

/** When a save last looked for revisions to thin, and when any were last removed, per pack key. */
export const retentionSetting = (key: string) => `retention:${key}`;
const RunsSchema = z.object({
  checkedAt: z.string(),
  /** The last removal, else the first check: the batch wait counts from it. */
  waitingSince: z.string(),
  prunedAt: z.string().optional(),
});
type Runs = z.infer<typeof RunsSchema>;

/** Audit actions whose entry names a revision as evidence, and the reason that revision stays. */
const EVIDENCE: Partial<Record<AuditAction, ProtectReason>> = {
  create: 'created',
  import: 'created',
  review: 'review',
  approve: 'approve',
  reject: 'reject',
  publish: 'published',
  restore: 'restore',
  export: 'export',
};

export type RetentionStatus = {
  policy: RetentionPolicy;
  /** Each stored revision that stays, with why. */
  keep: Map<number, KeepReason[]>;
  /** Stored revisions the next thinning removes (time has moved on since the last one). */
  due: number[];
  /** When revisions of the pack were last removed. */
  lastPruned: string | undefined;
  /** Revisions removed so far, as the audit log records it. */
  removed: number;
};

export type PruneResult = { removed: number[]; kept: number; at: string };

/** Bounds of a `[key+number+text]` index over one pack key. */
const allOf = (key: string) =>
  [
    [key, -Infinity, ''],
    [key, Infinity, '\uffff'],
  ] as const;

type Details = Record<string, unknown>;
const detailsOf = (value: unknown): Details =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Details) : {};

/**
 * Applies the retention policy (retentionPolicy.ts) to the revisions of a pack. What stays is
 * decided from indexes and the audit log alone; removals and their audit entry are written in
 * one transaction, which joins the caller's (a save) when there is one.
 */
export class RevisionRetention {
  constructor(
    private readonly db: GovernanceDb,
    private readonly audit: AuditLog,
    private readonly actor: () => string,
    private readonly now: Clock,
    readonly policy: RetentionPolicy = RETENTION_POLICY,
  ) {}

  private get tables() {
    const { packs, revisions, audit, settings, versions } = this.db;
    return [packs, revisions, audit, settings, versions];
  }

  /** What stays and why, what the next thinning would remove, and what was removed before. */
  status(key: string): Promise<RetentionStatus> {
    return guard(key, () =>
      this.db.transaction('r', this.tables, async () => {
        const plan = await this.plan(key, this.now());
        const runs = await this.runs(key);
        const pruned = await this.db.audit.where('action').equals('prune').toArray();
        const removed = pruned
          .map((e) => detailsOf(e.details))
          .filter((d) => d.key === key && typeof d.removed === 'number')
          .reduce((n, d) => n + (d.removed as number), 0);
        const { keep, prune: due } = plan;
        return { policy: this.policy, keep, due, lastPruned: runs?.prunedAt, removed };
      }),
    );
  }

  /** Thins the revisions of a pack now, whatever is due; the removal is audited. */
  prune(key: string, trigger: 'save' | 'manual'): Promise<PruneResult> {
    return guard(key, () =>
      this.db.transaction('rw', this.tables, async () => {
        const at = this.now();
        return this.apply(key, await this.plan(key, at), trigger, at);
      }),
    );
  }

  /**
   * What a save calls: at most once per `checkEveryMs`, looks at what is due and thins when the
   * batch is large enough or has waited long enough (see the policy).
   */
  pruneIfDue(key: string): Promise<PruneResult | undefined> {
    return guard(key, () =>
      this.db.transaction('rw', this.tables, async () => {
        const at = this.now();
        const t = Date.parse(at);
        const runs = await this.runs(key);
        const since = (iso: string | undefined) =>
          iso === undefined ? Infinity : t - Date.parse(iso);
        // A clock set back (a negative interval) looks again rather than never.
        const checked = since(runs?.checkedAt);
        if (checked >= 0 && checked < this.policy.checkEveryMs) return undefined;
        const waitingSince = runs?.waitingSince ?? at;
        await this.db.settings.put({
          name: retentionSetting(key),
          value: { ...runs, checkedAt: at, waitingSince } satisfies Runs,
        });
        const plan = await this.plan(key, at);
        const waited = since(waitingSince);
        const small = plan.prune.length < this.policy.minBatch;
        if (plan.prune.length === 0 || (small && waited >= 0 && waited < this.policy.maxWaitMs))
          return undefined;
        return this.apply(key, plan, 'save', at);
      }),
    );
  }

  private async runs(key: string): Promise<Runs | undefined> {
    const parsed = RunsSchema.safeParse((await this.db.settings.get(retentionSetting(key)))?.value);
    return parsed.success ? parsed.data : undefined;
  }

  /** Removes what the plan says, in the caller's transaction, and audits it. */
  private async apply(
    key: string,
    plan: RetentionPlan,
    trigger: 'save' | 'manual',
    at: string,
  ): Promise<PruneResult> {
    const removed = plan.prune;
    const kept = plan.keep.size;
    if (removed.length === 0) return { removed, kept, at };
    await this.db.revisions
      .where('[key+revision]')
      .anyOf(removed.map((r) => [key, r]))
      .delete();
    const runs: Runs = { checkedAt: at, waitingSince: at, prunedAt: at };
    await this.db.settings.put({ name: retentionSetting(key), value: runs });
    const raw = detailsOf((await this.db.packs.get(key))?.pack);
    const ranges = revisionRanges(removed);
    await this.audit.append({
      at,
      actor: this.actor(),
      action: 'prune',
      packId: typeof raw.id === 'string' ? raw.id : key,
      ...(typeof raw.version === 'string' ? { version: raw.version } : {}),
      summary: lt(
        `按保留策略精简自动保存的修订：删除 ${removed.length} 个（修订 ${ranges}），保留 ${kept} 个`,
        `thinned autosave revisions by the retention policy: removed ${removed.length} (revisions ${ranges}), kept ${kept}`,
      ),
      details: {
        key,
        policy: this.policy.id,
        trigger,
        removed: removed.length,
        revisions: ranges,
        kept,
      },
    });
    return { removed, kept, at };
  }

  private async plan(key: string, at: string) {
    const points = await this.points(key);
    return planRetention(points, await this.evidence(key, points), at, this.policy);
  }

  /** Revision numbers and save times, from the index: no document is read. */
  private async points(key: string): Promise<RevisionPoint[]> {
    const keys = await this.db.revisions
      .where('[key+revision+savedAt]')
      .between(...allOf(key))
      .keys();
    return keys.flatMap((k) => {
      const [, revision, savedAt] = Array.isArray(k) ? (k as unknown[]) : [];
      return typeof revision === 'number' && typeof savedAt === 'string'
        ? [{ revision, savedAt }]
        : [];
    });
  }

  /** The revisions that must stay, with why: versions taken from them, audit entries naming them. */
  private async evidence(
    key: string,
    points: readonly RevisionPoint[],
  ): Promise<Map<number, ProtectReason[]>> {
    const protect = new Map<number, ProtectReason[]>();
    const add = (revision: number, why: ProtectReason) => {
      const reasons = protect.get(revision) ?? [];
      if (!reasons.includes(why)) protect.set(revision, [...reasons, why]);
    };
    // Revision 1 is what was created or imported, whether or not the log says so.
    add(1, 'created');
    const versions = await this.db.versions
      .where('[key+revision+kind]')
      .between(...allOf(key))
      .keys();
    for (const k of versions) {
      const [, revision, kind] = Array.isArray(k) ? (k as unknown[]) : [];
      if (typeof revision === 'number') add(revision, kind === 'published' ? 'published' : 'named');
    }
    const packId = detailsOf((await this.db.packs.get(key))?.pack).id ?? key;
    const entries = await this.db.audit.where('action').anyOf(Object.keys(EVIDENCE)).toArray();
    for (const entry of entries) {
      const why = EVIDENCE[entry.action];
      const d = detailsOf(entry.details);
      if (!why) continue;
      if (entry.action === 'export') {
        if (entry.packId === packId) for (const r of aroundExport(points, entry.at)) add(r, why);
      } else if (d.key !== key) continue;
      else if (entry.action === 'create' || entry.action === 'import') add(1, why);
      else {
        if (typeof d.revision === 'number') add(d.revision, why);
        if (typeof d.fromRevision === 'number') add(d.fromRevision, why);
      }
    }
    return protect;
  }
}

/**
 * The revision stored when a file was exported, and the next one: an export from the editor
 * carries the edits its autosave had not written yet, which the next revision holds.
 */
function aroundExport(points: readonly RevisionPoint[], at: string): number[] {
  const t = Date.parse(at);
  const before = points.filter((p) => Date.parse(p.savedAt) <= t).at(-1);
  const after = points.find((p) => Date.parse(p.savedAt) > t);
  return [before, after].flatMap((p) => (p ? [p.revision] : []));
}
