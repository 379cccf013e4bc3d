import { describe, expect, it } from 'vitest';
import { applyChange } from '../../domain/index.ts';
import { compilePack, evaluate, runTests } from '../../engine/index.ts';
import { baseClient, buildPack } from '../../testing/fixtures.ts';
import {
  addTestChange,
  expectationFrom,
  removeTestChange,
  setTestChange,
  testFromSimulation,
  uniqueTestId,
  withExpectation,
} from './testDraft.ts';

const pack = buildPack();
const compiled = compilePack(pack);

describe('test cases from simulations', () => {
  it('pin every value output, every declared flag and every verdict', () => {
    const result = evaluate(compiled, baseClient());
    expect(expectationFrom(pack, result)).toEqual({
      outputs: { score: 17, level: 'C3' },
      flags: { lowestCategory: false, reassessmentDue: false },
      products: { P1: 'allowed', P2: 'allowed', P3: 'warn', P4: 'warn' },
    });
  });

  it('a saved simulation passes in the pack; edits and removal are pack changes', () => {
    const input = baseClient();
    const test = testFromSimulation(pack, input, evaluate(compiled, input), {
      'zh-CN': '甲',
      en: 'A',
    });
    expect(test.id).toBe('sim-c1');
    const withTest = applyChange(pack, addTestChange(pack, test));
    expect(uniqueTestId(withTest, 'sim-c1')).toBe('sim-c1-2');
    expect(runTests(compilePack(withTest)).cases.at(-1)).toMatchObject({
      id: 'sim-c1',
      passed: true,
    });

    const expect2 = withExpectation(test.expect, 'outputs', 'level', 'C4');
    const broken = applyChange(
      withTest,
      setTestChange(withTest.tests.length - 1, 'expect', expect2),
    );
    const report = runTests(compilePack(broken)).cases.at(-1);
    expect(report?.differences).toEqual([{ path: 'outputs.level', expected: 'C4', actual: 'C3' }]);
    const removed = applyChange(broken, removeTestChange(broken.tests.length - 1));
    expect(removed.tests).toEqual(pack.tests);
  });

  it('an input the engine refuses is saved as a test of its error code', () => {
    const input = baseClient({ answers: { Q1: 'Z' } });
    const test = testFromSimulation(
      pack,
      input,
      { errorCode: 'input.unknownOption' },
      { 'zh-CN': '错', en: 'bad' },
    );
    expect(test.expect).toEqual({ error: 'input.unknownOption' });
    const withTest = applyChange(pack, addTestChange(pack, test));
    expect(runTests(compilePack(withTest)).cases.at(-1)?.passed).toBe(true);
  });

  it('an expectation group without entries is dropped, so that nothing is checked there', () => {
    const one = withExpectation({}, 'flags', 'lowestCategory', true);
    expect(one).toEqual({ flags: { lowestCategory: true } });
    expect(withExpectation(one, 'flags', 'lowestCategory', undefined)).toEqual({});
  });

  it('test ids are cleaned into ids the schema accepts', () => {
    expect(uniqueTestId(pack, '王 client/1')).toBe('client-1');
    expect(uniqueTestId(pack, '***')).toBe('test');
  });
});
