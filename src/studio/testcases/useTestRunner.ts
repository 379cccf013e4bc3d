import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pack } from '../../domain/index.ts';
import type { TestRunRequest, TestRunResponse } from '../workers/testRunner.worker.ts';
import type { SuiteProgress, SuiteResult } from './runSuite.ts';

export type TestRun =
  | { state: 'idle' }
  | { state: 'running'; pack: Pack; progress: SuiteProgress | null }
  | { state: 'done'; pack: Pack; result: SuiteResult; ms: number }
  | { state: 'failed'; pack: Pack; message: string };

/**
 * Runs the pack's tests in a Web Worker, so that a large suite never freezes the page. A new run
 * supersedes one under way: its late answers are ignored. Results remember the pack value they
 * ran on, so that the tab can say when an edit made them stale.
 */
export function useTestRunner() {
  const [run, setRun] = useState<TestRun>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const current = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const start = useCallback((pack: Pack) => {
    if (!worker.current)
      worker.current = new Worker(new URL('../workers/testRunner.worker.ts', import.meta.url), {
        type: 'module',
      });
    const id = ++current.current;
    const started = performance.now();
    setRun({ state: 'running', pack, progress: null });
    worker.current.onmessage = (event: MessageEvent<TestRunResponse>) => {
      const m = event.data;
      if (m.id !== current.current) return;
      if (m.type === 'progress') setRun({ state: 'running', pack, progress: m.progress });
      else if (m.type === 'done')
        setRun({ state: 'done', pack, result: m.result, ms: performance.now() - started });
      else setRun({ state: 'failed', pack, message: m.message });
    };
    worker.current.onerror = (event) => {
      if (id === current.current)
        setRun({ state: 'failed', pack, message: event.message || 'worker error' });
    };
    const request: TestRunRequest = { id, pack };
    worker.current.postMessage(request);
  }, []);

  return { run, start };
}
