import {
  hashPack,
  lt,
  markPublished,
  parsePack,
  recordDecision,
  restoreAsDraft,
  SemverSchema,
  submitForReview,
  withVersion,
  type LocalizedText,
  type Pack,
} from '../domain/index.ts';
import { checkPublishable, publishRefusal } from '../engine/index.ts';
import type { AuditLog, GovernanceDb, VersionRecord } from './auditLog.ts';
import type { AuditedPackRepository } from './auditedPacks.ts';
import { GovernanceError, requireStep } from './versionsRules.ts';
import type { Clock, StoredPack } from './packRepository.ts';
import type { UsersRepository } from './usersRepository.ts';
import type { KeysRepository } from './keysRepository.ts';

export type StoredVersion = Omit<VersionRecord, 'pack'> & { pack: Pack };

// A workflow step names revisions in its audit entry after the save; the autosaves that follow
// thin the history, not the step (a restore would lose the revision it is restoring from).
const NO_THINNING = { thin: false };

/**
 * Named versions and the maker-checker workflow: draft -> in review -> approved -> published.
 * Each step is a save of the pack (so it gets a revision) plus an audit entry, in one transaction.
 */
export class VersionsRepository {
  constructor(
    private readonly db: GovernanceDb,
    private readonly packs: AuditedPackRepository,
    private readonly audit: AuditLog,
    private readonly users: UsersRepository,
    private readonly keys: KeysRepository,
    private readonly now: Clock,
  ) {}

  /** Named and published versions of a pack, oldest first. */
  async list(key: string): Promise<StoredVersion[]> {
    const records = await this.db.versions.where('key').equals(key).sortBy('id');
    return records.flatMap((r) => {
      const parsed = parsePack(r.pack, `${key}@${r.version}`);
      return parsed.ok ? [{ ...r, pack: parsed.pack }] : [];
    });
  }

  /** Gives the current revision a version number and a change note, and keeps a copy of it. */
  nameVersion(key: string, version: string, note: string): Promise<StoredVersion> {
    return this.step(key, async (stored) => {
      await this.checkNew(key, version, note);
      const pack = withVersion(stored.pack, version, note, this.signed());
      const saved = await this.packs.save(key, pack, stored.revision, NO_THINNING);
      await this.log(
        saved,
        'change',
        lt(`命名版本 ${version}：${note}`, `named version ${version}: ${note}`),
        {
          kind: 'version',
        },
      );
      return this.keep(saved, 'named', note);
    });
  }

  /** A draft goes to review under the version number it would be published as. */
  submit(key: string, version: string, note: string): Promise<StoredPack> {
    return this.step(key, async (stored) => {
      requireStep(stored.pack, 'submit', key);
      await this.checkNew(key, version, note);
      const pack = submitForReview(stored.pack, version, note, this.signed());
      const saved = await this.packs.save(key, pack, stored.revision, NO_THINNING);
      await this.log(
        saved,
        'review',
        lt(`提交审核 ${version}：${note}`, `submitted ${version} for review: ${note}`),
      );
      return saved;
    });
  }

  /** The checker's decision. Refused to the last editor of the pack, and to non-approvers. */
  decide(key: string, decision: 'approved' | 'rejected', comment: string): Promise<StoredPack> {
    return this.step(key, async (stored) => {
      requireStep(stored.pack, decision === 'approved' ? 'approve' : 'reject', key);
      const user = this.users.currentUser;
      if (user.role !== 'approver')
        throw new GovernanceError(
          'notApprover',
          lt(
            `${user.name}（${user.id}）不是审批人，不能审批`,
            `${user.name} (${user.id}) is not an approver and cannot review`,
          ),
          key,
        );
      const maker = await this.audit.lastEditor(stored.pack.id);
      if (maker === user.id)
        throw new GovernanceError(
          'ownChange',
          lt(
            `不能审批自己的修改：${key} 的最后修改人是 ${user.id}，须由另一位审批人审批（双人复核）`,
            `you cannot approve your own change: ${user.id} last edited ${key}; another approver must review it (maker-checker)`,
          ),
          key,
        );
      if (decision === 'rejected' && comment.trim() === '')
        throw new GovernanceError(
          'comment',
          lt('驳回须填写意见', 'a rejection needs a comment'),
          key,
        );
      const approval = { by: user.id, role: user.role, at: this.now(), decision, comment };
      const pack = recordDecision(stored.pack, approval);
      const saved = await this.packs.save(key, pack, stored.revision, NO_THINNING);
      const v = pack.version;
      await this.log(
        saved,
        decision === 'approved' ? 'approve' : 'reject',
        decision === 'approved'
          ? lt(`批准 ${v}：${comment}`, `approved ${v}: ${comment}`)
          : lt(`驳回 ${v}：${comment}`, `rejected ${v}: ${comment}`),
        { comment },
      );
      return saved;
    });
  }

