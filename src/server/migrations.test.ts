import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };
import { PackSchema, verifyAuditChain } from '../domain/index.ts';
import { buildApp } from './app.ts';
import { appendAudit, readAudit } from './audit/log.ts';
import { hashPassword } from './auth/passwords.ts';
import { insertUser } from './auth/routes.ts';
import { migrate } from './db/index.ts';
import { ALL_MIGRATIONS } from './schema.ts';
import { openTestDb, TestClient } from './testServer.ts';

/**
 * The migrations of the previous release (commit c620296, before 0004), with the hash of their
 * SQL: a released migration is never edited, only followed by new ones.
 */
const PREVIOUS_RELEASE: Record<string, string> = {
  '0001_accounts': '9e32c79ec240c0af',
  '0002_audit': 'd03b7d1b1d9979d0',
  '0003_packs': '612855d14148d33c',
  '0100_decision_records': '2019a73ae47ec454',
};
const sqlHash = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);
const cost = { memoryCost: 1024, timeCost: 1 };

describe('upgrading a database of the previous release', () => {
  it('keeps the released migrations as they were', () => {
    for (const [id, hash] of Object.entries(PREVIOUS_RELEASE)) {
      const m = ALL_MIGRATIONS.find((x) => x.id === id);
      expect(m && sqlHash(m.sql), id).toBe(hash);
    }
  });

  it('runs the new migrations over its data, which the server then serves unchanged', async () => {
    const { db, dropSchema } = await openTestDb();
    try {
      const previous = ALL_MIGRATIONS.filter((m) => m.id in PREVIOUS_RELEASE);
      expect(await migrate(db, previous)).toEqual(Object.keys(PREVIOUS_RELEASE).sort());
      // Data as the previous release wrote it.
      const at = new Date('2026-12-01T09:00:00Z');
      await insertUser(db, {
        username: 'olduser',
        displayName: 'Old User',
        passwordHash: await hashPassword('an old password', cost),
        roles: ['author', 'auditor'],
        now: at,
      });
      // A pack as the previous release's SQL wrote it (today's code may use newer columns).
      const pack = PackSchema.parse(miniPack);
      const seeded = [pack.id];
      await db.query(
        `INSERT INTO packs (id, pack, revision, status, updated_at, updated_by)
         VALUES ($1, $2::jsonb, 1, $3, $4, 'olduser')`,
        [pack.id, JSON.stringify(pack), pack.status, at.toISOString()],
      );
      await db.query(
        `INSERT INTO pack_revisions (pack_id, revision, kind, pack, author, at, summary)
         VALUES ($1, 1, 'create', $2::jsonb, 'olduser', $3, '{"en":"created"}'::jsonb)`,
        [pack.id, JSON.stringify(pack), at.toISOString()],
      );
      await appendAudit(db, { actor: 'olduser', action: 'login', target: 'user:olduser' });
      const packsBefore = (
        await db.query('SELECT id, revision, status, pack FROM packs ORDER BY id')
      ).rows;
      const auditBefore = await readAudit(db);

      const ran = await migrate(db, ALL_MIGRATIONS);
      const added = ALL_MIGRATIONS.map((m) => m.id).filter((id) => !(id in PREVIOUS_RELEASE));
      expect(ran).toEqual(added.sort());
      expect(ran).toContain('0004_idle_oidc');
      expect(await migrate(db, ALL_MIGRATIONS)).toEqual([]);

      expect(
        (await db.query('SELECT id, revision, status, pack FROM packs ORDER BY id')).rows,
      ).toEqual(packsBefore);
      const auditAfter = await readAudit(db);
      expect(auditAfter).toEqual(auditBefore);
      expect(verifyAuditChain(auditAfter).ok).toBe(true);

      // The upgraded database serves: the old user signs in, sees the packs, reads the audit.
      const app = await buildApp({ db, config: { passwordCost: cost, now: () => new Date() } });
      await app.ready();
      try {
        const client = new TestClient(app);
        const agent = await client.login('olduser', 'an old password');
        const packs = await client.call('GET', '/api/packs', { agent });
        expect(packs.statusCode).toBe(200);
        expect(JSON.stringify(packs.json())).toContain(seeded[0] as string);
        const audit = await client.call('GET', '/api/audit', { agent });
        expect(audit.json().chain.ok).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
      await dropSchema();
    }
  });
});
