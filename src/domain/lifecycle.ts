import { hashPack } from './hash.ts';
import { lt, type LocalizedText } from './localized.ts';
import type { Integrity, Pack, PackStatus } from './pack.ts';

/**
 * What a pack may become: its status, its version number and what an edit does to it. Storage,
 * the studio's store and the server all call these, so that the pack an editor shows, the pack a
 * repository stores and the pack a server serves follow one rule.
 *
 * The workflow is maker-checker: `draft -> in-review -> approved -> published`, a rejection goes
 * back to draft, and a content edit to a pack past draft makes it a draft again (a published pack
 * is never changed: the edit is the next version's draft). Workflow steps change only governance
 * fields (status, version, changelog, integrity), never the content a reviewer approved.
 */

export type { PackStatus } from './pack.ts';

/** The named steps of the workflow. */
export type LifecycleStep = 'submit' | 'approve' | 'reject' | 'publish';

/** Where each step starts from and where it leads. */
export const LIFECYCLE_STEPS: Readonly<
  Record<LifecycleStep, { from: readonly PackStatus[]; to: PackStatus }>
> = {
  submit: { from: ['draft'], to: 'in-review' },
  approve: { from: ['in-review'], to: 'approved' },
  reject: { from: ['in-review'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
};

/** Statuses a content edit sends back to draft (a retired pack is left as the edit claims). */
const EDITABLE_PAST_DRAFT: readonly PackStatus[] = ['in-review', 'approved', 'published'];

/**
 * Whether a pack in status `from` may end up in status `to`, by a workflow step or by a content
 * edit. Staying in the same status is always allowed.
 *
 * @example canTransition('approved', 'published') // true
 * @example canTransition('draft', 'published') // false: review and approval come first
 */
export function canTransition(from: PackStatus, to: PackStatus): boolean {
  if (from === to) return true;
  if (to === 'draft' && EDITABLE_PAST_DRAFT.includes(from)) return true;
  return Object.values(LIFECYCLE_STEPS).some((s) => s.to === to && s.from.includes(from));
}

/**
 * Why `step` cannot be taken from the pack's status, naming `where` (a pack key, a file); `null`
 * when it can.
 */
export function refuseStep(pack: Pack, step: LifecycleStep, where: string): LocalizedText | null {
  const { from } = LIFECYCLE_STEPS[step];
  if (from.includes(pack.status)) return null;
  return lt(
    `${where} 当前状态为 ${pack.status}，此操作需要 ${from.join(' / ')}`,
    `${where} is ${pack.status}; this step needs ${from.join(' / ')}`,
  );
}

/** The content a reviewer approves: everything but the governance fields around it. */
export function contentHash(pack: Pack): string {
  return hashPack({ ...pack, status: 'draft', version: '0.0.0', changelog: [] });
}

/**
 * The next patch version: `1.4.2` -> `1.4.3` (a pre-release or build suffix is dropped). A version
 * that is not semantic is returned as it is.
 */
export function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : version;
}

/**
 * What a content edit does to a pack's status: `previous` is the pack before the edit, `next`
 * the edited pack as an editor produced it; returns the pack as it now is.
 * - An edit that leaves the content as it was (a workflow step) is taken as it is.
 * - A published pack is never changed: the edit becomes a new draft with the next version number
 *   (unless the edit already chose another one).
 * - An edit to a pack in review or approved sends it back to draft, since what was reviewed is gone.
 * - Only the workflow moves a pack out of draft: an edit to a draft that also claims another status
 *   (an editor still showing the published pack, a hand edit of `status`) stays a draft of the
 *   draft's version and changelog.
 * Approvals and the published hash no longer describe the edited content, so they are dropped.
 *
 * @example afterEdit(published1_0_0, { ...published1_0_0, title }) // draft 1.0.1, no integrity
 */
export function afterEdit(previous: Pack, next: Pack): Pack {
  if (contentHash(previous) === contentHash(next)) return next;
  if (next.status === 'draft' || previous.status === 'retired') return next;
  const { integrity: _integrity, ...rest } = next;
  if (previous.status === 'draft')
    return { ...rest, status: 'draft', version: previous.version, changelog: previous.changelog };
  const version =
    previous.status === 'published' && next.version === previous.version
      ? nextVersion(previous.version)
      : next.version;
  return { ...rest, status: 'draft', version };
}

/** Who did what when, for the changelog and the approvals. `at` is an ISO timestamp. */
export type Signed = { author: string; at: string };

/** The pack with a version number and its changelog note (one note per version). */
export function withVersion(pack: Pack, version: string, note: string, signed: Signed): Pack {
  const entry = {
    version,
    date: signed.at.slice(0, 10),
    note: { 'zh-CN': note, en: note },
    author: signed.author,
  };
  return {
    ...pack,
    version,
    changelog: [...pack.changelog.filter((c) => c.version !== version), entry],
  };
}

/**
 * `submit`: the draft goes to review under the version number it would be published as, with its
 * change note; approvals given to an earlier review are cleared.
 */
export function submitForReview(pack: Pack, version: string, note: string, signed: Signed): Pack {
  const base = withVersion(pack, version, note, signed);
  return { ...base, status: LIFECYCLE_STEPS.submit.to, integrity: { approvals: [] } };
}

export type Approval = Integrity['approvals'][number];

/** A pack as publication stamps it: its integrity names author, time and content hash. */
export type PublishedPack = Pack & {
  integrity: Integrity & { author: string; publishedAt: string; hash: string };
};

/** `approve` / `reject`: the checker's decision, appended to the pack's approvals. */
export function recordDecision(pack: Pack, approval: Approval): Pack {
  const approvals = [...(pack.integrity?.approvals ?? []), approval];
  const status = LIFECYCLE_STEPS[approval.decision === 'approved' ? 'approve' : 'reject'].to;
  return { ...pack, status, integrity: { approvals } };
}

/**
 * `publish`: stamps the approved pack with its author (the one who wrote the version's changelog
 * note, else `signed.author`), approvals, time and content hash. Signing, if any, comes after.
 */
export function markPublished(pack: Pack, signed: Signed): PublishedPack {
  const note = pack.changelog.find((c) => c.version === pack.version);
  const base: Pack = { ...pack, status: LIFECYCLE_STEPS.publish.to };
  const integrity = {
    approvals: pack.integrity?.approvals ?? [],
    author: note?.author ?? signed.author,
    publishedAt: signed.at,
    hash: hashPack(base),
  };
  return { ...base, integrity };
}

/**
 * An old revision's content put back as the current draft: it keeps the current changelog, and
 * takes the next version number when the current pack is published (which never changes).
 */
export function restoreAsDraft(current: Pack, old: Pack): Pack {
  const { integrity: _integrity, ...content } = old;
  const version = current.status === 'published' ? nextVersion(current.version) : current.version;
  return { ...content, status: 'draft', version, changelog: current.changelog };
}
