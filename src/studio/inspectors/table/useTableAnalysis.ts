import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisColumn, TableAnalysis } from './tableAnalysis.ts';
import { analyzeTable } from './tableAnalysis.ts';

export type AnalysisRequest = {
  id: number;
  columns: AnalysisColumn[];
  rows: (readonly string[])[];
};
export type AnalysisResponse = { id: number; analysis: TableAnalysis };

/** Cells up to which the analysis runs inline: below this it takes a few milliseconds. */
const INLINE_CELLS = 1500;

/**
 * Gaps, overlaps and bad cells of a table. Small tables are analysed inline; big ones in a Web
 * Worker, so that editing a cell of a 500-row table never waits for the analysis. Until the
 * worker answers, the previous analysis stays on screen (marked stale).
 */
export function useTableAnalysis(
  columns: AnalysisColumn[],
  rows: (readonly string[])[],
): { analysis: TableAnalysis | undefined; stale: boolean } {
  const inline =
    rows.length * Math.max(columns.length, 1) <= INLINE_CELLS || typeof Worker === 'undefined';
  const inlineResult = useMemo(
    () => (inline ? analyzeTable(columns, rows) : undefined),
    [inline, columns, rows],
  );
  type Answer = { analysis: TableAnalysis; columns: AnalysisColumn[]; rows: (readonly string[])[] };
  const [answer, setAnswer] = useState<Answer | undefined>();
  const worker = useRef<Worker | null>(null);
  const latest = useRef<AnalysisRequest | undefined>(undefined);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  useEffect(() => {
    if (inline) return;
    if (!worker.current) {
      worker.current = new Worker(new URL('./tableAnalysis.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current.onmessage = (event: MessageEvent<AnalysisResponse>) => {
        // A newer request supersedes this one; only its answer is shown.
        const sent = latest.current;
        if (sent && event.data.id === sent.id)
          setAnswer({ analysis: event.data.analysis, columns: sent.columns, rows: sent.rows });
      };
    }
    const request: AnalysisRequest = { id: (latest.current?.id ?? 0) + 1, columns, rows };
    latest.current = request;
    worker.current.postMessage(request);
  }, [inline, columns, rows]);

  if (inline) return { analysis: inlineResult, stale: false };
  return {
    analysis: answer?.analysis,
    stale: answer?.columns !== columns || answer.rows !== rows,
  };
}
