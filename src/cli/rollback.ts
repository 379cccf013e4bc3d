import { compareVersions, SemverSchema, type LocalizedText } from '../domain/index.ts';
import type { ParsedArgs } from './args.ts';
import { UserError, usageError } from './i18n.ts';
import { readText, type LoadedPack } from './loadPack.ts';
import { pathLocator, place } from './locate.ts';

/** Reads a revocation list: a JSON array of content hashes (`sha256:<hex>`) no longer approved. */
async function readRevoked(file: string): Promise<Set<string>> {
  const text = await readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const hashes: unknown[] | undefined = Array.isArray(value) ? value : undefined;
  if (!hashes?.every((h) => typeof h === 'string' && /^sha256:[0-9a-f]{64}$/.test(h)))
    throw new UserError({
      'zh-CN': `${file}：吊销列表应为内容哈希的 JSON 数组，例如 ["sha256:…"]`,
      en: `${file}: a revocation list is a JSON array of content hashes, e.g. ["sha256:…"]`,
    });
  return new Set(hashes as string[]);
}

/**
 * Why a correctly signed pack must still not be used: older than `--min-version` (a rollback to
 * a signed but superseded version) or its content hash is on the `--revoked` list.
 */
export async function rollbackProblem(
  loaded: LoadedPack,
  options: ParsedArgs['options'],
): Promise<LocalizedText | undefined> {
  const min = options['min-version'];
  const at = (path: string) => `${place(loaded.path, pathLocator(loaded.text)(path))} ${path}`;
  if (typeof min === 'string') {
    if (!SemverSchema.safeParse(min).success)
      throw usageError(
        `--min-version 应为语义化版本号，例如 1.2.0，收到 "${min}"`,
        `--min-version must be a semantic version such as 1.2.0, got "${min}"`,
      );
    const version = loaded.pack.version;
    if (compareVersions(version, min) < 0)
      return {
        'zh-CN': `${at('$.version')}: 版本 ${version} 低于要求的最低版本 ${min}：这是旧版本，拒绝回退 [version.tooOld]`,
        en: `${at('$.version')}: version ${version} is older than the required ${min}; a rollback is refused [version.tooOld]`,
      };
  }
  const revoked = options.revoked;
  if (typeof revoked === 'string' && (await readRevoked(revoked)).has(loaded.hash))
    return {
      'zh-CN': `${at('$.integrity.hash')}: 内容哈希 ${loaded.hash} 已被吊销（${revoked}） [hash.revoked]`,
      en: `${at('$.integrity.hash')}: the content hash ${loaded.hash} is revoked (${revoked}) [hash.revoked]`,
    };
  return undefined;
}
