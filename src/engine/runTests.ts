import { localize, type Expectation, type TestCase } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import {
  EvaluationError,
  type EvaluationResult,
  type TestCaseReport,
  type TestDifference,
  type TestReport,
} from './types.ts';

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) =>
        deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

/** What a result differs from an expectation by; only what the expectation lists is checked. */
export function compareResult(expect: Expectation, result: EvaluationResult): TestDifference[] {
  const diffs: TestDifference[] = [];
  if (expect.error !== undefined)
    diffs.push({ path: 'error', expected: expect.error, actual: null });
  for (const [name, expected] of Object.entries(expect.outputs ?? {})) {
    const actual = Object.hasOwn(result.outputs, name) ? result.outputs[name] : undefined;
    if (!deepEqual(expected, actual)) diffs.push({ path: `outputs.${name}`, expected, actual });
  }
  for (const [name, expected] of Object.entries(expect.flags ?? {})) {
    const actual = result.flags.includes(name);
    if (expected !== actual) diffs.push({ path: `flags.${name}`, expected, actual });
  }
  for (const [id, expected] of Object.entries(expect.products ?? {})) {
    const actual = result.products[id]?.verdict;
    if (expected !== actual) diffs.push({ path: `products.${id}`, expected, actual });
  }
  for (const [id, codes] of Object.entries(expect.reasons ?? {})) {
    const actual = (result.products[id]?.reasons ?? []).map((r) => r.code);
    if (!codes.every((c) => actual.includes(c)))
      diffs.push({ path: `reasons.${id}`, expected: codes, actual });
  }
  for (const [id, checks] of Object.entries(expect.checks ?? {}))
    for (const [dimension, expected] of Object.entries(checks)) {
      const actual = result.products[id]?.checks[dimension];
      if (expected !== actual) diffs.push({ path: `checks.${id}.${dimension}`, expected, actual });
    }
  return diffs;
}

function runCase(compiled: CompiledPack, t: TestCase): TestCaseReport {
  const base = { id: t.id, name: t.name };
  let result: EvaluationResult;
  try {
    result = evaluate(compiled, t.input, { rationale: false });
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    const error = { code: e.code, path: e.path, message: e.localized };
    const passed = t.expect.error === e.code;
    const differences = passed
      ? []
      : [{ path: 'error', expected: t.expect.error ?? null, actual: e.code }];
    return { ...base, passed, differences, error };
  }
  const differences = compareResult(t.expect, result);
  return { ...base, passed: differences.length === 0, differences };
}

/**
 * Runs test cases (a pack's own by default) and reports, per case, every difference between what
 * was expected and what came out. An expected `error` passes when evaluation throws that code.
 *
 * @example
 * const report = runTests(compilePack(pack));
 * if (report.failed > 0) console.log(formatTestReport(report, 'en'));
 */
export function runTests(
  compiled: CompiledPack,
  tests: readonly TestCase[] = compiled.pack.tests,
): TestReport {
  const cases = tests.map((t) => runCase(compiled, t));
  const passed = cases.filter((c) => c.passed).length;
  return { passed, failed: cases.length - passed, total: cases.length, cases };
}

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v));

/** A readable expected-vs-actual report, one block per failing case, then a summary line. */
export function formatTestReport(report: TestReport, locale = 'en', verbose = false): string {
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  for (const c of report.cases) {
    if (c.passed) {
      if (verbose) lines.push(`${zh ? '通过' : 'PASS'} ${c.id} ${localize(c.name, locale)}`);
      continue;
    }
    lines.push(`${zh ? '失败' : 'FAIL'} ${c.id} ${localize(c.name, locale)}`);
    if (c.error)
      lines.push(
        `  ${zh ? '错误' : 'error'} ${c.error.code} ${c.error.path}: ${localize(c.error.message, locale)}`,
      );
    for (const d of c.differences) {
      lines.push(`  ${d.path}`);
      lines.push(`    - ${zh ? '期望' : 'expected'}: ${show(d.expected)}`);
      lines.push(`    + ${zh ? '实际' : 'actual'}:   ${show(d.actual)}`);
    }
  }
  lines.push(
    zh
      ? `${report.passed} 个通过，${report.failed} 个失败，共 ${report.total} 个`
      : `${report.passed} passed, ${report.failed} failed, ${report.total} total`,
  );
  return lines.join('\n');
}
