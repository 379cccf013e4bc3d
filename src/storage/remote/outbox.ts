import { guard } from '../errors.ts';
import type { OutboxRecord, TeamCacheDb } from './cacheDb.ts';

/**
 * Edits waiting for the server, in IndexedDB, with a copy in memory so that the editor can take
 * an entry synchronously when it opens the pack (see `teamStash`). Every write goes to both; the
 * database is what survives a closed tab.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxRecord>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: TeamCacheDb) {}

  /** Reads the queued entries; call once before anything else. */
  async load(): Promise<void> {
    const records = await guard('outbox', () => this.db.outbox.toArray());
    this.entries.clear();
    for (const r of records) this.entries.set(r.key, r);
    this.changed();
  }

  list(): OutboxRecord[] {
    return [...this.entries.values()];
  }

  get(key: string): OutboxRecord | undefined {
    return this.entries.get(key);
  }

  /** Queues the pack's latest edit (over any earlier one: it holds those edits too). */
  async put(record: OutboxRecord): Promise<void> {
    this.entries.set(record.key, record);
    this.changed();
    await guard(record.key, () => this.db.outbox.put(record));
  }

  async remove(key: string): Promise<void> {
    if (!this.entries.delete(key)) return;
    this.changed();
    await guard(key, () => this.db.outbox.delete(key));
  }

  /** Marks the entry refused: someone saved revision `revision` first. It stays queued. */
  async markConflict(key: string, revision: number, by: string | null): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    await this.put({ ...entry, conflict: { revision, by } });
  }

  /**
   * Hands the entry to whoever opens the pack: it leaves the outbox (from memory at once, from
   * the database right after) and the editor keeps it from then on, as it keeps its own unsaved
   * edits. A failed delete only leaves it to be offered again.
   */
  take(key: string): OutboxRecord | undefined {
    const entry = this.entries.get(key);
    if (entry) void this.remove(key).catch(() => {});
    return entry;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
