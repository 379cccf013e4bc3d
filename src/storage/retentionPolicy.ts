/**
 * Which saved revisions of a pack are kept. Every autosave stores the whole pack (about 100 KB
 * of JSON for the CSRC pack), so a day of editing leaves hundreds of copies. The policy:
 *
 * Never removed, whatever their age:
 * - the current revision, and the first (what was created or imported);
 * - the revision a named or a published version was taken from;
 * - the revision an audit entry names as evidence of a decision: submitted for review, approved or
 *   rejected (the approvals live in it), published, restored (the one restored and the one it
 *   became), and for an export the revision stored when the file was written and the next one
 *   (which holds the edits that were not yet saved then).
 *
 * Other revisions are autosaves; of those, the last one of each period is kept:
 * - saved in the last hour: all of them;
 * - 1 hour to 1 day ago: the last of each clock hour;
 * - 1 to 30 days ago: the last of each day;
 * - older: the last of each week (Monday to Sunday).
 * Periods are UTC and nest (an hour lies in one day, a day in one week), so the revision that
 * stands for a week also stood for its day and its hour: thinning only ever removes, and every
 * period that had a save keeps one. The audit entry of each edit is never removed: who changed
 * what, and when, stays in the log even when the full document of that moment is thinned.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Period = 'hour' | 'day' | 'week';
export type ThinningReason = 'recent' | 'hourly' | 'daily' | 'weekly';
export type ProtectReason =
  | 'current'
  | 'created'
  | 'named'
  | 'published'
  | 'review'
  | 'approve'
  | 'reject'
  | 'restore'
  | 'export';
export type KeepReason = ProtectReason | ThinningReason;

export type RetentionPolicy = {
  /** Named in the audit entry of each thinning, so that a later policy can be told apart. */
  id: string;
  /**
   * From `olderThanMs` on, the last revision of each `period`; the last tier that applies wins.
   * Autosaves younger than the first tier are all kept.
   */
  tiers: readonly { olderThanMs: number; period: Period; reason: ThinningReason }[];
  /** How often a save looks for revisions to thin: the finest tier changes no faster than this. */
  checkEveryMs: number;
  /**
   * A save thins once this many revisions are due, or when any are due `maxWaitMs` after the last
   * thinning: fewer, larger removals, each one audited, and never more than a day of backlog.
   */
  minBatch: number;
  maxWaitMs: number;
};

export const RETENTION_POLICY: RetentionPolicy = {
  id: 'autosave-thinning/1',
  tiers: [
    { olderThanMs: HOUR, period: 'hour', reason: 'hourly' },
    { olderThanMs: DAY, period: 'day', reason: 'daily' },
    { olderThanMs: 30 * DAY, period: 'week', reason: 'weekly' },
  ],
  checkEveryMs: HOUR,
  minBatch: 10,
  maxWaitMs: DAY,
};

/** A saved revision as the policy sees it: its number and when it was saved (ISO 8601). */
export type RevisionPoint = { revision: number; savedAt: string };

export type RetentionPlan = {
  /** Every revision kept, with why: protections first, else the period it stands for. */
  keep: Map<number, KeepReason[]>;
  /** Revisions to remove, ascending. */
  prune: number[];
};

/** The period a moment falls in; weeks start on Monday (1970-01-01 was a Thursday). */
export function periodOf(period: Period, ms: number): number {
  const day = Math.floor(ms / DAY);
  if (period === 'hour') return Math.floor(ms / HOUR);
  return period === 'day' ? day : Math.floor((day + 3) / 7);
}

type Dated = { revision: number; ms: number };

/** Later save first; the revision number decides between equal times. */
const later = (a: Dated, b: Dated) => a.ms > b.ms || (a.ms === b.ms && a.revision > b.revision);

/**
 * What to keep of a pack's revisions at `now`. `protect` names the revisions that are evidence
 * (see the policy above); the latest revision is always kept as the current one. Pure: the
 * caller reads the revisions and the references, and removes what `prune` lists.
 */
export function planRetention(
  points: readonly RevisionPoint[],
  protect: ReadonlyMap<number, readonly ProtectReason[]>,
  now: string,
  policy: RetentionPolicy = RETENTION_POLICY,
): RetentionPlan {
  const at = Date.parse(now);
  // A date that does not parse counts as now: such a revision is kept, never guessed old.
  const dated: Dated[] = points.map((p) => {
    const ms = Date.parse(p.savedAt);
    return { revision: p.revision, ms: Number.isNaN(ms) ? at : ms };
  });
  const current = Math.max(...dated.map((p) => p.revision));
  const lastOf = new Map<string, Dated>();
  for (const p of dated)
    for (const { period } of policy.tiers) {
      const bucket = `${period}:${periodOf(period, p.ms)}`;
      const known = lastOf.get(bucket);
      if (!known || later(p, known)) lastOf.set(bucket, p);
    }
  const keep = new Map<number, KeepReason[]>();
  const prune: number[] = [];
  for (const p of dated) {
    const reasons: KeepReason[] = [...(protect.get(p.revision) ?? [])];
    if (p.revision === current && !reasons.includes('current')) reasons.unshift('current');
    const age = at - p.ms;
    const tier = policy.tiers.findLast((t) => age >= t.olderThanMs);
    const stands = !tier || lastOf.get(`${tier.period}:${periodOf(tier.period, p.ms)}`) === p;
    if (reasons.length === 0 && stands) reasons.push(tier?.reason ?? 'recent');
    if (reasons.length > 0) keep.set(p.revision, reasons);
    else prune.push(p.revision);
  }
  prune.sort((a, b) => a - b);
  return { keep, prune };
}

/** `[3, 4, 5, 9, 12, 13]` -> `3-5, 9, 12-13`: how an audit entry and the history name them. */
export function revisionRanges(revisions: readonly number[]): string {
  const sorted = [...revisions].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
