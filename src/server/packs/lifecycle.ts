/**
 * The rules about what a pack may become (status, version, what must pass before review and
 * publication), gathered in one place for the server. They come from the studio's storage
 * layer and the engine today; when they move into the domain, only this module changes.
 */
import { SemverSchema, type EvaluationInputDraft, type Pack } from '../../domain/index.ts';
import {
  analyzeImpact,
  compilePack,
  diffPacks,
  lintPack,
  runTests,
  type DiffEntry,
  type ImpactReport,
} from '../../engine/index.ts';
import { contentHash, nextVersion as nextPatch, withVersion } from '../../domain/index.ts';
import { checkPublishable, type PublishCheck } from '../../engine/index.ts';
import { summarizeDiff } from '../../storage/auditedPacks.ts';

export { checkPublishable, contentHash, diffPacks, nextPatch, summarizeDiff, withVersion };
export type { DiffEntry, PublishCheck };

/** Statuses in which the pack waits on a checker: an edit would change what is being reviewed. */
export const UNDER_REVIEW: readonly string[] = ['in-review', 'approved'];

/**
 * What an author's save makes of the pack. Status and integrity belong to the workflow, never to
 * an edit: the result is a draft without approvals. A published pack's edit starts the next patch
 * version, since the published one never changes.
 */
export function editedPack(current: Pack, proposed: Pack): Pack {
  const { integrity: _integrity, ...rest } = proposed;
  const settled = current.status === 'published' || current.status === 'retired';
  const version =
    settled && rest.version === current.version ? nextPatch(current.version) : rest.version;
  return { ...rest, status: 'draft', version };
}

/** The version a submission goes to review under when the author names none. */
export function proposedVersion(pack: Pack, published: readonly string[]): string {
  return published.includes(pack.version) ? nextPatch(pack.version) : pack.version;
}

export const isSemver = (version: string) => SemverSchema.safeParse(version).success;

/** Test results as the review shows them. */
export function testSummary(pack: Pack) {
  const report = runTests(compilePack(pack));
  return {
    total: report.total,
    passed: report.total - report.failed,
    failed: report.failed,
    cases: report.cases.map((c) => ({ id: c.id, name: c.name, passed: c.passed })),
  };
}

export function lintProblems(pack: Pack) {
  return lintPack(pack).map((p) => ({
    severity: p.severity,
    code: p.code,
    path: p.path,
    message: p.message,
  }));
}

/** The clients the pack carries (sample clients and test inputs): the review's population. */
function populationOf(pack: Pack): EvaluationInputDraft[] {
  return [
    ...pack.sampleClients.map((c) => c.input),
    ...pack.tests.map((t) => t.input),
  ] as EvaluationInputDraft[];
}

/** How the change moves the clients of both versions, counted; undefined for a first version. */
export function impactSummary(
  before: Pack | undefined,
  after: Pack,
): (Omit<ImpactReport, 'affected'> & { affected: number }) | undefined {
  if (!before) return undefined;
  const inputs = [...populationOf(before), ...populationOf(after)];
  const { affected, ...report } = analyzeImpact(compilePack(before), compilePack(after), inputs);
  return { ...report, affected: affected.length };
}
