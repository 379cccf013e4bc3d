import { z } from 'zod';
import {
  AUDIT_GENESIS_HASH,
  lt,
  TrustedKeysSchema,
  verifyAuditChain,
  type LocalizedText,
  type TrustedKey,
} from '../../domain/index.ts';
import { verifyStatement } from '../keys/keys.ts';

/** The audit export: the whole chain, its signed checkpoints, and the keys that signed them. */
export const AuditExportSchema = z.object({
  format: z.literal('suitability-audit/1'),
  exportedAt: z.string(),
  entries: z.array(z.unknown()),
  checkpoints: z.array(
    z.object({
      seq: z.number().int().positive(),
      head: z.string(),
      at: z.string(),
      keyId: z.string(),
      publicKey: z.string(),
      signature: z.string(),
    }),
  ),
  keys: TrustedKeysSchema,
});
export type AuditExport = z.infer<typeof AuditExportSchema>;

export type AuditExportCheck =
  | { ok: true; entries: number; checkpoints: number; message: LocalizedText }
  | { ok: false; code: string; path: string; message: LocalizedText };

/**
 * Checks an export offline: the hash chain is unbroken, and every checkpoint is signed by one of
 * the trusted keys (the export's own, unless the auditor passes the keys they trust) and names
 * the hash the chain really has at its position.
 */
export async function verifyAuditExport(
  file: AuditExport,
  trusted: readonly TrustedKey[] = file.keys,
): Promise<AuditExportCheck> {
  const chain = verifyAuditChain(file.entries);
  if (!chain.ok)
    return {
      ok: false,
      code: chain.code,
      path: `$.entries[${chain.brokenAt}]`,
      message: chain.reason,
    };
  const hashes = file.entries.map((e) => (e as { hash: string }).hash);
  for (const [i, c] of file.checkpoints.entries()) {
    const path = `$.checkpoints[${i}]`;
    if (!trusted.some((k) => k.publicKey === c.publicKey))
      return {
        ok: false,
        code: 'checkpoint.untrusted',
        path: `${path}.publicKey`,
        message: lt(
          `检查点 ${c.seq} 的签名密钥不受信任`,
          `checkpoint ${c.seq} is signed by a key that is not trusted`,
        ),
      };
    const good = await verifyStatement(
      c.publicKey,
      { seq: c.seq, head: c.head, at: c.at },
      c.signature,
    );
    if (!good)
      return {
        ok: false,
        code: 'checkpoint.signature',
        path: `${path}.signature`,
        message: lt(
          `检查点 ${c.seq} 的签名无效`,
          `the signature of checkpoint ${c.seq} does not verify`,
        ),
      };
    const actual = c.seq === 0 ? AUDIT_GENESIS_HASH : hashes[c.seq - 1];
    if (actual !== c.head)
      return {
        ok: false,
        code: actual === undefined ? 'checkpoint.missing' : 'checkpoint.head',
        path: `${path}.head`,
        message:
          actual === undefined
            ? lt(
                `检查点 ${c.seq} 签署了 ${c.seq} 条记录，导出只有 ${hashes.length} 条：末尾的记录被删除了`,
                `checkpoint ${c.seq} signed ${c.seq} entries but the export has ${hashes.length}: entries were cut from the end`,
              )
            : lt(
                `第 ${c.seq} 条记录的哈希与签名检查点不符：日志被改写过`,
                `entry ${c.seq}'s hash differs from the signed checkpoint: the log was rewritten`,
              ),
      };
  }
  return {
    ok: true,
    entries: hashes.length,
    checkpoints: file.checkpoints.length,
    message: lt(
      `审计日志完整：${hashes.length} 条记录，哈希链未断，${file.checkpoints.length} 个签名检查点验证通过`,
      `audit log intact: ${hashes.length} entries, the hash chain holds, ${file.checkpoints.length} signed checkpoints verify`,
    ),
  };
}
