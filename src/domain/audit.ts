import { z } from 'zod';
import { canonicalJson } from './canonical.ts';
import { sha256Hex } from './hash.ts';
import { csvLine } from './csv.ts';
import { lt, LocalizedTextSchema, type LocalizedText } from './localized.ts';

/**
 * The audit trail: an append-only log in which every entry carries the hash of the one before it,
 * so that changing, removing or reordering an entry breaks the chain at that place. Entries are
 * plain data; time, actor and ids come from the caller (the core has no clock).
 */
export const AUDIT_ACTIONS = [
  'create',
  'change',
  'review',
  'approve',
  'reject',
  'publish',
  'retire',
  'import',
  'export',
  'restore',
  'sign',
  'delete',
  // Autosave revisions thinned by the retention policy: which ones went, and why the rest stay.
  'prune',
  // The team workspace server: accounts, sessions, keys and review steps beyond the ones above.
  'setup',
  'login',
  'login-failed',
  'lockout',
  'logout',
  'user-create',
  'user-change',
  'sessions-revoke',
  'key-rotate',
  // The decision service: channel keys made and revoked by an admin.
  'channel-create',
  'channel-revoke',
  'comment',
  'withdraw',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** `prevHash` of the first entry: no entry comes before it. */
export const AUDIT_GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

const HashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>');

/** What the caller says about an event; `appendAuditEntry` adds `seq`, `prevHash` and `hash`. */
export const AuditEntryDataSchema = z.object({
  /** ISO 8601 instant, e.g. `2026-11-28T14:03:00.000Z`. */
  at: z.string().min(1),
  actor: z.string().min(1),
  action: AuditActionSchema,
  packId: z.string().min(1),
  version: z.string().optional(),
  summary: LocalizedTextSchema,
  /** Any JSON: the diff entries of a change, the comment of a review, the hash of an export. */
  details: z.json().default({}),
});
export type AuditEntryData = z.input<typeof AuditEntryDataSchema>;

export const AuditEntrySchema = AuditEntryDataSchema.extend({
  /** 1 for the first entry, then one more per entry. */
  seq: z.number().int().positive(),
  prevHash: HashSchema,
  /** SHA-256 over the canonical JSON of the entry without `hash` (so `prevHash` is covered). */
  hash: HashSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The hash an entry must carry: over everything in it but the hash itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}

/**
 * The next entry of the chain after `prev` (`undefined` for the first). Throws a zod error when
 * `data` is not a valid entry (e.g. an unknown action), since a log must not hold half an event.
 *
 * @example
 * const first = appendAuditEntry(undefined, { at, actor: 'li.wei', action: 'change', packId: 'cn-csrc-2017', summary });
 * const second = appendAuditEntry(first, { ...next });
 */
export function appendAuditEntry(prev: AuditEntry | undefined, data: AuditEntryData): AuditEntry {
  const parsed = AuditEntryDataSchema.parse(data);
  const body: Omit<AuditEntry, 'hash'> = {
    ...parsed,
    seq: prev ? prev.seq + 1 : 1,
    prevHash: prev ? prev.hash : AUDIT_GENESIS_HASH,
  };
  return { ...body, hash: hashAuditEntry(body) };
}

export type AuditChainCheck =
  | { ok: true; count: number; head: string; message: LocalizedText }
  | {
      ok: false;
      /** Index in the list of the first entry that does not fit. */
      brokenAt: number;
      code: 'audit.entry' | 'audit.seq' | 'audit.prevHash' | 'audit.hash' | 'audit.head';
      reason: LocalizedText;
    };

/**
 * Checks a whole log, in order: each entry is well formed, numbered one after the previous,
 * links to the previous entry's hash, and its own hash matches its content. A tampered entry
 * fails its hash; a removed or reordered one fails the numbering and the link. Removing entries
 * from the end leaves a shorter valid chain: pass the `head` hash kept elsewhere to catch that.
 */
export function verifyAuditChain(
  entries: readonly unknown[],
  options: { head?: string } = {},
): AuditChainCheck {
  let prev: AuditEntry | undefined;
  for (const [i, raw] of entries.entries()) {
    const parsed = AuditEntrySchema.safeParse(raw);
    const broken = (code: Extract<AuditChainCheck, { ok: false }>['code'], reason: LocalizedText) =>
      ({ ok: false, brokenAt: i, code, reason }) as const;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = `$[${i}]${issue?.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('') ?? ''}`;
      return broken(
        'audit.entry',
        lt(`第 ${i + 1} 条记录格式有误：${where}`, `entry ${i + 1} is malformed at ${where}`),
      );
    }
    const entry = parsed.data;
    const seq = prev ? prev.seq + 1 : 1;
    if (entry.seq !== seq)
      return broken(
        'audit.seq',
        lt(
          `第 ${i + 1} 条记录的序号为 ${entry.seq}，应为 ${seq}：有记录被删除或调换了顺序`,
          `entry ${i + 1} has seq ${entry.seq}, expected ${seq}: an entry was removed or moved`,
        ),
      );
    const prevHash = prev ? prev.hash : AUDIT_GENESIS_HASH;
    if (entry.prevHash !== prevHash)
      return broken(
        'audit.prevHash',
        lt(
          `第 ${i + 1} 条记录（序号 ${entry.seq}）没有链接到前一条记录的哈希`,
          `entry ${i + 1} (seq ${entry.seq}) does not link to the hash of the entry before it`,
        ),
      );
    if (hashAuditEntry(entry) !== entry.hash)
      return broken(
        'audit.hash',
        lt(
          `第 ${i + 1} 条记录（序号 ${entry.seq}）的内容与其哈希不符：记录被修改过`,
          `entry ${i + 1} (seq ${entry.seq}) does not match its hash: it was altered`,
        ),
      );
    prev = entry;
  }
  const head = prev ? prev.hash : AUDIT_GENESIS_HASH;
  if (options.head !== undefined && options.head !== head)
    return {
      ok: false,
      brokenAt: entries.length,
      code: 'audit.head',
      reason: lt(
        `日志的最后一条记录不是已知的最新记录：末尾的记录被删除了或日志被替换了`,
        `the log does not end at the known head: entries were cut from the end or the log was replaced`,
      ),
    };
  return {
    ok: true,
    count: entries.length,
    head,
    message: lt(
      `审计日志完整：${entries.length} 条记录，哈希链未断`,
      `audit log intact: ${entries.length} entries, hash chain unbroken`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Exports for auditors.

/** The log as a JSON document, entries as stored (re-verifiable with `verifyAuditChain`). */
export function auditToJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'packId',
  'version',
  'summary_zh-CN',
  'summary_en',
  'details',
  'prevHash',
  'hash',
] as const;

/** The log as CSV with a header row, one entry a line, details as canonical JSON. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    csvLine([
      e.seq,
      e.at,
      e.actor,
      e.action,
      e.packId,
      e.version ?? '',
      e.summary['zh-CN'],
      e.summary.en,
      canonicalJson(e.details),
      e.prevHash,
      e.hash,
    ]),
  );
  return `${[AUDIT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
