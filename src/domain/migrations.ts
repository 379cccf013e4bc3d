import { PACK_FORMAT_VERSION } from './pack.ts';
import type { LocalizedText } from './localized.ts';

/**
 * One step of the stored pack shape: takes a document of `from` and returns it as `from + 1`.
 * Steps work on raw JSON (the old shape no longer has a schema) and must not mutate their input.
 */
export type PackMigration = {
  from: number;
  describe: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
};

/**
 * The registered steps, oldest first. Version 1 is the first published shape, so there is
 * nothing to migrate yet; when the shape changes, bump PACK_FORMAT_VERSION and add the step here.
 */
export const PACK_MIGRATIONS: readonly PackMigration[] = [];

export type MigrationResult =
  | { ok: true; value: unknown; from: number | undefined; applied: string[] }
  | {
      ok: false;
      code: 'format.tooNew' | 'format.version' | 'format.noMigration';
      message: LocalizedText;
    };

/**
 * Brings a raw pack document up to the current format version. Documents without a readable
 * `formatVersion` pass through untouched: the schema then says what is wrong with them.
 */
export function migratePack(
  raw: unknown,
  migrations: readonly PackMigration[] = PACK_MIGRATIONS,
  target: number = PACK_FORMAT_VERSION,
): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: true, value: raw, from: undefined, applied: [] };
  const version = (raw as Record<string, unknown>).formatVersion;
  if (version === undefined) return { ok: true, value: raw, from: undefined, applied: [] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return {
      ok: false,
      code: 'format.version',
      message: {
        'zh-CN': `formatVersion 应为非负整数，实际为 ${JSON.stringify(version)}`,
        en: `formatVersion must be a non-negative integer, got ${JSON.stringify(version)}`,
      },
    };
  if (version > target)
    return {
      ok: false,
      code: 'format.tooNew',
      message: {
        'zh-CN': `规则包格式版本 ${version} 比本工具支持的版本 ${target} 更新，请升级 Suitability Studio`,
        en: `pack format version ${version} is newer than this tool understands (${target}); upgrade Suitability Studio`,
      },
    };
  let doc = raw as Record<string, unknown>;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step)
      return {
        ok: false,
        code: 'format.noMigration',
        message: {
          'zh-CN': `没有从格式版本 ${v} 升级到 ${v + 1} 的迁移步骤`,
          en: `no migration from format version ${v} to ${v + 1}`,
        },
      };
    doc = { ...step.up(doc), formatVersion: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, value: doc, from: version, applied };
}
