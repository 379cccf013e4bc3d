import { lt, type LocalizedText, type Pack } from '../domain/index.ts';
import { compilePack } from './compilePack.ts';
import { lintPack } from './lint/lintPack.ts';
import { runTests } from './runTests.ts';

/** What stands between an approved pack and publication: lint errors and failing tests. */
export type PublishCheck = { lintErrors: number; testsFailed: number; testsTotal: number };

/**
 * Lints the pack and, when lint finds no error, runs its own tests. A pack with lint errors is
 * not compiled, so its tests count as not run (`testsFailed: 0`).
 *
 * @example
 * const check = checkPublishable(pack);
 * if (!isPublishable(check)) throw new Error(publishRefusal(check, key)?.en);
 */
export function checkPublishable(pack: Pack): PublishCheck {
  const lintErrors = lintPack(pack).filter((p) => p.severity === 'error').length;
  if (lintErrors > 0) return { lintErrors, testsFailed: 0, testsTotal: pack.tests.length };
  const report = runTests(compilePack(pack));
  return { lintErrors, testsFailed: report.failed, testsTotal: report.total };
}

export function isPublishable(check: PublishCheck): boolean {
  return check.lintErrors === 0 && check.testsFailed === 0;
}

/** Why the pack `where` names cannot be published, in both locales; `null` when it can. */
export function publishRefusal(check: PublishCheck, where: string): LocalizedText | null {
  if (isPublishable(check)) return null;
  return lt(
    `不能发布 ${where}：检查发现 ${check.lintErrors} 个错误，${check.testsFailed}/${check.testsTotal} 个测试未通过`,
    `cannot publish ${where}: lint found ${check.lintErrors} errors, ${check.testsFailed} of ${check.testsTotal} tests fail`,
  );
}
