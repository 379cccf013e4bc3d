import type { Pack, TestCase } from '../../domain/index.ts';
import {
  compilePack,
  computeCoverage,
  evaluate,
  PackInvalidError,
  runTests,
  type Coverage,
  type CoverageRun,
  type Problem,
  type TestReport,
} from '../../engine/index.ts';

/** What one run of a pack's tests gives the Tests tab. */
export type SuiteResult =
  { ok: true; report: TestReport; coverage: Coverage } | { ok: false; problems: Problem[] };

export type SuiteProgress = { done: number; total: number };

/** Cases per progress step: small enough to move the bar, large enough to cost nothing. */
const CHUNK = 25;

function mergeReports(reports: TestReport[]): TestReport {
  const cases = reports.flatMap((r) => r.cases);
  const passed = cases.filter((c) => c.passed).length;
  return { passed, failed: cases.length - passed, total: cases.length, cases };
}

/**
 * Runs a pack's test cases with the engine's `runTests` (the function `suitability test` runs, so
 * the studio and the CLI agree case by case), then evaluates each case again with the trace for
 * coverage. Cases that expect an error have no trace and cover nothing.
 */
export function runSuite(
  pack: Pack,
  onProgress?: (progress: SuiteProgress) => void,
  tests: readonly TestCase[] = pack.tests,
): SuiteResult {
  let compiled;
  try {
    compiled = compilePack(pack);
  } catch (e) {
    if (e instanceof PackInvalidError)
      return { ok: false, problems: e.problems.filter((p) => p.severity === 'error') };
    throw e;
  }
  const reports: TestReport[] = [];
  const runs: CoverageRun[] = [];
  for (let start = 0; start < tests.length; start += CHUNK) {
    const chunk = tests.slice(start, start + CHUNK);
    reports.push(runTests(compiled, chunk));
    for (const t of chunk) {
      if (t.expect.error !== undefined) continue;
      try {
        const trace = evaluate(compiled, t.input, { trace: true, rationale: false }).trace ?? [];
        runs.push({ testId: t.id, trace });
      } catch {
        // The report already carries this case's error; it simply covers nothing.
      }
    }
    onProgress?.({ done: Math.min(start + CHUNK, tests.length), total: tests.length });
  }
  return { ok: true, report: mergeReports(reports), coverage: computeCoverage(compiled, runs) };
}
