import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LocalizedText } from '../../domain/index.ts';
import type { PushReport, TeamPackRepository } from '../../storage/remote/index.ts';
import type { PackStore } from '../state/index.ts';
import type { ServerEvents } from './serverEvents.ts';

/** What the top bar says about the connection: up or not, and what waits to be sent. */
export type SyncState = { connected: boolean; queued: number; conflicts: number };

/**
 * Sends what waits whenever the server is there again: the outbox (other packs) and the open
 * pack's unsaved edits (through its editor, so that the revision it is based on moves with it).
 * `onReport` hears what a round did, for the user to be told.
 */
export function startTeamSync(deps: {
  events: ServerEvents;
  packs: TeamPackRepository;
  packStore: PackStore;
  onReport: (report: PushReport) => void;
  onError: (message: LocalizedText) => void;
}): { state: StoreApi<SyncState>; sync: () => Promise<void>; stop: () => void } {
  const { events, packs, packStore, onReport, onError } = deps;
  const counts = () => {
    const entries = packs.outbox.list();
    return {
      queued: entries.filter((e) => !e.conflict).length,
      conflicts: entries.filter((e) => e.conflict).length,
    };
  };
  const state = createStore<SyncState>(() => ({ connected: events.connected, ...counts() }));
  let running: Promise<void> | null = null;
  const round = async () => {
    try {
      const report = await packs.pushOutbox(packStore.state.key);
      onReport(report);
      if (!report.offline) await packStore.retrySave();
    } catch (e) {
      onError(
        e instanceof Error
          ? { 'zh-CN': `同步失败：${e.message}`, en: `sync failed: ${e.message}` }
          : { 'zh-CN': '同步失败', en: 'sync failed' },
      );
    }
  };
  // One round at a time; a reconnect during a round is covered by it.
  const sync = () => (running ??= round().finally(() => (running = null)));
  const stops = [
    packs.outbox.subscribe(() => state.setState(counts())),
    events.onConnection((connected) => {
      state.setState({ connected });
      if (connected) void sync();
    }),
  ];
  const onOnline = () => void sync();
  // The event stream can take a while to notice the network is gone; the browser says so at once.
  const onOffline = () => state.setState({ connected: false });
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);
  return {
    state,
    sync,
    stop: () => {
      for (const stop of stops) stop();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
    },
  };
}
