import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { describeIssues, TrustedKeysSchema } from '../../domain/index.ts';
import { AuditExportSchema, verifyAuditExport } from '../../server/audit/exportFile.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { pick, UserError, usageError } from '../i18n.ts';

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UserError({
      'zh-CN': `${file}：无法读取（${e.code}）`,
      en: `${file}: cannot read (${e.code})`,
    });
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError({
      'zh-CN': `${file}：不是有效的 JSON（${String(e)}）`,
      en: `${file}: not valid JSON (${String(e)})`,
    });
  }
}

function parsed<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = describeIssues(result.error.issues)[0];
  throw new UserError({
    'zh-CN': `${file} ${first?.path ?? '$'}：${first?.message['zh-CN'] ?? ''}`,
    en: `${file} ${first?.path ?? '$'}: ${first?.message.en ?? ''}`,
  });
}

export const auditCommand: Command = {
  name: 'audit',
  spec: { positionals: ['verify', 'FILE'], options: { trusted: true } },
  usage: 'audit verify FILE [--trusted keys.json]',
  summary: {
    'zh-CN':
      '离线核对工作区导出的审计日志：哈希链完整、签名检查点由受信任的密钥签署且与日志一致；否则退出码为 1',
    en: 'check an exported workspace audit log offline: the hash chain holds and the signed checkpoints verify with trusted keys and match the log; exit 1 otherwise',
  },
  async run({ positionals, options, lang, stdout, stderr }) {
    const [action, file] = positionals as [string, string];
    if (action !== 'verify')
      throw usageError(
        `audit 只支持 verify，收到 "${action}"`,
        `audit has one action, verify; got "${action}"`,
      );
    const exported = parsed(file, AuditExportSchema, await readJson(file));
    const keysFile = options.trusted;
    const trusted =
      typeof keysFile === 'string'
        ? parsed(keysFile, TrustedKeysSchema, await readJson(keysFile))
        : undefined;
    const check = await verifyAuditExport(exported, trusted);
    if (check.ok) {
      printer(stdout, lang)(`${file}: ${pick(check.message, lang)}`);
      if (!trusted)
        printer(
          stdout,
          lang,
        )({
          'zh-CN': '注意：检查点按导出文件自带的公钥核对；用 --trusted keys.json 指定你信任的公钥',
          en: 'note: checkpoints were checked with the keys inside the export; pass --trusted keys.json to name the keys you trust',
        });
      return 0;
    }
    stderr.write(`${file} ${check.path}: ${pick(check.message, lang)} [${check.code}]\n`);
    return 1;
  },
};
