import { lt, type LocalizedText, type Pack, type PackStatus } from '../domain/index.ts';
import { compilePack, lintPack, runTests } from '../engine/index.ts';
import { StorageError } from './errors.ts';

/** A step of the workflow was refused; says why in both locales. */
export class GovernanceError extends StorageError {
  constructor(
    readonly reason: string,
    localized: LocalizedText,
    where: string,
  ) {
    super('database', localized, where);
    this.name = 'GovernanceError';
  }
}

/** Why a pack cannot be published yet; empty when it can. */
export type PublishCheck = { lintErrors: number; testsFailed: number; testsTotal: number };

export function checkPublishable(pack: Pack): PublishCheck {
  const lintErrors = lintPack(pack).filter((p) => p.severity === 'error').length;
  if (lintErrors > 0) return { lintErrors, testsFailed: 0, testsTotal: pack.tests.length };
  const report = runTests(compilePack(pack));
  return { lintErrors, testsFailed: report.failed, testsTotal: report.total };
}

/** The pack with a version number and its changelog note (one note per version). */
export function withVersion(
  pack: Pack,
  version: string,
  note: string,
  author: string,
  at: string,
): Pack {
  const entry = { version, date: at.slice(0, 10), note: { 'zh-CN': note, en: note }, author };
  return {
    ...pack,
    version,
    changelog: [...pack.changelog.filter((c) => c.version !== version), entry],
  };
}

/** Refuses a step the pack's status does not allow, saying which statuses would. */
export function requireStatus(pack: Pack, allowed: readonly PackStatus[], key: string): void {
  if (allowed.includes(pack.status)) return;
  throw new GovernanceError(
    'status',
    lt(
      `${key} 当前状态为 ${pack.status}，此操作需要 ${allowed.join(' / ')}`,
      `${key} is ${pack.status}; this step needs ${allowed.join(' / ')}`,
    ),
    key,
  );
}
