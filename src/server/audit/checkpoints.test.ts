import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { startTestServer, type Agent } from '../testServer.ts';
import type { AuditExport } from './exportFile.ts';

let clock = new Date('2026-12-07T09:00:00Z');
const timers: { ms: number; task: () => void; stopped: boolean }[] = [];
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Agent;

beforeAll(async () => {
  server = await startTestServer({
    now: () => clock,
    sessionIdleMs: 24 * 60 * 60 * 1000,
    checkpointEveryMs: 15 * 60 * 1000,
    every: (ms, task) => {
      const timer = { ms, task, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    },
  });
  admin = await server.client.setup();
}, 120_000);
afterAll(() => server.close());

/** The timer fires; waits until the checkpoint it started is written. */
async function tick(minutes: number) {
  clock = new Date(clock.getTime() + minutes * 60_000);
  const before = await count();
  timers[0]?.task();
  for (let i = 0; i < 200 && (await count()) === before; i += 1)
    await new Promise((r) => setTimeout(r, 10));
}
const count = async () =>
  Number(
    (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_checkpoints'))
      .rows[0]?.n,
  );

async function run(args: string[]) {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      out += chunk.toString();
      done();
    },
  });
  const code = await main(args, { stdout: sink, stderr: sink, env: { LANG: 'en' }, now: () => 0 });
  return { code, out };
}

describe('timed audit checkpoints', () => {
  it('signs the chain head on the configured interval, only when the log has grown', async () => {
    expect(timers.map((t) => t.ms)).toEqual([15 * 60 * 1000]);
    await tick(15);
    const first = (await server.db.query<{ at: string }>('SELECT at FROM audit_checkpoints')).rows;
    expect(first.map((r) => r.at)).toEqual(['2026-12-07T09:15:00.000Z']);
    await tick(15); // nothing new: no second checkpoint
    expect(await count()).toBe(1);
    await server.client.user(admin, 'alice', ['author']);
    await tick(15);
    const rows = (
      await server.db.query<{ seq: string; at: string }>(
        'SELECT seq, at FROM audit_checkpoints ORDER BY seq',
      )
    ).rows;
    expect(rows.map((r) => r.at)).toEqual(['2026-12-07T09:15:00.000Z', '2026-12-07T09:45:00.000Z']);
    expect(Number(rows[1]?.seq)).toBeGreaterThan(Number(rows[0]?.seq));
  });

  it('an export with the timed checkpoints verifies offline, and a cut log is caught', async () => {
    const auditor = await server.client.user(admin, 'audrey', ['auditor']);
    const res = await server.client.call('GET', '/api/audit/export', { agent: auditor });
    const file = res.json() as AuditExport;
    expect(file.checkpoints.length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'audit.json'), JSON.stringify(file));
    const ok = await run(['audit', 'verify', join(dir, 'audit.json')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('audit log intact');
    const cut = { ...file, entries: file.entries.slice(0, 2) };
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(cut));
    const bad = await run(['audit', 'verify', join(dir, 'cut.json')]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('checkpoint.missing');
  });

  it('filters entries by actor, target and period for the auditor, and refuses an author', async () => {
    const auditor = await server.client.login('audrey', 'audrey password!');
    const get = async (query: string) =>
      (await server.client.call('GET', `/api/audit?${query}`, { agent: auditor })).json() as {
        entries: { actor: string; packId: string; at: string }[];
        chain: { ok: boolean };
      };
    const byAdmin = await get('actor=admin');
    expect(byAdmin.entries.length).toBeGreaterThan(0);
    expect(byAdmin.entries.every((e) => e.actor === 'admin')).toBe(true);
    expect(byAdmin.chain.ok).toBe(true);
    const aboutAlice = await get('target=user:alice');
    expect(aboutAlice.entries.every((e) => e.packId === 'user:alice')).toBe(true);
    const all = (await get('')).entries;
    const mid = all[Math.floor(all.length / 2)]?.at as string;
    const late = (await get(`since=${mid}`)).entries;
    const early = (await get(`until=${mid}`)).entries;
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((e) => e.at >= mid) && early.every((e) => e.at < mid)).toBe(true);
    expect(late.length + early.length).toBe(all.length);
    const bad = await server.client.call('GET', '/api/audit?since=yesterday', { agent: auditor });
    expect(bad.statusCode).toBe(400);
    const alice = await server.client.login('alice', 'alice password!');
    expect((await server.client.call('GET', '/api/audit', { agent: alice })).statusCode).toBe(403);
  });

  it('stops its timer when the server closes', async () => {
    const other = await startTestServer({
      checkpointEveryMs: 60_000,
      every: (ms, task) => {
        const timer = { ms, task, stopped: false };
        timers.push(timer);
        return () => {
          timer.stopped = true;
        };
      },
    });
    await other.close();
    expect(timers.at(-1)?.stopped).toBe(true);
  });
});
