import { exportJdm, exportJsonRulesEngine } from '../../engine/index.ts';
import { exportDmn } from '../../engine/interop/dmn/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { pick, usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { pathLocator, place } from '../locate.ts';
import { openSink } from '../sink.ts';

export const exportCommand: Command = {
  name: 'export',
  spec: { positionals: ['PACK'], options: { to: true, out: true } },
  usage: 'export PACK --to json-rules-engine|jdm|dmn [--out FILE]',
  summary: {
    'zh-CN':
      '把规则节点导出为 json-rules-engine 规则集，或把整个决策图导出为 GoRules JDM（无法表达的部分列在 stderr，退出码 1），或把决策表、分级分段与匹配矩阵导出为 DMN 决策表（--to dmn）',
    en: 'export the rules nodes as json-rules-engine rule sets, or the whole graph as GoRules JDM (what JDM cannot express is listed on stderr, exit 1), or the tables, classify bands and match matrices as DMN decision tables (--to dmn)',
  },
  async run({ positionals, options, stderr, lang }) {
    const [file] = positionals as [string];
    const target = choice(options, 'to', ['json-rules-engine', 'jdm', 'dmn'] as const);
    if (!target)
      throw usageError(
        'export 需要 --to json-rules-engine、--to jdm 或 --to dmn',
        'export needs --to json-rules-engine, --to jdm or --to dmn',
      );
    const loaded = await loadPack(file);
    let exported: unknown;
    let failed = false;
    if (target === 'dmn') {
      const dmn = exportDmn(loaded.pack);
      const locate = pathLocator(loaded.text);
      for (const p of dmn.unsupported)
        stderr.write(
          `${place(loaded.path, locate(p.path))} info ${p.path}: ${pick(p.message, lang)}\n`,
        );
      exported = dmn.xml;
    } else if (target === 'jdm') {
      const { jdm, unsupported } = exportJdm(loaded.pack);
      const locate = pathLocator(loaded.text);
      for (const p of unsupported)
        stderr.write(
          `${place(loaded.path, locate(p.path))} ${p.severity} ${p.path}: ${pick(p.message, lang)}\n`,
        );
      failed = unsupported.some((p) => p.severity === 'error');
      exported = jdm;
    } else exported = exportJsonRulesEngine(loaded.pack);
    const sink = await openSink(typeof options.out === 'string' ? options.out : undefined);
    try {
      await sink.write(
        typeof exported === 'string' ? exported : `${JSON.stringify(exported, null, 2)}\n`,
      );
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    }
    return failed ? 1 : 0;
  },
};
