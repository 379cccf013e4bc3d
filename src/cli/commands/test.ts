import { formatTestReport, runTests } from '../../engine/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { loadPack } from '../loadPack.ts';
import { checkTrust } from '../trust.ts';
import { compileOrExplain } from './compile.ts';

export const testCommand: Command = {
  name: 'test',
  spec: { positionals: ['PACK'], options: { verbose: false, trusted: true } },
  usage: 'test PACK [--verbose] [--trusted keys.json]',
  summary: {
    'zh-CN': '运行规则包自带的测试用例，显示期望与实际的差异；有失败时退出码为 1',
    en: "run the pack's own test cases, showing expected vs actual; exit 1 on failures",
  },
  async run({ positionals, options, lang, stdout, stderr }) {
    const [file] = positionals as [string];
    const loaded = await loadPack(file);
    await checkTrust(loaded, options.trusted, stderr, lang);
    const compiled = compileOrExplain(loaded);
    const report = runTests(compiled);
    const out = printer(stdout, lang);
    out(formatTestReport(report, lang, options.verbose === true));
    if (report.total === 0)
      out({ 'zh-CN': `${file}：规则包没有测试用例`, en: `${file}: the pack has no test cases` });
    return report.failed > 0 ? 1 : 0;
  },
};
