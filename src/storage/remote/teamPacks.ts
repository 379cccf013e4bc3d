import { parsePack, type LocalizedText, type Pack, type PackStatus } from '../../domain/index.ts';
import { ConflictError, StorageError, guard } from '../errors.ts';
import { copyOf, corrupt, type StoredPack } from '../packRepository.ts';
import { ApiError, OfflineError, type ApiClient } from './api.ts';
import type { OutboxRecord, TeamCacheDb } from './cacheDb.ts';
import type { Outbox } from './outbox.ts';
import {
  ConflictBodySchema,
  CreatedSchema,
  PackListSchema,
  RemotePackSchema,
  RevisionListSchema,
  SavedSchema,
  type RemotePackSummary,
  type RemoteRevision,
} from './schemas.ts';

/** One row of the team workspace: the server's summary and what this browser still holds. */
export type TeamPackSummary = {
  key: string;
  id: string;
  version: string;
  title: LocalizedText;
  status: PackStatus;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  /** Edits made here that the server does not have yet. */
  queued: boolean;
  /** The server refused the queued edits: someone saved this revision first. */
  conflict: { revision: number; by: string | null } | null;
};

export type TeamPackList = { packs: TeamPackSummary[]; offline: boolean };

/** What sending the outbox did: which packs went, which met a conflict, what else refused. */
export type PushReport = {
  pushed: string[];
  conflicts: string[];
  refused: { key: string; error: StorageError }[];
  offline: boolean;
};

const path = (id: string, rest = '') => `/api/packs/${encodeURIComponent(id)}${rest}`;

function titleOf(title: RemotePackSummary['title']): LocalizedText {
  if (typeof title === 'string') return { 'zh-CN': title, en: title };
  return {
    'zh-CN': title['zh-CN'] ?? title.en ?? '',
    en: title.en ?? title['zh-CN'] ?? '',
    ...title,
  };
}

function readPack(key: string, raw: unknown): Pack {
  const result = parsePack(raw, key);
  if (!result.ok) throw corrupt(key, raw);
  return result.pack;
}

/** An edit kept in the outbox because the server is out of reach, said as such. */
function queued(key: string, signedOut: boolean): StorageError {
  return new StorageError(
    'offline',
    signedOut
      ? {
          'zh-CN': `已退出登录：对 ${key} 的修改保存在本机，重新登录后发送到团队服务器`,
          en: `signed out: the edits to ${key} are kept on this device and sent once you sign in again`,
        }
      : {
          'zh-CN': `离线：对 ${key} 的修改保存在本机，连接恢复后自动发送到团队服务器`,
          en: `offline: the edits to ${key} are kept on this device and sent when the team server is back`,
        },
    key,
  );
}

function conflictOf(e: unknown): { revision: number; by: string | null } | undefined {
  if (!(e instanceof ApiError) || e.status !== 409) return undefined;
  const body = ConflictBodySchema.safeParse(e.body);
  return body.success
    ? { revision: body.data.current.revision, by: body.data.current.by ?? null }
    : undefined;
}

/**
 * The team's packs, on the server, with this browser's IndexedDB as the offline cache and the
 * outbox. It answers the editor (`PackStore`) like the local repository does: `get`, `save` with
 * the revision the edit is based on (a stale one is a ConflictError), `createCopy`.
 */
export class TeamPackRepository {
  /** `key@revision` of saves made here: the server's event for them is not news. */
  private readonly own = new Set<string>();
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly api: ApiClient,
    private readonly cache: TeamCacheDb,
    readonly outbox: Outbox,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** The server's list, or the last one seen when it cannot be reached. */
  async list(): Promise<TeamPackList> {
    let rows: RemotePackSummary[];
    let offline = false;
    try {
      rows = (await this.api.get('/api/packs', PackListSchema, 'packs')).packs;
      await guard('packs', () =>
        this.cache.transaction('rw', this.cache.list, async () => {
          await this.cache.list.clear();
          await this.cache.list.bulkPut(rows);
        }),
      );
    } catch (e) {
      if (!(e instanceof OfflineError)) throw e;
      offline = true;
      rows = await guard('packs', () => this.cache.list.toArray());
    }
    const packs = rows.map((row) => {
      const entry = this.outbox.get(row.id);
      return {
        key: row.id,
        id: row.id,
        version: row.version,
        title: titleOf(row.title),
        status: row.status,
        revision: row.revision,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy ?? null,
        queued: entry !== undefined,
        conflict: entry?.conflict ?? null,
      };
    });
    return { packs, offline };
  }

  /** The pack from the server (and into the cache), or the cached copy when offline. */
  async get(key: string): Promise<StoredPack> {
    try {
      const body = await this.api.get(path(key), RemotePackSchema, key);
      const pack = readPack(key, body.pack);
      await this.remember(key, body.pack, body.revision, pack);
      return { key, pack, revision: body.revision, updatedAt: this.now() };
    } catch (e) {
      if (!(e instanceof OfflineError)) throw e;
      const cached = await guard(key, () => this.cache.packs.get(key));
      if (!cached) throw e;
      return {
        key,
        pack: readPack(key, cached.pack),
        revision: cached.revision,
        updatedAt: cached.summary.updatedAt,
      };
    }
  }

