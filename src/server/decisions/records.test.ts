import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/index.ts';
import { migrateAll } from '../schema.ts';
import { decide, replay, type DecisionRecord } from './decide.ts';
import { auditCsvField, exportRecords } from './exportRecords.ts';
import { FolderPackSource } from './folderPacks.ts';
import { newDecisionId } from './index.ts';
import { DecisionRecorder, getRecord, searchRecords } from './records.ts';
import { starterSamples } from './testSupport.ts';

let db: Db;
const packs = new FolderPackSource('rule-packs', undefined);

beforeAll(async () => {
  db = await openDb({});
  await migrateAll(db);
  await packs.reload();
  // Opening embedded PostgreSQL and migrating takes seconds on a busy machine.
}, 120_000);
afterAll(() => db.close());

/** A seeded spread of clients: the pack's samples with ages and assets moved around. */
function clients(n: number) {
  const samples = starterSamples('cn-csrc-2017');
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const s = samples[i % samples.length]!;
    return {
      ...s,
      clientId: `client-${i}`,
      facts: {
        ...s.facts,
        age: 18 + Math.floor(next() * 70),
        financialAssets: Math.floor(next() * 8_000_000),
      },
    };
  });
}

describe('decision records', () => {
  it('stores 1,000 decisions by group commit, and each replays identically', async () => {
    const served = packs.current('cn-csrc-2017')!;
    const recorder = new DecisionRecorder(db, 300);
    const day = new Date('2026-06-01T09:00:00Z');
    const made = clients(1000).map((input, i) =>
      decide(served, input, {
        id: newDecisionId(new Date(day.getTime() + i)),
        decidedAt: new Date(day.getTime() + i).toISOString(),
        channel: 'counter',
        rationale: false,
      }),
    );
    await Promise.all(made.map((m) => recorder.append([m.record])));
    const stored = await searchRecords(db, { packIds: ['cn-csrc-2017'], limit: 1000 });
    expect(stored).toHaveLength(1000);
    const verdicts = new Set(stored.flatMap((r) => Object.values(r.products)));
    expect([...verdicts].sort()).toEqual(['allowed', 'prohibited', 'warn']);
    for (const r of stored) expect(replay(served, r).identical).toBe(true);
    // A record that was changed is caught.
    const first = stored[0]!;
    const forged: DecisionRecord = { ...first, flags: [...first.flags, 'forged'] };
    expect(replay(served, forged)).toMatchObject({ identical: false, differences: ['flags'] });
    expect((await searchRecords(db, { clientId: 'client-7', limit: 10 }))[0]?.id).toBe(
      made[7]!.record.id,
    );
  });

  it('refuses changing or deleting a record before its retention date', async () => {
    const [one] = await searchRecords(db, { limit: 1 });
    await expect(
      db.query(`UPDATE decision_records SET channel = 'x' WHERE id = $1`, [one!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM decision_records WHERE id = $1`, [one!.id])).rejects.toThrow(
      /append-only/,
    );
    expect((await getRecord(db, one!.id))?.channel).toBe('counter');
    const { rows } = await db.query<{ years: number }>(
      `SELECT (retain_until - decided_at::date) / 365 AS years FROM decision_records WHERE id = $1`,
      [one!.id],
    );
    expect(rows[0]?.years).toBe(20);
  });

  it('exports for an auditor with every field escaped', async () => {
    expect(auditCsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(auditCsvField('a,b\nc')).toBe('"a,b\nc"');
    let csv = '';
    for await (const chunk of exportRecords(db, 'csv', { clientId: 'client-3' })) csv += chunk;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,decidedAt,channel,packId,version,hash,clientId,evaluationDate,input,outputs,flags,verdicts',
    );
    expect(lines).toHaveLength(2);
    let jsonl = '';
    for await (const chunk of exportRecords(db, 'jsonl', { clientId: 'client-3' })) jsonl += chunk;
    expect(JSON.parse(jsonl).clientId).toBe('client-3');
  });
});
