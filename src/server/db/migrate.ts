import type { Db, Migration } from './types.ts';

/**
 * Brings the schema up to date: runs, in id order, each migration not yet recorded in
 * `schema_migrations`, each in its own transaction with its record. Forward only: a database that
 * has a migration this build does not know is newer than the build, and is refused.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length)
    throw new Error(`duplicate migration id in ${ids.join(', ')}`);
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       id text PRIMARY KEY,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const ran: string[] = [];
  // One migrator at a time across replicas starting together on one PostgreSQL.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7243001)');
    const done = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const unknown = [...done].filter((id) => !ids.includes(id));
    if (unknown.length > 0)
      throw new Error(
        `the database has migrations this version does not know (${unknown.join(', ')}): it was used by a newer version`,
      );
    for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(m.id)) continue;
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      ran.push(m.id);
    }
  });
  return ran;
}