  /**
   * Saves a revision on the server, based on `baseRevision`. Someone else's save in between is a
   * ConflictError (nothing written); a server out of reach, or a session that ended, keeps the
   * pack in the outbox and says so (an error, so that the editor still counts it as unsaved).
   */
  save(key: string, pack: Pack, baseRevision: number): Promise<StoredPack> {
    return this.writing(key, async () => {
      let revision: number;
      try {
        ({ revision } = await this.api.send(
          'PUT',
          path(key),
          SavedSchema,
          { pack, baseRevision },
          key,
        ));
      } catch (e) {
        const conflict = conflictOf(e);
        if (conflict) throw new ConflictError(key, baseRevision, conflict.revision);
        const signedOut = e instanceof ApiError && e.status === 401;
        if (!(e instanceof OfflineError) && !signedOut) throw e;
        await this.outbox.put({ key, pack, baseRevision, queuedAt: this.now() });
        throw queued(key, signedOut);
      }
      this.own.add(`${key}@${revision}`);
      await this.remember(key, pack, revision, pack);
      // The editor's pack holds every edit the queued one did, and more.
      await this.outbox.remove(key);
      return { key, pack, revision, updatedAt: this.now() };
    });
  }

  /** A new pack on the server (an imported file); its id must be free. */
  async create(pack: Pack): Promise<StoredPack> {
    const created = await this.api.send('POST', '/api/packs', CreatedSchema, { pack }, pack.id);
    this.own.add(`${created.id}@${created.revision}`);
    return { key: created.id, pack, revision: created.revision, updatedAt: this.now() };
  }

  /** Stores `pack` as a new draft under a free id (`<id>-copy`, `<id>-copy-2`...). */
  async createCopy(pack: Pack): Promise<StoredPack> {
    for (let n = 1; ; n++) {
      const id = n === 1 ? `${pack.id}-copy` : `${pack.id}-copy-${n}`;
      try {
        return await this.create(copyOf(pack, id));
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409) || n >= 50) throw e;
      }
    }
  }

  /** Who saved which revision, with the summary of the edit. */
  async revisions(key: string): Promise<RemoteRevision[]> {
    return (await this.api.get(path(key, '/revisions'), RevisionListSchema, key)).revisions;
  }

  /**
   * Sends the queued edits, oldest first, except the pack `open` (its editor sends its own, so
   * that the revision it is based on moves with it). A refusal because someone saved first
   * marks the entry, which stays until the user chooses; going offline stops the round.
   */
  async pushOutbox(open: string | null = null): Promise<PushReport> {
    const report: PushReport = { pushed: [], conflicts: [], refused: [], offline: false };
    const due = this.outbox
      .list()
      .filter((e) => !e.conflict && e.key !== open)
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    for (const entry of due) {
      try {
        await this.push(entry);
        report.pushed.push(entry.key);
      } catch (e) {
        const conflict = conflictOf(e);
        if (conflict) {
          await this.outbox.markConflict(entry.key, conflict.revision, conflict.by);
          report.conflicts.push(entry.key);
        } else if (e instanceof OfflineError) {
          report.offline = true;
          break;
        } else if (e instanceof StorageError) report.refused.push({ key: entry.key, error: e });
        else throw e;
      }
    }
    return report;
  }

  private push(entry: OutboxRecord): Promise<void> {
    return this.writing(entry.key, async () => {
      const { key, pack, baseRevision } = entry;
      const { revision } = await this.api.send(
        'PUT',
        path(key),
        SavedSchema,
        { pack, baseRevision },
        key,
      );
      this.own.add(`${key}@${revision}`);
      await this.remember(key, pack, revision, readPack(key, pack));
      // Only this entry: an edit queued while it was under way is newer and stays.
      if (this.outbox.get(key) === entry) await this.outbox.remove(key);
    });
  }

  /** Whether this browser's save made `revision` of `key` (the server's event echoes it). */
  isOwnRevision(key: string, revision: number): boolean {
    return this.own.has(`${key}@${revision}`);
  }

  /** Settles once no save of `key` started here is under way. */
  async settled(key: string): Promise<void> {
    while (this.writes.has(key)) await this.writes.get(key)?.catch(() => {});
  }

  // One write per pack at a time: a queued edit and the editor's save never race each other.
  private writing<T>(key: string, run: () => Promise<T>): Promise<T> {
    const before = this.writes.get(key) ?? Promise.resolve();
    const work = before.catch(() => {}).then(run);
    this.writes.set(key, work);
    const clear = () => {
      if (this.writes.get(key) === work) this.writes.delete(key);
    };
    work.then(clear, clear);
    return work;
  }

  private async remember(key: string, raw: unknown, revision: number, pack: Pack): Promise<void> {
    const summary: RemotePackSummary = {
      id: key,
      title: pack.title,
      status: pack.status,
      version: pack.version,
      revision,
      updatedAt: this.now(),
    };
    await guard(key, () => this.cache.packs.put({ id: key, pack: raw, revision, summary }));
  }
}
