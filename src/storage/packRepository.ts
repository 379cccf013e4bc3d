import {
  parsePack,
  formatPackError,
  type LocalizedText,
  type Pack,
  type PackStatus,
} from '../domain/index.ts';
import type { Table } from 'dexie';
import type { PackRecord, StudioDb } from './db.ts';
import { ConflictError, StorageError, guard } from './errors.ts';

/** A pack read from storage, with the revision a later save must name. */
export type StoredPack = { key: string; pack: Pack; revision: number; updatedAt: string };

/** One saved state of a pack. */
export type StoredRevision = { key: string; revision: number; savedAt: string; pack: Pack };

/** One row of the workspace. A record that no longer parses is listed with its error. */
export type PackSummary = {
  key: string;
  id: string;
  version: string;
  title: LocalizedText;
  status: PackStatus | undefined;
  revision: number;
  updatedAt: string;
  error?: LocalizedText;
};

export type Clock = () => string;

/** `pack` as a new draft with id `id` and "(copy)" in its title, without integrity fields. */
export function copyOf(pack: Pack, id: string): Pack {
  const { title } = pack;
  const copy: Pack = {
    ...pack,
    id,
    status: 'draft',
    title: { ...title, 'zh-CN': `${title['zh-CN']}（副本）`, en: `${title.en} (copy)` },
  };
  delete copy.integrity;
  return copy;
}
const systemClock: Clock = () => new Date().toISOString();

/** A stored document that the pack schema refuses, with the first error located. */
export function corrupt(key: string, raw: unknown): StorageError {
  const result = parsePack(raw, key);
  const first = result.ok ? undefined : result.errors[0];
  const detail: LocalizedText = first
    ? { 'zh-CN': formatPackError(first, 'zh-CN'), en: formatPackError(first, 'en') }
    : { 'zh-CN': '', en: '' };
  return new StorageError(
    'corrupt',
    {
      'zh-CN': `存储中的规则包 ${key} 无法读取：${detail['zh-CN']}`,
      en: `stored pack ${key} cannot be read: ${detail.en}`,
    },
    key,
  );
}

function notFound(key: string): StorageError {
  return new StorageError(
    'notFound',
    { 'zh-CN': `找不到规则包 ${key}`, en: `pack ${key} not found` },
    key,
  );
}

function readRecord(record: PackRecord): StoredPack {
  const result = parsePack(record.pack, record.key);
  if (!result.ok) throw corrupt(record.key, record.pack);
  return {
    key: record.key,
    pack: result.pack,
    revision: record.revision,
    updatedAt: record.updatedAt,
  };
}

function summarize(record: PackRecord): PackSummary {
  const base = { key: record.key, revision: record.revision, updatedAt: record.updatedAt };
  const result = parsePack(record.pack, record.key);
  if (result.ok) {
    const { id, version, title, status } = result.pack;
    return { ...base, id, version, title, status };
  }
  const raw = (record.pack ?? {}) as Record<string, unknown>;
  return {
    ...base,
    id: typeof raw.id === 'string' ? raw.id : record.key,
    version: typeof raw.version === 'string' ? raw.version : '?',
    title: { 'zh-CN': record.key, en: record.key },
    status: undefined,
    error: corrupt(record.key, record.pack).localized,
  };
}

/** Packs in the local database: every save is checked against the revision it started from. */
export class PackRepository {
  constructor(
    private readonly db: StudioDb,
    private readonly now: Clock = systemClock,
  ) {}

  /**
   * The tables every write covers. A subclass that writes more (the audit) widens it, so that a
   * method calling another joins one transaction over the same tables rather than a narrower one.
   */
  protected tables(): Table[] {
    return [this.db.packs, this.db.revisions];
  }

  /** Live packs, most recently saved first. */
  list(): Promise<PackSummary[]> {
    return guard('packs', async () => {
      const records = await this.db.packs.orderBy('updatedAt').reverse().toArray();
      return records.filter((r) => r.deletedAt === undefined).map(summarize);
    });
  }

  get(key: string): Promise<StoredPack> {
    return guard(key, async () => {
      const record = await this.db.packs.get(key);
      if (!record || record.deletedAt !== undefined) throw notFound(key);
      return readRecord(record);
    });
  }

