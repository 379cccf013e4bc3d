import { analyzeTable } from '../../../engine/index.ts';
import type { AnalysisRequest, AnalysisResponse } from './useTableAnalysis.ts';

// The DOM typings describe a window; a dedicated worker's scope posts without a target origin.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage: (message: AnalysisResponse) => void;
};

scope.onmessage = (event) => {
  const { id, columns, rows } = event.data;
  scope.postMessage({ id, analysis: analyzeTable(columns, rows) });
};
