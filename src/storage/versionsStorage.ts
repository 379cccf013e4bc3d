import { AuditLog, type GovernanceDb } from './auditLog.ts';
import { AuditedPackRepository } from './auditedPacks.ts';
import { DEFAULT_DB_NAME, openStudioDb } from './db.ts';
import { KeysRepository } from './keysRepository.ts';
import type { Clock } from './packRepository.ts';
import { SettingsRepository } from './settingsRepository.ts';
import { UsersRepository } from './usersRepository.ts';
import { VersionsRepository } from './versionsRepository.ts';
import { RevisionRetention } from './revisionRetention.ts';

/** The studio's storage with governance: every pack write is audited under the current user. */
export type GovernedStorage = {
  db: GovernanceDb;
  packs: AuditedPackRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  users: UsersRepository;
  keys: KeysRepository;
  versions: VersionsRepository;
  retention: RevisionRetention;
};

const systemClock: Clock = () => new Date().toISOString();

/** Opens the database and its repositories; call `users.load()` before the first write. */
export function openGovernedStorage(
  name: string = DEFAULT_DB_NAME,
  now: Clock = systemClock,
): GovernedStorage {
  const db = openStudioDb(name) as GovernanceDb;
  const audit = new AuditLog(db, now);
  const users = new UsersRepository(db);
  const keys = new KeysRepository(db);
  const actor = () => users.currentUser.id;
  const retention = new RevisionRetention(db, audit, actor, now);
  const packs = new AuditedPackRepository(db, audit, actor, now, retention);
  const versions = new VersionsRepository(db, packs, audit, users, keys, now);
  const settings = new SettingsRepository(db);
  return { db, packs, settings, audit, users, keys, versions, retention };
}

/** Whether a storage handed around as the plain `Storage` is in fact the governed one. */
export function isGoverned(storage: object): storage is GovernedStorage {
  return 'versions' in storage && 'audit' in storage;
}
