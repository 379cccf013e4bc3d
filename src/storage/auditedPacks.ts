import {
  afterEdit,
  contentHash,
  hashPack,
  parsePack,
  type LocalizedText,
  type Pack,
} from '../domain/index.ts';
import { diffPacks, type DiffEntry } from '../engine/index.ts';
import type { AuditLog, GovernanceDb } from './auditLog.ts';
import type { Table } from 'dexie';
import { PackRepository, type Clock, type StoredPack } from './packRepository.ts';
import type { RevisionRetention } from './revisionRetention.ts';

export function summarizeDiff(entries: readonly DiffEntry[]): LocalizedText {
  const head = entries.slice(0, 3);
  const more = entries.length - head.length;
  return {
    'zh-CN':
      head.map((e) => e.text['zh-CN']).join('；') + (more > 0 ? `；另有 ${more} 处修改` : ''),
    en: head.map((e) => e.text.en).join('; ') + (more > 0 ? `; and ${more} more changes` : ''),
  };
}

/** `thin: false` leaves the revisions as they are (a workflow step that names one of them). */
export type SaveOptions = { thin?: boolean };

/**
 * The pack repository with an audit trail: every save, creation, copy, delete and restore
 * appends an entry in the same transaction, signed with the current profile's id. With a
 * retention, a save also thins the pack's autosaves when that is due, in the same transaction.
 */
export class AuditedPackRepository extends PackRepository {
  constructor(
    private readonly gdb: GovernanceDb,
    private readonly audit: AuditLog,
    private readonly actor: () => string,
    now?: Clock,
    private readonly retention?: RevisionRetention,
  ) {
    super(gdb, now);
  }

  protected override tables(): Table[] {
    const { packs, revisions, audit, settings, versions } = this.gdb;
    return [packs, revisions, audit, settings, versions];
  }

  private tx<T>(run: () => Promise<T>): Promise<T> {
    // An async scope: Dexie follows native awaits only inside one (a plain function returning the
    // promise of a nested repository call commits the transaction too early).
    return this.gdb.transaction('rw', this.tables(), async () => await run());
  }

  override save(
    key: string,
    pack: Pack,
    expectedRevision: number,
    options: SaveOptions = {},
  ): Promise<StoredPack> {
    return this.tx(async () => {
      const record = await this.gdb.packs.get(key);
      const parsed = record ? parsePack(record.pack, key) : undefined;
      const previous = parsed?.ok ? parsed.pack : undefined;
      // The domain's lifecycle: an edit to a published or reviewed pack is stored as a draft.
      const next = previous ? afterEdit(previous, pack) : pack;
      const stored = await super.save(key, next, expectedRevision);
      if (previous && contentHash(previous) !== contentHash(next)) {
        const changes = diffPacks(previous, next);
        await this.audit.append({
          actor: this.actor(),
          action: 'change',
          packId: next.id,
          version: next.version,
          summary: summarizeDiff(changes),
          details: { key, revision: stored.revision, changes: changes.length },
        });
      }
      if (options.thin !== false) await this.retention?.pruneIfDue(key);
      return stored;
    });
  }

  override create(pack: Pack): Promise<StoredPack> {
    return this.tx(async () => this.logged('create', await super.create(pack)));
  }

  /** Stores a pack read from a file, recording where it came from. */
  importPack(pack: Pack, file: string): Promise<StoredPack> {
    return this.tx(async () => this.logged('import', await super.create(pack), { file }));
  }

  override createCopy(pack: Pack): Promise<StoredPack> {
    return this.tx(async () => this.logged('create', await super.createCopy(pack)));
  }

  override duplicate(key: string): Promise<StoredPack> {
    return this.tx(() => super.duplicate(key));
  }

  override rename(key: string, title: LocalizedText): Promise<StoredPack> {
    return this.tx(() => super.rename(key, title));
  }

  override remove(key: string): Promise<void> {
    return this.tx(async () => {
      await super.remove(key);
      await this.mark('delete', key);
    });
  }

  override restore(key: string): Promise<void> {
    return this.tx(async () => {
      await super.restore(key);
      await this.mark('restore', key);
    });
  }

  private async logged(
    action: 'create' | 'import',
    stored: StoredPack,
    extra: Record<string, string> = {},
  ): Promise<StoredPack> {
    const { pack } = stored;
    await this.audit.append({
      actor: this.actor(),
      action,
      packId: pack.id,
      version: pack.version,
      summary: {
        'zh-CN': action === 'import' ? `导入 ${extra.file ?? ''}` : `创建规则包 ${stored.key}`,
        en: action === 'import' ? `imported ${extra.file ?? ''}` : `created pack ${stored.key}`,
      },
      details: { key: stored.key, hash: hashPack(pack), ...extra },
    });
    return stored;
  }

  private async mark(action: 'delete' | 'restore', key: string): Promise<void> {
    await this.audit.append({
      actor: this.actor(),
      action,
      packId: key,
      summary:
        action === 'delete'
          ? { 'zh-CN': `删除规则包 ${key}`, en: `deleted pack ${key}` }
          : { 'zh-CN': `恢复规则包 ${key}`, en: `restored pack ${key}` },
      details: { key },
    });
  }
}
