import { exportJsonRulesEngine } from '../../engine/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { openSink } from '../sink.ts';

export const exportCommand: Command = {
  name: 'export',
  spec: { positionals: ['PACK'], options: { to: true, out: true } },
  usage: 'export PACK --to json-rules-engine [--out FILE]',
  summary: {
    'zh-CN': '把规则节点导出为 json-rules-engine 规则集',
    en: 'export the rules nodes as json-rules-engine rule sets',
  },
  async run({ positionals, options }) {
    const [file] = positionals as [string];
    const target = choice(options, 'to', ['json-rules-engine'] as const);
    if (!target)
      throw usageError('export 需要 --to json-rules-engine', 'export needs --to json-rules-engine');
    const loaded = await loadPack(file);
    const exported = exportJsonRulesEngine(loaded.pack);
    const sink = await openSink(typeof options.out === 'string' ? options.out : undefined);
    try {
      await sink.write(`${JSON.stringify(exported, null, 2)}\n`);
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    }
    return 0;
  },
};
