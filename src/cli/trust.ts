import type { Writable } from 'node:stream';
import {
  TrustedKeysSchema,
  describeIssues,
  verifyPackSignature,
  type SignatureCheck,
  type TrustedKey,
} from '../domain/index.ts';
import { printer } from './command.ts';
import { UserError, type Lang } from './i18n.ts';
import { readText, type LoadedPack } from './loadPack.ts';
import { pathLocator, place } from './locate.ts';

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

/** A failed signature check as one located line: `pack.json:12:5 $.integrity.signature: ... [code]`. */
export function signatureProblem(
  loaded: LoadedPack,
  check: Extract<SignatureCheck, { ok: false }>,
): UserError {
  const at = place(loaded.path, pathLocator(loaded.text)(check.path));
  return new UserError({
    'zh-CN': `${at} ${check.path}: ${check.message['zh-CN']} [${check.code}]`,
    en: `${at} ${check.path}: ${check.message.en} [${check.code}]`,
  });
}

/**
 * What commands that run a pack (evaluate, test, validate) do about its integrity: with
 * `--trusted keys.json` an unsigned, wrongly signed or untrusted pack is refused (exit 1); without,
 * an approved, published or retired pack with no content hash is run with a warning, since nothing
 * can show it is the approved one (a deleted `integrity` would otherwise pass without a word).
 * Drafts carry no integrity until they are approved, so they are not warned about.
 */
export async function checkTrust(
  loaded: LoadedPack,
  trusted: string | true | undefined,
  stderr: Writable,
  lang: Lang,
): Promise<void> {
  if (typeof trusted === 'string') {
    const check = await verifyPackSignature(loaded.pack, await readTrustedKeys(trusted));
    if (!check.ok) throw signatureProblem(loaded, check);
    return;
  }
  const { status, integrity } = loaded.pack;
  if (status === 'draft' || status === 'in-review' || integrity?.hash !== undefined) return;
  const warn = printer(stderr, lang);
  warn({
    'zh-CN': `警告：${loaded.path} 状态为 ${status}，却没有 integrity（无内容哈希、无签名），无法证明它是批准的版本；用 --trusted keys.json 要求有效签名`,
    en: `warning: ${loaded.path} is ${status} but has no integrity (no content hash, no signature), so nothing shows it is the approved pack; pass --trusted keys.json to require a valid signature`,
  });
}
