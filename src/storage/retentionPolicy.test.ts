import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  periodOf,
  planRetention,
  revisionRanges,
  RETENTION_POLICY,
  type ProtectReason,
  type RevisionPoint,
} from './retentionPolicy.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 12, 9, 0, 0); // a Monday, 09:00 UTC
const iso = (ms: number) => new Date(ms).toISOString();

/** Revisions 1..n saved at the given offsets from START. */
function saves(offsets: readonly number[]): RevisionPoint[] {
  return offsets.map((offset, i) => ({ revision: i + 1, savedAt: iso(START + offset) }));
}

const none = new Map<number, ProtectReason[]>();

describe('planRetention', () => {
  it('keeps every save of the last hour, then the last of each hour', () => {
    // One autosave a minute from 09:00 to 17:19 (500 saves), planned at 17:30.
    const points = saves(Array.from({ length: 500 }, (_, i) => i * MINUTE));
    const plan = planRetention(points, none, iso(START + 8.5 * HOUR));
    const kept = [...plan.keep.keys()].sort((a, b) => a - b);
    // Saved after 16:30: revisions 452-500, all kept (500 is also the current one).
    const recent = kept.filter((r) => r > 450);
    expect(recent).toEqual(Array.from({ length: 49 }, (_, i) => 452 + i));
    // An hour old and more: the last save of each hour 09:00-15:00. Hour 16:00 ends with
    // revision 480 (16:59), kept as recent, so 16:00-16:30 (revisions 421-451) go.
    expect(kept.filter((r) => r <= 451)).toEqual([60, 120, 180, 240, 300, 360, 420]);
    expect(plan.keep.get(60)).toEqual(['hourly']);
    expect(plan.keep.get(452)).toEqual(['recent']);
    expect(plan.keep.get(500)).toEqual(['current']);
    expect(plan.prune).toHaveLength(500 - 56);
  });

  it('keeps the last of each day after a day, and of each week after 30 days', () => {
    // Ten saves a day, one every 30 minutes from 09:00, for 60 days.
    const offsets = Array.from(
      { length: 600 },
      (_, i) => Math.floor(i / 10) * DAY + (i % 10) * 30 * MINUTE,
    );
    const points = saves(offsets);
    const now = START + 60 * DAY;
    const plan = planRetention(points, none, iso(now));
    const reasons = [...plan.keep.values()].map((r) => r[0]);
    const count = (reason: string) => reasons.filter((r) => r === reason).length;
    expect(count('current')).toBe(1);
    // Days 31-58 (the last day is current; day 59 at 09:00-13:30 is under a day old).
    expect(count('daily')).toBe(29);
    // The hour tier covers the saves of the last day: ten saves in five hours, one kept per hour.
    expect(count('hourly')).toBe(4);
    // Days 0-30 (09:00) are over 30 days old: the weeks of days 0-6, 7-13, 14-20 and 21-27.
    // The week of days 28-34 ends with the last save of day 34, which stays as a daily one.
    expect(count('weekly')).toBe(4);
    expect(plan.keep.size + plan.prune.length).toBe(600);
    for (const r of plan.keep.keys()) {
      const p = points[r - 1] as RevisionPoint;
      if (plan.keep.get(r)?.[0] !== 'weekly') continue;
      expect(new Date(p.savedAt).getUTCDay()).toBe(0); // the last save of a week is on Sunday
    }
  });

  it('never prunes a protected revision, and says why it stays', () => {
    const points = saves(Array.from({ length: 100 }, (_, i) => i * MINUTE));
    const protect = new Map<number, ProtectReason[]>([
      [1, ['created']],
      [33, ['review']],
      [34, ['approve']],
    ]);
    const plan = planRetention(points, protect, iso(START + 40 * DAY));
    expect(plan.keep.get(1)).toEqual(['created']);
    expect(plan.keep.get(33)).toEqual(['review']);
    expect(plan.keep.get(34)).toEqual(['approve']);
    expect(plan.keep.get(100)).toEqual(['current']);
    expect(plan.keep.size).toBe(4);
  });

  it('keeps a revision whose date does not parse', () => {
    const points = [{ revision: 1, savedAt: 'garbage' }, ...saves([MINUTE, 2 * MINUTE]).slice(1)];
    const plan = planRetention(points, none, iso(START + 90 * DAY));
    expect(plan.keep.get(1)).toEqual(['recent']);
  });

  it('starts weeks on Monday, UTC', () => {
    const sunday = Date.UTC(2026, 0, 18, 23, 59);
    const monday = Date.UTC(2026, 0, 19, 0, 0);
    expect(periodOf('week', monday)).toBe(periodOf('week', sunday) + 1);
    expect(periodOf('week', Date.UTC(2026, 0, 12))).toBe(periodOf('week', sunday));
  });
});

/** A session: increasing save times at random gaps, some revisions protected, thinned at times. */
const sessions = fc.record({
  gaps: fc.array(fc.integer({ min: 1, max: 3 * DAY }), { minLength: 1, maxLength: 120 }),
  protected: fc.array(fc.nat({ max: 119 }), { maxLength: 10 }),
  checks: fc.array(fc.integer({ min: 0, max: 40 * DAY }), { minLength: 1, maxLength: 4 }),
});

describe('planRetention properties', () => {
  it('never prunes what is protected, keeps every period that had a save, and only ever removes', () => {
    fc.assert(
      fc.property(sessions, ({ gaps, protected: marked, checks }) => {
        let t = 0;
        const points = saves(gaps.map((g) => (t += g)));
        const protect = new Map<number, ProtectReason[]>(
          marked.filter((i) => i < points.length).map((i) => [i + 1, ['approve']]),
        );
        let present = points;
        let now = START + t;
        for (const step of checks) {
          now += step;
          const plan = planRetention(present, protect, iso(now));
          for (const r of protect.keys()) expect(plan.keep.has(r)).toBe(true);
          expect(plan.keep.has(points.length)).toBe(true);
          const next = present.filter((p) => plan.keep.has(p.revision));
          // Every period of every original save, at the tier its age puts it in, still has one.
          for (const p of points) {
            const ms = Date.parse(p.savedAt);
            const tier = RETENTION_POLICY.tiers.findLast((x) => now - ms >= x.olderThanMs);
            if (!tier) continue;
            const bucket = periodOf(tier.period, ms);
            expect(next.some((q) => periodOf(tier.period, Date.parse(q.savedAt)) === bucket)).toBe(
              true,
            );
          }
          // Planning again at the same moment removes nothing more.
          expect(planRetention(next, protect, iso(now)).prune).toEqual([]);
          present = next;
        }
      }),
      { seed: 20260112, numRuns: 200 },
    );
  });
});

describe('revisionRanges', () => {
  it('joins runs of consecutive revisions', () => {
    expect(revisionRanges([13, 3, 4, 5, 9, 12])).toBe('3-5, 9, 12-13');
    expect(revisionRanges([])).toBe('');
  });
});