  /**
   * Publishes an approved pack when its lint has no errors and all its tests pass: stamps author,
   * approvals, time and content hash (and a signature when the workspace has a key).
   */
  async publish(key: string): Promise<StoredVersion> {
    const stored = await this.packs.get(key);
    requireStep(stored.pack, 'publish', key);
    const refusal = publishRefusal(checkPublishable(stored.pack), key);
    if (refusal) throw new GovernanceError('notReady', refusal, key);
    const note = stored.pack.changelog.find((c) => c.version === stored.pack.version);
    const published = markPublished(stored.pack, this.signed());
    const { hash, approvals } = published.integrity;
    // Signing is asynchronous WebCrypto, which must not run inside an IndexedDB transaction.
    const pack = await this.keys.sign(published);
    return this.step(key, async (current) => {
      if (current.revision !== stored.revision) requireStep(current.pack, 'publish', key);
      const saved = await this.packs.save(key, pack, current.revision, NO_THINNING);
      await this.log(saved, 'publish', lt(`发布 ${pack.version}`, `published ${pack.version}`), {
        hash,
        signed: pack.integrity?.signature !== undefined,
        approvers: approvals.filter((a) => a.decision === 'approved').map((a) => a.by),
      });
      return this.keep(saved, 'published', note?.note.en ?? '');
    });
  }

  /** Puts an old revision's content back as the current draft (nothing is lost: it is a save). */
  restoreRevision(key: string, revision: number): Promise<StoredPack> {
    return this.step(key, async (stored) => {
      const old = (await this.packs.revisions(key)).find((r) => r.revision === revision);
      if (!old)
        throw new GovernanceError(
          'revision',
          lt(
            `找不到修订 ${revision}：可能已按保留策略精简，请刷新历史`,
            `revision ${revision} not found: the retention policy may have thinned it; reload the history`,
          ),
          key,
        );
      const pack = restoreAsDraft(stored.pack, old.pack);
      const saved = await this.packs.save(key, pack, stored.revision, NO_THINNING);
      await this.log(
        saved,
        'restore',
        lt(`恢复修订 ${revision} 为草稿`, `restored revision ${revision} as a draft`),
        {
          fromRevision: revision,
        },
      );
      return saved;
    });
  }

  /** Records that a pack file left the studio, with the hash it carried. */
  async recordExport(pack: Pack): Promise<void> {
    const file = `${pack.id}-${pack.version}.json`;
    await this.audit.append({
      actor: this.users.currentUser.id,
      action: 'export',
      packId: pack.id,
      version: pack.version,
      summary: lt(`导出 ${file}`, `exported ${file}`),
      // The exported file is stamped with the hash of its content, whatever it carried before.
      details: { file, hash: hashPack(pack) },
    });
  }

  private signed(): { author: string; at: string } {
    return { author: this.users.currentUser.id, at: this.now() };
  }

  private step<T>(key: string, run: (stored: StoredPack) => Promise<T>): Promise<T> {
    const { packs, revisions, audit, settings, versions } = this.db;
    return this.db.transaction('rw', [packs, revisions, audit, settings, versions], async () =>
      run(await this.packs.get(key)),
    );
  }

  private async checkNew(key: string, version: string, note: string): Promise<void> {
    if (!SemverSchema.safeParse(version).success)
      throw new GovernanceError(
        'semver',
        lt(
          `版本号须为语义化版本（如 1.2.0）：${version}`,
          `a version number is semantic, e.g. 1.2.0: ${version}`,
        ),
        key,
      );
    if (note.trim() === '')
      throw new GovernanceError('note', lt('须填写变更说明', 'a change note is required'), key);
    const taken = await this.db.versions.where('[key+version]').equals([key, version]).count();
    if (taken > 0)
      throw new GovernanceError(
        'taken',
        lt(
          `版本 ${version} 已存在，已发布的版本不可更改`,
          `version ${version} already exists; named and published versions never change`,
        ),
        key,
      );
  }

  private async keep(
    saved: StoredPack,
    kind: VersionRecord['kind'],
    note: string,
  ): Promise<StoredVersion> {
    const record: VersionRecord = {
      key: saved.key,
      version: saved.pack.version,
      kind,
      note,
      revision: saved.revision,
      pack: saved.pack,
      at: saved.updatedAt,
      author: this.users.currentUser.id,
      hash: hashPack(saved.pack),
    };
    const id = await this.db.versions.add(record);
    return { ...record, id, pack: saved.pack };
  }

  private async log(
    saved: StoredPack,
    action: 'change' | 'review' | 'approve' | 'reject' | 'publish' | 'restore',
    summary: LocalizedText,
    details: Record<string, string | number | boolean | string[]> = {},
  ): Promise<void> {
    await this.audit.append({
      actor: this.users.currentUser.id,
      action,
      packId: saved.pack.id,
      version: saved.pack.version,
      summary,
      details: { key: saved.key, revision: saved.revision, ...details },
    });
  }
}
