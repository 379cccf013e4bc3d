export * from './db.ts';
export * from './errors.ts';
export * from './packRepository.ts';
export * from './settingsRepository.ts';
export * from './seed.ts';

import { openStudioDb, DEFAULT_DB_NAME, type StudioDb } from './db.ts';
import { PackRepository, type Clock } from './packRepository.ts';
import { SettingsRepository } from './settingsRepository.ts';

export type Storage = { db: StudioDb; packs: PackRepository; settings: SettingsRepository };

/** The database and its repositories; `now` is injectable so that tests see fixed times. */
export function openStorage(name: string = DEFAULT_DB_NAME, now?: Clock): Storage {
  const db = openStudioDb(name);
  return { db, packs: new PackRepository(db, now), settings: new SettingsRepository(db) };
}

export * from './auditLog.ts';
export * from './auditedPacks.ts';
export * from './usersRepository.ts';
export * from './keysRepository.ts';
export * from './versionsRepository.ts';
export * from './versionsStorage.ts';
export * from './versionsRules.ts';
export * from './retentionPolicy.ts';
export * from './revisionRetention.ts';
