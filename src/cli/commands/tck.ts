import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runTckModel } from '../../engine/interop/dmn/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { UserError } from '../i18n.ts';

/** The model and test files of one TCK case folder. */
async function caseFiles(dir: string): Promise<{ model: string; tests: string[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new UserError({ 'zh-CN': `${dir}：无法读取目录`, en: `${dir}: cannot read the folder` });
  }
  const models = names.filter((n) => n.endsWith('.dmn'));
  const tests = names.filter((n) => /-test-\d+\.xml$/.test(n));
  if (models.length !== 1 || tests.length === 0)
    throw new UserError({
      'zh-CN': `${dir}：需要恰好一个 .dmn 文件和至少一个 *-test-NN.xml`,
      en: `${dir}: needs exactly one .dmn file and at least one *-test-NN.xml`,
    });
  return { model: join(dir, models[0] as string), tests: tests.map((t) => join(dir, t)) };
}

export const tckCommand: Command = {
  name: 'tck',
  spec: { positionals: ['DIR...'], options: {} },
  usage: 'tck DIR...',
  summary: {
    'zh-CN':
      '运行 DMN TCK 用例目录（*.dmn 与 *-test-NN.xml）：导入模型，用本引擎逐个计算测试用例，每个用例一行，最后一行为通过数；有失败时退出码为 1',
    en: 'run DMN TCK case folders (*.dmn and *-test-NN.xml): import the model, evaluate every test case with this engine, one line per case and a last line with the pass count; exit 1 when any fails',
  },
  async run({ positionals, lang, stdout }) {
    const out = printer(stdout, lang);
    let passed = 0;
    let total = 0;
    for (const dir of positionals) {
      // `tck dmn-tck/*` also names the suite's README and licence: files are not case folders.
      const isFile = await stat(dir).then(
        (s) => s.isFile(),
        () => false,
      );
      if (isFile) continue;
      const { model, tests } = await caseFiles(dir);
      const results = await runTckModel(
        await readFile(model, 'utf8'),
        await Promise.all(
          tests.map(async (t) => ({ name: basename(t), xml: await readFile(t, 'utf8') })),
        ),
      );
      for (const r of results) {
        total++;
        if (r.pass) passed++;
        const name = `${basename(dir)} ${r.file.replace(/\.xml$/, '')} ${r.id}`;
        out(r.pass ? `pass ${name}` : `FAIL ${name}: ${r.detail ?? ''}`);
      }
    }
    out(`tck: ${passed}/${total} test cases pass`);
    return passed === total ? 0 : 1;
  },
};
