import type { Db } from './db/index.ts';

/** A change to a shared pack, as the studio hears it live. */
export type PackEvent = { id: string; revision: number; status: string; by: string };

type Listener = (event: PackEvent) => void;

/**
 * Fans pack changes out to the open event streams. Changes travel through NOTIFY pack_changed,
 * so every server process on one database hears every other's.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private stop: (() => Promise<void>) | undefined;

  async start(db: Db): Promise<void> {
    this.stop = await db.listen('pack_changed', (payload) => {
      const event = JSON.parse(payload) as PackEvent;
      for (const listener of this.listeners) listener(event);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop?.();
  }
}

/** Announces a change when the transaction it is part of commits. */
export function announcePackChange(tx: Db, event: PackEvent): Promise<void> {
  return tx.notify('pack_changed', JSON.stringify(event));
}
