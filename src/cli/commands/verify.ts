import { verifyPackSignature } from '../../domain/index.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { pick, usageError } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';
import { pathLocator, place } from '../locate.ts';
import { readTrustedKeys } from '../trust.ts';
import { rollbackProblem } from '../rollback.ts';

export const verifyCommand: Command = {
  name: 'verify',
  spec: { positionals: ['PACK'], options: { trusted: true, 'min-version': true, revoked: true } },
  usage: 'verify PACK --trusted keys.json [--min-version X.Y.Z] [--revoked revoked.json]',
  summary: {
    'zh-CN':
      '核对规则包是否为批准的版本：内容哈希一致，签名（覆盖标识、版本、审批、发布时间）由受信任的密钥签署，且不低于 --min-version、不在 --revoked 列表中；否则退出码为 1',
    en: 'check a pack is the approved one: its content hash matches, a trusted key signed it (id, version, approvals, publish time), it is not older than --min-version nor in the --revoked list; exit 1 otherwise',
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
    const rollback = check.ok ? await rollbackProblem(loaded, options) : undefined;
    if (rollback) {
      stderr.write(`${pick(rollback, lang)}\n`);
      return 1;
    }
    if (check.ok) {
      printer(stdout, lang)(`${file}: ${pick(check.message, lang)}`);
      return 0;
    }
    const at = place(file, pathLocator(loaded.text)(check.path));
    stderr.write(`${at} ${check.path}: ${pick(check.message, lang)} [${check.code}]\n`);
    return 1;
  },
};
