import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  formatPackError,
  locateJson,
  parsePack,
  verifyPackHash,
  type HashCheck,
  type Pack,
  type PackError,
} from '../domain/index.ts';
import { UserError, type Lang } from './i18n.ts';
import { decodeUtf8 } from './lines.ts';

export type LoadedPack = {
  pack: Pack;
  /** The file as read, for locating engine problems by line. */
  path: string;
  text: string;
  /** The content hash of the pack as loaded. */
  hash: string;
  /** `ok` when `integrity.hash` matches, `missing` when the file carries none. */
  hashStatus: HashCheck['status'];
  /** Migration steps applied on load, oldest first. */
  migrations: string[];
};

/** A pack file that cannot be used, with every reason located by file, line and JSON path. */
export class PackLoadError extends UserError {
  readonly errors: PackError[];
  constructor(path: string, errors: PackError[]) {
    super({
      'zh-CN': `${path}：规则包无效（${errors.length} 处错误）`,
      en: `${path}: not a valid pack (${errors.length} error${errors.length === 1 ? '' : 's'})`,
    });
    this.name = 'PackLoadError';
    this.errors = errors;
  }
  override lines(lang: Lang): string[] {
    return [...super.lines(lang), ...this.errors.map((e) => `  ${formatPackError(e, lang)}`)];
  }
}

/** A file that cannot be read, as a localized user error naming it. */
export function unreadable(path: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  return new UserError({
    'zh-CN': `无法读取文件 ${path}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : (code ?? String(e))}`,
    en: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(e))}`,
  });
}

/** Reads a text file, turning "no such file" into a localized UserError. */
export async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  return decodeUtf8(path, bytes);
}

/** A pack is named by its file, or by its folder holding `pack.json` (`rule-packs/cn-csrc-2017`). */
export async function resolvePackPath(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  return info?.isDirectory() ? join(path, 'pack.json') : path;
}

/**
 * Reads a pack file (or a pack folder's `pack.json`): JSON, format migrations, schema, and the content hash when the file carries
 * one (a pack changed after it was stamped is refused: it is not the approved pack). Pass
 * `verifyHash: false` only to re-stamp a pack on purpose.
 *
 * @example
 * const { pack, hash } = await loadPack('rule-packs/cn-csrc-2017/pack.json');
 * const compiled = compilePack(pack);
 */
export async function loadPack(
  path: string,
  options: { verifyHash?: boolean } = {},
): Promise<LoadedPack> {
  path = await resolvePackPath(path);
  const text = await readText(path);
  const result = parsePack(text, path);
  if (!result.ok) throw new PackLoadError(path, result.errors);
  const check = verifyPackHash(result.pack);
  if (check.status === 'mismatch' && options.verifyHash !== false) {
    const located = locateJson(text);
    const at = located.ok ? located.locations.get('$.integrity.hash') : undefined;
    throw new PackLoadError(path, [
      {
        code: 'integrity.mismatch',
        path: '$.integrity.hash',
        expected: check.hash,
        message: check.message,
        source: path,
        ...(at ?? {}),
      },
    ]);
  }
  return {
    pack: result.pack,
    path,
    text,
    hash: check.hash,
    hashStatus: check.status,
    migrations: result.migrations,
  };
}
