import { readFile } from 'node:fs/promises';
import { validatePack } from '../../engine/index.ts';
import { DmnReadError, importDmn } from '../../engine/interop/dmn/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { pick, usageError, UserError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { openSink } from '../sink.ts';

export const importCommand: Command = {
  name: 'import',
  spec: { positionals: ['MODEL'], options: { from: true, into: true, out: true, strict: false } },
  usage: 'import --from dmn MODEL.dmn [--into PACK] [--strict] [--out FILE]',
  summary: {
    'zh-CN':
      '导入 DMN 模型：输入数据成为事实，决策表成为决策表节点，文字表达式成为 FEEL 表达式节点；无法表达的部分按 DMN 元素 id 列在 stderr（--strict 时拒绝导入，退出码 1）；--into 合并进已有规则包并写回该文件',
    en: 'import a DMN model: input data become facts, decision tables table nodes, literal expressions FEEL expression nodes; what the format cannot express is listed on stderr by DMN element id (--strict refuses the import, exit 1); --into merges into a pack and writes it back',
  },
  async run({ positionals, options, stdout, stderr, lang }) {
    const [file] = positionals as [string];
    if (choice(options, 'from', ['dmn'] as const) !== 'dmn')
      throw usageError('import 需要 --from dmn', 'import needs --from dmn');
    const into = typeof options.into === 'string' ? await loadPack(options.into) : undefined;
    let xml: string;
    try {
      xml = await readFile(file, 'utf8');
    } catch {
      throw new UserError({ 'zh-CN': `${file}：无法读取`, en: `${file}: cannot be read` });
    }
    let imported;
    try {
      imported = await importDmn(xml, into ? { into: into.pack } : {});
    } catch (e) {
      if (!(e instanceof DmnReadError)) throw e;
      throw new UserError({
        'zh-CN': `${file}：不是可读的 DMN 文件：${e.message}`,
        en: `${file}: not a readable DMN file: ${e.message}`,
      });
    }
    const { pack, issues } = imported;
    for (const i of issues)
      stderr.write(
        `${file}: ${i.severity} #${i.elementId}: ${pick(i.message, lang)} — ${i.text}\n`,
      );
    const refused = options.strict === true && issues.some((i) => i.severity === 'error');
    if (refused) {
      stderr.write(
        lang === 'en'
          ? `${file}: not imported (--strict): ${issues.length} element(s) the format cannot express\n`
          : `${file}：未导入（--strict）：${issues.length} 处无法表达\n`,
      );
      return 1;
    }
    // A merged pack is a new draft: the old hash and signature no longer describe it.
    if (into) delete pack.integrity;
    const problems = validatePack(pack).filter((p) => p.severity === 'error');
    for (const p of problems) stderr.write(`${file}: error ${p.path}: ${pick(p.message, lang)}\n`);
    const target = typeof options.out === 'string' ? options.out : into?.path;
    const sink = await openSink(target);
    try {
      await sink.write(`${JSON.stringify(pack, null, 2)}\n`);
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    }
    if (target)
      stdout.write(
        lang === 'en'
          ? `${file}: imported into ${target}${issues.length ? `, ${issues.length} issue(s) on stderr` : ''}\n`
          : `${file}：已导入 ${target}${issues.length ? `，${issues.length} 处问题见 stderr` : ''}\n`,
      );
    return problems.length > 0 || issues.some((i) => i.severity === 'error') ? 1 : 0;
  },
};