  /** Stores a new pack under a key derived from its id (`id`, `id-2`, ...). */
  create(pack: Pack): Promise<StoredPack> {
    return guard(pack.id, () =>
      this.db.transaction('rw', this.tables(), async () => {
        const key = await this.freeKey(pack.id);
        return this.insert(key, pack);
      }),
    );
  }

  /** A copy with a new id and "(copy)" in its title, as a new draft. */
  duplicate(key: string): Promise<StoredPack> {
    return guard(key, () =>
      this.db.transaction('rw', this.tables(), async () =>
        this.createCopy((await this.get(key)).pack),
      ),
    );
  }

  /** Stores `pack` as a new draft under a fresh id (`<id>-copy`, `<id>-copy-2`...). */
  createCopy(pack: Pack): Promise<StoredPack> {
    return guard(pack.id, () =>
      this.db.transaction('rw', this.tables(), async () => {
        const newKey = await this.freeKey(`${pack.id}-copy`);
        return this.insert(newKey, copyOf(pack, newKey));
      }),
    );
  }

  /** Changes the title; this is a save, so a tab editing the pack sees a conflict. */
  rename(key: string, title: LocalizedText): Promise<StoredPack> {
    return guard(key, () =>
      this.db.transaction('rw', this.tables(), async () => {
        const current = await this.get(key);
        return this.save(key, { ...current.pack, title }, current.revision);
      }),
    );
  }

  /**
   * Writes a new revision of the pack, unless the stored revision is no longer `expectedRevision`
   * (another tab saved first): then a ConflictError and nothing is written.
   */
  save(key: string, pack: Pack, expectedRevision: number): Promise<StoredPack> {
    return guard(key, () =>
      this.db.transaction('rw', this.tables(), async () => {
        const record = await this.db.packs.get(key);
        if (!record || record.deletedAt !== undefined) throw notFound(key);
        if (record.revision !== expectedRevision)
          throw new ConflictError(key, expectedRevision, record.revision);
        const updatedAt = this.now();
        const revision = record.revision + 1;
        await this.db.packs.put({ ...record, pack, revision, updatedAt });
        await this.db.revisions.add({ key, revision, pack, savedAt: updatedAt });
        return { key, pack, revision, updatedAt };
      }),
    );
  }

  /** Hides the pack from the workspace; `restore` brings it back. */
  remove(key: string): Promise<void> {
    return guard(key, async () => {
      const changed = await this.db.packs.update(key, { deletedAt: this.now() });
      if (changed === 0) throw notFound(key);
    });
  }

  restore(key: string): Promise<void> {
    return guard(key, async () => {
      const record = await this.db.packs.get(key);
      if (!record) throw notFound(key);
      const { deletedAt: _deletedAt, ...live } = record;
      await this.db.packs.put(live);
    });
  }

  /** The saved revisions of a pack, oldest first, each parsed like any stored pack. */
  revisions(key: string): Promise<StoredRevision[]> {
    return guard(key, async () => {
      const records = await this.db.revisions
        .where('[key+revision]')
        .between([key, 0], [key, Infinity])
        .toArray();
      return records.map((r) => {
        const where = `${key}@${r.revision}`;
        const parsed = parsePack(r.pack, where);
        if (!parsed.ok) throw corrupt(where, r.pack);
        return { key, revision: r.revision, savedAt: r.savedAt, pack: parsed.pack };
      });
    });
  }

  /** The current revision number, without reading the document. */
  revisionOf(key: string): Promise<number | undefined> {
    return guard(key, async () => (await this.db.packs.get(key))?.revision);
  }

  private async freeKey(base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const key = n === 1 ? base : `${base}-${n}`;
      if ((await this.db.packs.get(key)) === undefined) return key;
    }
  }

  private async insert(key: string, pack: Pack): Promise<StoredPack> {
    const at = this.now();
    await this.db.packs.add({ key, pack, revision: 1, createdAt: at, updatedAt: at });
    await this.db.revisions.add({ key, revision: 1, pack, savedAt: at });
    return { key, pack, revision: 1, updatedAt: at };
  }
}
