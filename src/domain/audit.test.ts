import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { canonicalJson } from './canonical.ts';
import {
  AUDIT_GENESIS_HASH,
  appendAuditEntry,
  auditToCsv,
  auditToJson,
  hashAuditEntry,
  verifyAuditChain,
  type AuditEntry,
  type AuditEntryData,
} from './audit.ts';
import { FORMULA_TEXTS } from '../testing/csvInjection.ts';

const events: AuditEntryData[] = [
  {
    at: '2026-11-02T09:00:00.000Z',
    actor: 'li.wei',
    action: 'change',
    packId: 'cn-csrc-2017',
    version: '1.1.0-draft',
    summary: { 'zh-CN': 'C3 下限 37 -> 40', en: 'C3 lower bound 37 -> 40' },
    details: { path: '$.graph.nodes[5].config.bands[2].min', from: 37, to: 40 },
  },
  {
    at: '2026-11-02T10:30:00.000Z',
    actor: 'zhang.min',
    action: 'review',
    packId: 'cn-csrc-2017',
    version: '1.1.0-draft',
    summary: { 'zh-CN': '提交审核', en: 'submitted for review' },
  },
  {
    at: '2026-11-03T08:15:00.000Z',
    actor: 'wang.fang',
    action: 'approve',
    packId: 'cn-csrc-2017',
    version: '1.1.0',
    summary: { 'zh-CN': '批准', en: 'approved' },
    details: { comment: '=HYPERLINK("x"), "quoted", and a\nnew line' },
  },
  {
    at: '2026-11-03T08:20:00.000Z',
    actor: 'wang.fang',
    action: 'publish',
    packId: 'cn-csrc-2017',
    version: '1.1.0',
    summary: { 'zh-CN': '发布 1.1.0', en: 'published 1.1.0' },
    details: { hash: `sha256:${'a'.repeat(64)}` },
  },
];

function chain(): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of events) out.push(appendAuditEntry(out.at(-1), e));
  return out;
}

describe('appendAuditEntry', () => {
  it('numbers entries and links each to the hash of the one before', () => {
    const log = chain();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    log.slice(1).forEach((e, i) => expect(e.prevHash).toBe(log[i]?.hash));
    for (const e of log) expect(e.hash).toBe(hashAuditEntry(e));
    expect(new Set(log.map((e) => e.hash)).size).toBe(4);
  });

  it('hashes the same event the same way, whatever the key order', () => {
    const [first] = events as [AuditEntryData];
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as AuditEntryData;
    expect(appendAuditEntry(undefined, reordered).hash).toBe(
      appendAuditEntry(undefined, first).hash,
    );
  });

  it('refuses an event that is not one', () => {
    const bad = { ...events[0], action: 'hack' } as unknown as AuditEntryData;
    expect(() => appendAuditEntry(undefined, bad)).toThrow();
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain, also after a JSON round trip', () => {
    const log = chain();
    expect(verifyAuditChain(log)).toMatchObject({ ok: true, count: 4, head: log[3]?.hash });
    expect(verifyAuditChain(JSON.parse(auditToJson(log)) as unknown[]).ok).toBe(true);
    expect(verifyAuditChain([])).toMatchObject({ ok: true, head: AUDIT_GENESIS_HASH });
  });

  it('detects an entry whose content was altered', () => {
    const log = chain();
    log[1] = { ...(log[1] as AuditEntry), actor: 'someone.else' };
    expect(verifyAuditChain(log)).toMatchObject({ ok: false, brokenAt: 1, code: 'audit.hash' });
  });

  it('detects an altered entry whose hash was recomputed: the next link breaks', () => {
    const log = chain();
    const edited = { ...(log[1] as AuditEntry), summary: { 'zh-CN': '无', en: 'nothing' } };
    log[1] = { ...edited, hash: hashAuditEntry(edited) };
    expect(verifyAuditChain(log)).toMatchObject({ ok: false, brokenAt: 2, code: 'audit.prevHash' });
  });

  it('detects a removed entry', () => {
    const log = chain();
    log.splice(2, 1);
    expect(verifyAuditChain(log)).toMatchObject({ ok: false, brokenAt: 2, code: 'audit.seq' });
  });

  it('detects a removed entry even when the rest were renumbered', () => {
    const log = chain();
    log.splice(1, 1);
    const renumbered = log.map((e, i) => {
      const body = { ...e, seq: i + 1 };
      return { ...body, hash: hashAuditEntry(body) };
    });
    expect(verifyAuditChain(renumbered)).toMatchObject({
      ok: false,
      brokenAt: 1,
      code: 'audit.prevHash',
    });
  });

  it('detects reordered entries', () => {
    const log = chain();
    const swapped = [log[0], log[2], log[1], log[3]];
    expect(verifyAuditChain(swapped)).toMatchObject({ ok: false, brokenAt: 1, code: 'audit.seq' });
  });

  it('detects entries cut from the end when the head is known', () => {
    const log = chain();
    const head = log[3]?.hash as string;
    expect(verifyAuditChain(log.slice(0, 3)).ok).toBe(true);
    expect(verifyAuditChain(log.slice(0, 3), { head })).toMatchObject({
      ok: false,
      code: 'audit.head',
    });
    expect(verifyAuditChain(log, { head }).ok).toBe(true);
  });

  it('names the malformed field of an entry', () => {
    const log: unknown[] = chain();
    log[0] = { ...(log[0] as AuditEntry), seq: 'one' };
    const check = verifyAuditChain(log);
    expect(check).toMatchObject({ ok: false, brokenAt: 0, code: 'audit.entry' });
    if (!check.ok) expect(check.reason.en).toContain('$[0].seq');
  });
});

describe('auditToCsv', () => {
  it('writes a header and one quoted, formula-safe line per entry', () => {
    const csv = auditToCsv(chain());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor,action,packId,version,summary_zh-CN,summary_en,details,prevHash,hash',
    );
    expect(lines[1]).toMatch(
      /^1,2026-11-02T09:00:00\.000Z,li\.wei,change,cn-csrc-2017,1\.1\.0-draft,/,
    );
    expect(lines[1]).toContain(
      '"{""from"":37,""path"":""$.graph.nodes[5].config.bands[2].min"",""to"":40}"',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(6);
  });

  it('reads back as the same fields, with text that looks like a formula defused', () => {
    const log = chain();
    log.push(
      appendAuditEntry(log.at(-1), {
        ...(events[0] as AuditEntryData),
        actor: '=cmd|calc',
        summary: { 'zh-CN': '-1 分', en: '+1, "quoted"\nsecond line' },
      }),
    );
    const rows = Papa.parse<string[]>(auditToCsv(log), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(6);
    expect(rows[3]?.[8]).toBe(canonicalJson(events[2]?.details));
    expect(rows[5]?.slice(2, 3)).toEqual(["'=cmd|calc"]);
    expect(rows[5]?.slice(6, 8)).toEqual(["'-1 分", '\'+1, "quoted"\nsecond line']);
    expect(rows[5]?.[10]).toBe(log[4]?.hash);
  });

  it('defuses every OWASP formula lead', () => {
    let log = chain();
    for (const actor of FORMULA_TEXTS)
      log = [...log, appendAuditEntry(log.at(-1), { ...(events[0] as AuditEntryData), actor })];
    const rows = Papa.parse<string[]>(auditToCsv(log), { skipEmptyLines: true }).data.slice(-6);
    expect(rows.map((r) => r[2])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
  });
});
