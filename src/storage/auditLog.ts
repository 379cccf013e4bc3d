import type { EntityTable } from 'dexie';
import {
  appendAuditEntry,
  AuditEntrySchema,
  verifyAuditChain,
  type AuditChainCheck,
  type AuditEntry,
  type AuditEntryData,
  type Pack,
} from '../domain/index.ts';
import type { StudioDb } from './db.ts';
import { guard } from './errors.ts';
import type { Clock } from './packRepository.ts';

/** A named version of a pack: a frozen copy of one revision. Published ones are never changed. */
export type VersionRecord = {
  id?: number;
  key: string;
  version: string;
  kind: 'named' | 'published';
  note: string;
  revision: number;
  pack: unknown;
  at: string;
  author: string;
  hash: string;
};

export type UserRole = 'author' | 'approver';
export type UserRecord = { id: string; name: string; role: UserRole };

/** Only the key pair's handles are kept: the private key is a non-extractable CryptoKey. */
export type KeyRecord = {
  id: string;
  privateKey: unknown;
  publicKey: unknown;
  publicKeyB64: string;
};

/** The studio database with the tables of schema version 2 (see db.ts). */
export type GovernanceDb = StudioDb & {
  audit: EntityTable<AuditEntry, 'seq'>;
  versions: EntityTable<VersionRecord, 'id'>;
  users: EntityTable<UserRecord, 'id'>;
  keys: EntityTable<KeyRecord, 'id'>;
};

/** The head hash is kept apart from the log so that entries cut from its end are noticed. */
export const AUDIT_HEAD_SETTING = 'audit.head';

/** What callers say; the log adds the time (unless given), sequence number and hashes. */
export type AuditEvent = Omit<AuditEntryData, 'at'> & { at?: string };

/** The hash-chained audit trail, one chain for the whole workspace. */
export class AuditLog {
  constructor(
    private readonly db: GovernanceDb,
    private readonly now: Clock,
  ) {}

  /**
   * Appends one entry. Runs in its own transaction, or joins the caller's when that one covers
   * the audit and settings tables, so a change and its entry are written together or not at all.
   */
  append(event: AuditEvent): Promise<AuditEntry> {
    return guard('audit', () =>
      this.db.transaction('rw', this.db.audit, this.db.settings, async () => {
        const last = await this.db.audit.orderBy('seq').last();
        const entry = appendAuditEntry(last, { ...event, at: event.at ?? this.now() });
        await this.db.audit.add(entry);
        await this.db.settings.put({ name: AUDIT_HEAD_SETTING, value: entry.hash });
        return entry;
      }),
    );
  }

  /** Entries as stored, oldest first; not parsed, since a tampered entry must still be shown. */
  raw(): Promise<unknown[]> {
    return guard('audit', () => this.db.audit.orderBy('seq').toArray());
  }

  /** The well-formed entries, optionally of one pack (by pack id). */
  async entries(packId?: string): Promise<AuditEntry[]> {
    const all = (await this.raw()).flatMap((raw) => {
      const parsed = AuditEntrySchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
    return packId === undefined ? all : all.filter((e) => e.packId === packId);
  }

  async verify(): Promise<AuditChainCheck> {
    const [raw, head] = await Promise.all([
      this.raw(),
      guard('audit', () => this.db.settings.get(AUDIT_HEAD_SETTING)),
    ]);
    const known = typeof head?.value === 'string' ? head.value : undefined;
    return verifyAuditChain(raw, known === undefined ? {} : { head: known });
  }

  /** Who last changed the content of a pack (the maker a checker must differ from). */
  async lastEditor(packId: string): Promise<string | undefined> {
    // Naming a version changes only the number and the note, not what a checker reviews.
    const edits = (await this.entries(packId)).filter(
      (e) =>
        ['change', 'create', 'import', 'restore'].includes(e.action) &&
        (e.details as { kind?: unknown }).kind !== 'version',
    );
    return edits.at(-1)?.actor;
  }
}

/** The version part of an audit event about a pack. */
export const aboutPack = (pack: Pack) => ({ packId: pack.id, version: pack.version });
