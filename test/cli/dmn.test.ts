import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOAN_MODEL, LOAN_TESTS } from '../../src/testing/dmn/loanModel.ts';
import { runCli, tempDir } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const caseDir = join(dir, '0001-loans');
mkdirSync(caseDir);
const model = join(caseDir, 'loans.dmn');
writeFileSync(model, LOAN_MODEL);
writeFileSync(join(caseDir, 'loans-test-01.xml'), LOAN_TESTS);
writeFileSync(join(dir, 'README.md'), 'not a case folder');

describe('suitability tck and import --from dmn', () => {
  it('prints one line per test case and the pass count; files among the folders are skipped', async () => {
    const run = await runCli(['tck', caseDir, join(dir, 'README.md')]);
    expect(run.stdout.trim().split('\n')).toEqual([
      'pass 0001-loans loans-test-01 001',
      'pass 0001-loans loans-test-01 002',
      'FAIL 0001-loans loans-test-01 003: Risk Band: expected Green, got "Red"',
      'tck: 2/3 test cases pass',
    ]);
    expect(run.code).toBe(1);
  });

  it('imports a model, listing what it cannot express by element id', async () => {
    const out = join(dir, 'loans.json');
    const run = await runCli(['import', '--from', 'dmn', model, '--out', out]);
    expect(run.stderr).toContain('error #b4a:');
    expect(run.stderr).toContain('date("2020-01-01")');
    expect(run.code).toBe(1);
    const pack = JSON.parse(readFileSync(out, 'utf8')) as { semantics: string };
    expect(pack.semantics).toBe('dmn');
    const validate = await runCli(['validate', out]);
    expect(validate.code).toBe(0);
  });

  it('refuses with --strict and writes nothing', async () => {
    const out = join(dir, 'strict.json');
    const run = await runCli(['import', '--from', 'dmn', model, '--strict', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not imported \(--strict\)/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('names a file that is not DMN', async () => {
    const bad = join(dir, 'bad.dmn');
    writeFileSync(bad, '<html></html>');
    const run = await runCli(['import', '--from', 'dmn', bad, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不是可读的 DMN 文件');
  });
});
