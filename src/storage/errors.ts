import type { LocalizedText } from '../domain/index.ts';

export type StorageErrorCode =
  | 'quota'
  | 'database'
  | 'corrupt'
  | 'notFound'
  | 'conflict'
  | 'exists'
  // The team server (src/storage/remote): not reachable, or it refused the request.
  | 'offline'
  | 'refused';

/**
 * Anything that goes wrong reading or writing the local database, said in every UI locale and
 * naming the pack (or setting) it concerns. Never swallowed: the studio shows it.
 */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly localized: LocalizedText;
  /** The record the error concerns: a pack key or a setting name. */
  readonly where: string;
  constructor(code: StorageErrorCode, localized: LocalizedText, where: string, cause?: unknown) {
    super(`${where}: ${localized.en}`, cause === undefined ? undefined : { cause });
    this.name = 'StorageError';
    this.code = code;
    this.localized = localized;
    this.where = where;
  }
}

/** Another tab (or window) saved the pack since this one loaded it. */
export class ConflictError extends StorageError {
  readonly expectedRevision: number;
  readonly actualRevision: number;
  constructor(key: string, expectedRevision: number, actualRevision: number) {
    super(
      'conflict',
      {
        'zh-CN': `规则包 ${key} 已在其他标签页中保存（修订 ${actualRevision}，本页基于修订 ${expectedRevision}），本页的修改未保存`,
        en: `pack ${key} was saved in another tab (revision ${actualRevision}; this tab has revision ${expectedRevision}); this tab's edits were not saved`,
      },
      key,
    );
    this.name = 'ConflictError';
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }
}

function errorName(e: unknown): string {
  if (e && typeof e === 'object') {
    const inner = (e as { inner?: { name?: unknown } }).inner;
    if (inner && typeof inner.name === 'string' && inner.name !== 'Error') return inner.name;
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'Error';
}

/** Turns an IndexedDB / Dexie failure into a StorageError; StorageErrors pass through. */
export function toStorageError(e: unknown, where: string): StorageError {
  if (e instanceof StorageError) return e;
  const name = errorName(e);
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError')
    return new StorageError(
      'quota',
      {
        'zh-CN': `浏览器存储空间已满，无法保存 ${where}。请导出并删除不需要的规则包后重试`,
        en: `browser storage is full; could not save ${where}. Export and delete packs you no longer need, then retry`,
      },
      where,
      e,
    );
  return new StorageError(
    'database',
    {
      'zh-CN': `本地数据库出错（${where}）：${name} ${detail}`,
      en: `local database error (${where}): ${name} ${detail}`,
    },
    where,
    e,
  );
}

/** Runs a database operation and turns its failures into StorageErrors. */
export async function guard<T>(where: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e, where);
  }
}
