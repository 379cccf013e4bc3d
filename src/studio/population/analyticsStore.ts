import { useSyncExternalStore } from 'react';
import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { AnalyticsReport } from '../../engine/index.ts';
import { runAnalytics } from '../workers/analyticsPool.ts';
import type { PoolRun, PopulationSource } from '../workers/workerPool.ts';

/** One questionnaire analysis of a population, per pack, while the studio is open. */
export type AnalyticsRun = {
  /** The pack as analysed: another pack object means it was edited since. */
  pack: Pack;
  classifyId: string;
  total: number;
  done: number;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  report?: AnalyticsReport;
  failure?: LocalizedText;
  ms?: number;
};

let runs = new Map<string, AnalyticsRun>();
const listeners = new Set<() => void>();
let active: { key: string; pool: PoolRun } | undefined;

function set(key: string, change: (run: AnalyticsRun) => AnalyticsRun) {
  const run = runs.get(key);
  if (!run) return;
  runs = new Map(runs).set(key, change(run));
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Starts analysing; an analysis already going (for any pack) is cancelled first. */
export function startAnalytics(
  packKey: string,
  pack: Pack,
  classifyId: string,
  source: PopulationSource,
) {
  cancelAnalytics();
  const total = source.kind === 'generated' ? source.count : source.clients.length;
  const started = performance.now();
  runs = new Map(runs).set(packKey, { pack, classifyId, total, done: 0, status: 'running' });
  for (const l of listeners) l();
  const pool = runAnalytics(pack, classifyId, source, {
    onProgress: (done) => set(packKey, (r) => ({ ...r, done })),
    onDone: (report) => {
      active = undefined;
      const ms = performance.now() - started;
      set(packKey, (r) => ({ ...r, status: 'done', done: total, report, ms }));
    },
    onFailed: (failure) => {
      active = undefined;
      set(packKey, (r) => ({ ...r, status: 'failed', failure }));
    },
  });
  active = { key: packKey, pool };
}

export function cancelAnalytics() {
  if (!active) return;
  const { key, pool } = active;
  active = undefined;
  pool.cancel();
  set(key, (r) => (r.status === 'running' ? { ...r, status: 'cancelled' } : r));
}

export function useAnalyticsRun(packKey: string | null): AnalyticsRun | undefined {
  return useSyncExternalStore(subscribe, () => (packKey ? runs.get(packKey) : undefined));
}
