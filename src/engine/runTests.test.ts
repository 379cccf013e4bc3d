import { describe, expect, it } from 'vitest';
import { TestCaseSchema, lt, type TestCase } from '../domain/index.ts';
import { baseClient, buildPack } from '../testing/fixtures.ts';
import { compilePack } from './compilePack.ts';
import { formatTestReport, runTests } from './runTests.ts';

const compiled = compilePack(buildPack());
const testCase = (id: string, expect: Record<string, unknown>, input = baseClient()): TestCase =>
  TestCaseSchema.parse({ id, name: lt(`用例${id}`, `case ${id}`), input, expect });

describe('runTests', () => {
  it('passes when everything listed matches', () => {
    const report = runTests(compiled, [
      testCase('ok', {
        outputs: { level: 'C3', score: 17 },
        flags: { lowestCategory: false },
        products: { P1: 'allowed', P3: 'warn' },
        reasons: { P3: ['riskMismatch'] },
      }),
    ]);
    expect(report).toMatchObject({ passed: 1, failed: 0, total: 1 });
    expect(report.cases[0]?.differences).toEqual([]);
  });

  it('lists every difference with its path', () => {
    const report = runTests(compiled, [
      testCase('bad', {
        outputs: { level: 'C4' },
        flags: { lowestCategory: true },
        products: { P3: 'allowed' },
        reasons: { P1: ['riskMismatch'] },
      }),
    ]);
    expect(report.failed).toBe(1);
    expect(report.cases[0]?.differences).toEqual([
      { path: 'outputs.level', expected: 'C4', actual: 'C3' },
      { path: 'flags.lowestCategory', expected: true, actual: false },
      { path: 'products.P3', expected: 'allowed', actual: 'warn' },
      { path: 'reasons.P1', expected: ['riskMismatch'], actual: [] },
    ]);
  });

  it('an expected error code passes when evaluation throws it, and fails otherwise', () => {
    const badInput = baseClient({ answers: { Q1: 'Z' } });
    const report = runTests(compiled, [
      testCase('err', { error: 'input.unknownOption' }, badInput),
      testCase('wrongErr', { error: 'input.missingFact' }, badInput),
      testCase('noErr', { error: 'input.missingFact' }),
      testCase('unexpected', { outputs: { level: 'C3' } }, badInput),
    ]);
    expect(report.cases.map((c) => c.passed)).toEqual([true, false, false, false]);
    expect(report.cases[1]?.differences).toEqual([
      { path: 'error', expected: 'input.missingFact', actual: 'input.unknownOption' },
    ]);
    expect(report.cases[2]?.differences).toEqual([
      { path: 'error', expected: 'input.missingFact', actual: null },
    ]);
    expect(report.cases[3]?.error).toMatchObject({
      code: 'input.unknownOption',
      path: '$.answers.Q1',
    });
  });

  it('formats a readable expected-vs-actual report in either locale', () => {
    const report = runTests(compiled, [
      testCase('ok', { outputs: { level: 'C3' } }),
      testCase('bad', { products: { P3: 'allowed' } }),
    ]);
    expect(formatTestReport(report, 'en')).toBe(
      [
        'FAIL bad case bad',
        '  products.P3',
        '    - expected: "allowed"',
        '    + actual:   "warn"',
        '1 passed, 1 failed, 2 total',
      ].join('\n'),
    );
    expect(formatTestReport(report, 'zh-CN', true).split('\n')[0]).toBe('通过 ok 用例ok');
  });
});
