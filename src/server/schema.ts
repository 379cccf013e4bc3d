import { migrate, type Db, type Migration } from './db/index.ts';
import { SERVER_MIGRATIONS } from './migrations.ts';
import { DECISION_MIGRATIONS } from './decisions/records.ts';

/** Every module's migrations, in one list: the workspace's, then the decision service's. */
export const ALL_MIGRATIONS: readonly Migration[] = [...SERVER_MIGRATIONS, ...DECISION_MIGRATIONS];

/** Brings a database up to this version's schema. */
export function migrateAll(db: Db): Promise<string[]> {
  return migrate(db, ALL_MIGRATIONS);
}
