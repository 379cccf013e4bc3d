import { stampPackHash } from '../../domain/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { loadPack } from '../loadPack.ts';
import { openSink } from '../sink.ts';

export const hashCommand: Command = {
  name: 'hash',
  spec: { positionals: ['PACK'], options: { check: false, stamp: false } },
  usage: 'hash PACK [--check | --stamp]',
  summary: {
    'zh-CN': '打印内容哈希；--check 要求已盖章且一致，--stamp 把哈希写入 integrity.hash',
    en: 'print the content hash; --check requires a matching stamp, --stamp writes it to integrity.hash',
  },
  async run({ positionals, options, lang, stdout }) {
    const [file] = positionals as [string];
    const stamp = options.stamp === true;
    // A mismatch fails in loadPack unless we are here to re-stamp.
    const loaded = await loadPack(file, { verifyHash: !stamp });
    const out = printer(stdout, lang);
    if (stamp) {
      // Keep the file as written (no defaults filled in); only integrity.hash changes.
      // A migrated pack is written in the current format, since that is what the hash covers.
      const stamped = stampPackHash(loaded.pack);
      const hash = stamped.integrity?.hash;
      const raw =
        loaded.migrations.length > 0
          ? stamped
          : { ...(JSON.parse(loaded.text.replace(/^\uFEFF/, '')) as Record<string, unknown>) };
      raw.integrity = { ...(raw.integrity as object | undefined), hash };
      const sink = await openSink(file);
      await sink.write(`${JSON.stringify(raw, null, 2)}\n`);
      await sink.commit();
      out(hash ?? '');
      return 0;
    }
    out(loaded.hash);
    if (options.check === true && loaded.hashStatus !== 'ok') {
      out({
        'zh-CN': `${file}：没有 integrity.hash，无法核对`,
        en: `${file}: no integrity.hash to check against`,
      });
      return 1;
    }
    return 0;
  },
};
