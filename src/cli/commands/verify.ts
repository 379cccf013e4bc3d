import {
  TrustedKeysSchema,
  describeIssues,
  verifyPackSignature,
  type TrustedKey,
} from '../../domain/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { UserError, pick, usageError } from '../i18n.ts';
import { loadPack, readText } from '../loadPack.ts';
import { pathLocator, place } from '../locate.ts';

/** Reads `keys.json`: `[{ "name": ..., "publicKey": base64 }]`, each problem located. */
export async function readTrustedKeys(file: string): Promise<TrustedKey[]> {
  const text = await readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError({
      'zh-CN': `${file}：不是有效的 JSON（${String(e)}）`,
      en: `${file}: not valid JSON (${String(e)})`,
    });
  }
  const parsed = TrustedKeysSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = describeIssues(parsed.error.issues)[0];
  throw new UserError({
    'zh-CN': `${file}：受信任密钥文件应为 [{ "name": ..., "publicKey": base64 }]；${first?.path ?? '$'}：${first?.message['zh-CN'] ?? ''}`,
    en: `${file}: a trusted keys file is [{ "name": ..., "publicKey": base64 }]; ${first?.path ?? '$'}: ${first?.message.en ?? ''}`,
  });
}

export const verifyCommand: Command = {
  name: 'verify',
  spec: { positionals: ['PACK'], options: { trusted: true } },
  usage: 'verify PACK --trusted keys.json',
  summary: {
    'zh-CN': '核对规则包是否为批准的版本：内容哈希一致，且签名由受信任的密钥签署；否则退出码为 1',
    en: 'check a pack is the approved one: its content hash matches and a trusted key signed it; exit 1 otherwise',
  },
  async run({ positionals, options, lang, stdout, stderr }) {
    const [file] = positionals as [string];
    const keysFile = options.trusted;
    if (typeof keysFile !== 'string')
      throw usageError(
        'verify 需要 --trusted keys.json（受信任的公钥列表）',
        'verify needs --trusted keys.json (the list of trusted public keys)',
      );
    const trusted = await readTrustedKeys(keysFile);
    // loadPack already refuses a pack whose content does not match its hash, located by line.
    const loaded = await loadPack(file);
    const check = await verifyPackSignature(loaded.pack, trusted);
    if (check.ok) {
      printer(stdout, lang)(`${file}: ${pick(check.message, lang)}`);
      return 0;
    }
    const at = place(file, pathLocator(loaded.text)(check.path));
    stderr.write(`${at} ${check.path}: ${pick(check.message, lang)} [${check.code}]\n`);
    return 1;
  },
};
