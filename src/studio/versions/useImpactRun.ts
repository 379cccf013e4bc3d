import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { ImpactReport } from '../../engine/index.ts';
import { runImpact } from '../workers/impactPool.ts';
import { sourceSize, type PoolRun, type PopulationSource } from '../workers/workerPool.ts';

export type ImpactRun = {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  report?: ImpactReport;
  failure?: LocalizedText;
  ms?: number;
  /** For clients from a file: the line each one came from, so that the report names it. */
  lines?: readonly number[];
};

const IDLE: ImpactRun = { status: 'idle', done: 0, total: 0 };

/**
 * One impact comparison at a time, in workers, with progress; starting another or leaving the
 * panel cancels the one running.
 */
export function useImpactRun() {
  const [run, setRun] = useState<ImpactRun>(IDLE);
  const active = useRef<PoolRun | null>(null);
  useEffect(() => () => active.current?.cancel(), []);

  const start = useCallback(
    (a: Pack, b: Pack, source: PopulationSource, lines?: readonly number[]) => {
      active.current?.cancel();
      const total = sourceSize(source);
      const started = performance.now();
      const base = { done: 0, total, ...(lines ? { lines } : {}) };
      setRun({ status: 'running', ...base });
      active.current = runImpact(a, b, source, {
        onProgress: (done) => setRun((r) => ({ ...r, done })),
        onDone: (report) => {
          active.current = null;
          const ms = performance.now() - started;
          setRun({ ...base, status: 'done', done: total, report, ms });
        },
        onFailed: (failure) => {
          active.current = null;
          setRun((r) => ({ ...r, status: 'failed', failure }));
        },
      });
    },
    [],
  );

  const cancel = useCallback(() => {
    active.current?.cancel();
    active.current = null;
    setRun((r) => (r.status === 'running' ? { ...r, status: 'cancelled' } : r));
  }, []);

  return { run, start, cancel };
}
