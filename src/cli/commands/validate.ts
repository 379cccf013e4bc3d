import { checkPack } from '../../engine/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { loadPack } from '../loadPack.ts';
import { checkTrust } from '../trust.ts';
import { pathLocator, place } from '../locate.ts';
import { pick } from '../i18n.ts';

export const validateCommand: Command = {
  name: 'validate',
  spec: { positionals: ['PACK'], options: { trusted: true } },
  usage: 'validate PACK [--trusted keys.json]',
  summary: {
    'zh-CN':
      '检查规则包：格式、引用、图，以及发布前的 lint（分段与决策表的空档和重叠、永不触发的规则、矩阵单调、缺失翻译等）；有错误时退出码为 1，警告只打印',
    en: 'check a pack: schema, references, graph, and the lint that gates publishing (gaps and overlaps in bands and tables, rules that never fire, monotone matrices, missing translations...); exit 1 on errors, warnings are printed',
  },
  async run({ positionals, options, lang, stdout, stderr }) {
    const [file] = positionals as [string];
    const loaded = await loadPack(file);
    await checkTrust(loaded, options.trusted, stderr, lang);
    const { pack, text, hash, hashStatus } = loaded;
    const out = printer(stdout, lang);
    const locate = pathLocator(text);
    // Validation and lint, as the studio's publish gate sees them: errors fail, warnings inform.
    const problems = checkPack(pack);
    const severity = {
      error: ['错误', 'error'],
      warning: ['警告', 'warning'],
      info: ['提示', 'info'],
    };
    for (const p of problems) {
      const [zh, en] = severity[p.severity];
      out(
        `${place(file, locate(p.path))} ${p.path}: ${lang === 'en' ? en : zh} ${pick(p.message, lang)} [${p.code}]`,
      );
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    out(
      errors > 0
        ? {
            'zh-CN': `${file}：无效，${errors} 个错误，${warnings} 个警告`,
            en: `${file}: invalid, ${errors} error(s), ${warnings} warning(s)`,
          }
        : {
            'zh-CN': `${file}：有效，${warnings} 个警告`,
            en: `${file}: valid, ${warnings} warning(s)`,
          },
    );
    out(
      hashStatus === 'ok'
        ? { 'zh-CN': `内容哈希已核对：${hash}`, en: `content hash verified: ${hash}` }
        : { 'zh-CN': `内容哈希（未盖章）：${hash}`, en: `content hash (not stamped): ${hash}` },
    );
    return errors > 0 ? 1 : 0;
  },
};
