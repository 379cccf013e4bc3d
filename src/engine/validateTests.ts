import { lt, type LocalizedText, type Pack } from '../domain/index.ts';
import { compileInputCheck, type InputShape } from './inputCheck.ts';
import type { PackIndex } from './packIndex.ts';
import { EvaluationError, type Problem } from './types.ts';
import { duplicates, problem } from './validateContext.ts';

/**
 * Test cases name real products, outputs and flags, and feed valid input. These are warnings: they
 * do not change what the pack computes (the tests fail when run), so they never stop compilation.
 */
export function validateTests(pack: Pack, index: PackIndex, problems: Problem[]): void {
  const outputs = new Map<string, string>();
  for (const n of pack.graph.nodes)
    if (n.kind === 'output') for (const o of n.config.outputs) outputs.set(o.name, o.kind);
  duplicates(
    pack.tests,
    (t) => t.id,
    (t, i) =>
      problems.push(
        problem(
          'test.duplicateId',
          `$.tests[${i}].id`,
          lt(`测试“${t.id}”重复`, `test "${t.id}" is defined twice`),
          'warning',
        ),
      ),
  );
  const checkInput = compileInputCheck(index);
  const inputProblem = (input: unknown, at: string, what: LocalizedText): void => {
    try {
      checkInput(input as InputShape);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      const path = at + e.path.slice(1);
      problems.push(
        problem(
          'test.input',
          path,
          lt(
            `${what['zh-CN']}的输入有误：${e.localized['zh-CN']}`,
            `${what.en}: bad input: ${e.localized.en}`,
          ),
          // A warning: a stale persona or test must not stop the pack from compiling; the test
          // itself fails when run.
          'warning',
        ),
      );
    }
  };
  pack.sampleClients.forEach((c, i) =>
    inputProblem(
      c.input,
      `$.sampleClients[${i}].input`,
      lt(`示例客户“${c.id}”`, `sample client "${c.id}"`),
    ),
  );
  pack.tests.forEach((t, i) => {
    // A case that expects an error may well feed bad input on purpose.
    if (t.expect.error === undefined)
      inputProblem(t.input, `$.tests[${i}].input`, lt(`测试“${t.id}”`, `test "${t.id}"`));
    const at = `$.tests[${i}].expect`;
    for (const key of ['products', 'reasons'] as const)
      for (const id of Object.keys(t.expect[key] ?? {}))
        if (!index.products.has(id))
          problems.push(
            problem(
              'test.unknownProduct',
              `${at}.${key}.${id}`,
              lt(
                `测试“${t.id}”引用的产品“${id}”不存在`,
                `test "${t.id}" names product "${id}", which is not in the catalogue`,
              ),
              'warning',
            ),
          );
    for (const name of Object.keys(t.expect.outputs ?? {}))
      if (!outputs.has(name))
        problems.push(
          problem(
            'test.unknownOutput',
            `${at}.outputs.${name}`,
            lt(
              `测试“${t.id}”引用的输出“${name}”不存在`,
              `test "${t.id}" names output "${name}", which no output node has`,
            ),
            'warning',
          ),
        );
    for (const name of Object.keys(t.expect.flags ?? {}))
      if (outputs.get(name) !== 'flag')
        problems.push(
          problem(
            'test.unknownFlag',
            `${at}.flags.${name}`,
            lt(
              `测试“${t.id}”引用的标志“${name}”不是输出标志`,
              `test "${t.id}" names flag "${name}", which is not a flag output`,
            ),
            'warning',
          ),
        );
  });
}
