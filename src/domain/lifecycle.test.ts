import { describe, expect, it } from 'vitest';
import miniPack from './fixtures/miniPack.json' with { type: 'json' };
import { hashPack } from './hash.ts';
import {
  afterEdit,
  canTransition,
  contentHash,
  LIFECYCLE_STEPS,
  markPublished,
  nextVersion,
  recordDecision,
  refuseStep,
  restoreAsDraft,
  submitForReview,
  withVersion,
} from './lifecycle.ts';
import { PACK_STATUSES, type Pack, type PackStatus } from './pack.ts';
import { parsePack } from './parsePack.ts';

function pack(overrides: Partial<Pack> = {}): Pack {
  const parsed = parsePack(structuredClone(miniPack));
  if (!parsed.ok) throw new Error('miniPack does not parse');
  return { ...parsed.pack, ...overrides };
}
const signed = { author: 'li.wei', at: '2026-11-02T09:00:00.000Z' };
const approval = (decision: 'approved' | 'rejected') => ({
  by: 'wang.fang',
  role: 'approver',
  at: '2026-11-03T09:00:00.000Z',
  decision,
  comment: decision === 'approved' ? 'ok' : 'thresholds too low',
});
const retitled = (p: Pack): Pack => ({ ...p, title: { 'zh-CN': '新标题', en: 'New title' } });

describe('canTransition', () => {
  it('allows the maker-checker path, rejection and an edit back to draft, nothing else', () => {
    const allowed = PACK_STATUSES.flatMap((from) =>
      PACK_STATUSES.filter((to) => from !== to && canTransition(from, to)).map(
        (to) => `${from}>${to}`,
      ),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft>in-review',
        'in-review>approved',
        'in-review>draft',
        'approved>draft',
        'approved>published',
        'published>draft',
      ].sort(),
    );
    for (const s of PACK_STATUSES) expect(canTransition(s, s)).toBe(true);
  });

  it('agrees with the steps table', () => {
    for (const { from, to } of Object.values(LIFECYCLE_STEPS))
      for (const f of from) expect(canTransition(f, to)).toBe(true);
  });
});

describe('refuseStep', () => {
  it('says which statuses a step needs, in both locales, and nothing when it may be taken', () => {
    expect(refuseStep(pack(), 'submit', 'mini')).toBeNull();
    expect(refuseStep(pack(), 'publish', 'mini')).toEqual({
      'zh-CN': 'mini 当前状态为 draft，此操作需要 approved',
      en: 'mini is draft; this step needs approved',
    });
    expect(refuseStep(pack({ status: 'in-review' }), 'reject', 'mini')).toBeNull();
  });
});

describe('nextVersion', () => {
  it('bumps the patch number and leaves a version that is not semantic alone', () => {
    expect(nextVersion('1.4.2')).toBe('1.4.3');
    expect(nextVersion('2.0.9-rc.1')).toBe('2.0.10');
    expect(nextVersion('draft')).toBe('draft');
  });
});

describe('afterEdit', () => {
  it('makes an edit to a published pack the next version’s draft, without its integrity', () => {
    const published = markPublished(pack({ status: 'approved' }), signed);
    const next = afterEdit(published, retitled(published));
    expect(next).toMatchObject({ status: 'draft', version: '1.0.1', title: { en: 'New title' } });
    expect(next.integrity).toBeUndefined();
  });

  it('keeps a version the edit chose itself', () => {
    const published = pack({ status: 'published' });
    expect(afterEdit(published, { ...retitled(published), version: '2.0.0' }).version).toBe(
      '2.0.0',
    );
  });

  it('sends a pack in review or approved back to draft under the same version', () => {
    for (const status of ['in-review', 'approved'] as const) {
      const reviewed = submitForReview(pack(), '1.1.0', 'note', signed);
      const before = { ...reviewed, status };
      const next = afterEdit(before, retitled(before));
      expect(next).toMatchObject({ status: 'draft', version: '1.1.0' });
      expect(next.changelog).toEqual(before.changelog);
    }
  });

  it('keeps a draft a draft of its version and changelog, whatever the edit claims', () => {
    const draft = pack();
    const claim = { ...retitled(draft), status: 'published' as PackStatus, version: '9.9.9' };
    expect(afterEdit(draft, claim)).toMatchObject({ status: 'draft', version: '1.0.0' });
  });

  it('takes a change of governance fields alone (a workflow step) as it is', () => {
    const draft = pack();
    const submitted = submitForReview(draft, '1.1.0', 'note', signed);
    expect(afterEdit(draft, submitted)).toBe(submitted);
    expect(contentHash(submitted)).toBe(contentHash(draft));
  });
});

describe('workflow steps', () => {
  it('submit, approve and publish change governance fields only, and stamp the hash', () => {
    const submitted = submitForReview(pack(), '1.1.0', 'tuned C3', signed);
    expect(submitted).toMatchObject({ status: 'in-review', version: '1.1.0' });
    expect(submitted.changelog.at(-1)).toEqual({
      version: '1.1.0',
      date: '2026-11-02',
      note: { 'zh-CN': 'tuned C3', en: 'tuned C3' },
      author: 'li.wei',
    });
    const approved = recordDecision(submitted, approval('approved'));
    expect(approved.status).toBe('approved');
    const published = markPublished(approved, { author: 'zhao.min', at: '2026-11-04T09:00:00Z' });
    expect(published.status).toBe('published');
    expect(published.integrity).toMatchObject({
      author: 'li.wei',
      publishedAt: '2026-11-04T09:00:00Z',
      hash: hashPack({ ...approved, status: 'published' }),
    });
    expect(published.integrity.approvals.map((a) => a.decision)).toEqual(['approved']);
    expect(contentHash(published)).toBe(contentHash(pack()));
  });

  it('a rejection goes back to draft and keeps the approvals given so far', () => {
    const rejected = recordDecision(
      submitForReview(pack(), '1.1.0', 'n', signed),
      approval('rejected'),
    );
    expect(rejected.status).toBe('draft');
    expect(rejected.integrity?.approvals).toHaveLength(1);
  });

  it('one changelog note per version: naming a version again replaces its note', () => {
    const once = withVersion(pack(), '1.1.0', 'first', signed);
    const twice = withVersion(once, '1.1.0', 'second', signed);
    expect(twice.changelog.filter((c) => c.version === '1.1.0').map((c) => c.note.en)).toEqual([
      'second',
    ]);
  });

  it('a restored revision is a draft, the next version when the current pack is published', () => {
    const old = retitled(pack());
    const published = markPublished(pack({ status: 'approved' }), signed);
    const restored = restoreAsDraft(published, old);
    expect(restored).toMatchObject({
      status: 'draft',
      version: '1.0.1',
      title: { en: 'New title' },
    });
    expect(restored.integrity).toBeUndefined();
    expect(restoreAsDraft(pack({ version: '1.2.0' }), old).version).toBe('1.2.0');
  });
});
