import type { Pack } from '../../domain/index.ts';
import { runSuite, type SuiteProgress, type SuiteResult } from '../testcases/runSuite.ts';

/** Runs a pack's tests off the main thread. */
export type TestRunRequest = { id: number; pack: Pack };

export type TestRunResponse =
  | { id: number; type: 'progress'; progress: SuiteProgress }
  | { id: number; type: 'done'; result: SuiteResult }
  | { id: number; type: 'failed'; message: string };

// The DOM typings describe a window; a dedicated worker's scope posts without a target origin.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TestRunRequest>) => void) | null;
  postMessage: (message: TestRunResponse) => void;
};

scope.onmessage = (event) => {
  const { id, pack } = event.data;
  try {
    const result = runSuite(pack, (progress) =>
      scope.postMessage({ id, type: 'progress', progress }),
    );
    scope.postMessage({ id, type: 'done', result });
  } catch (e) {
    scope.postMessage({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
