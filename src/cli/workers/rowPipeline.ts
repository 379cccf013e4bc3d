import type { CompiledPack } from '../../engine/index.ts';
import { pick, type Lang } from '../i18n.ts';
import { readRecords } from '../readers.ts';
import type { Sink } from '../sink.ts';
import { createPool, inOrder } from './pool.ts';
import type { ChunkOutcome, RawRecord, WorkerSetup } from './protocol.ts';
import { createRowEvaluator } from './rowEvaluator.ts';

/** Rows per slice: large enough that messaging costs little, small enough to stream. */
export const CHUNK_ROWS = 1000;

export async function* slices<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let slice: T[] = [];
  for await (const item of items) {
    slice.push(item);
    if (slice.length >= size) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}

export type RowRun = {
  input: string;
  /** The pack, compiled once by the command; workers compile their own copy. */
  compiled: CompiledPack;
  setup: Omit<WorkerSetup, 'pack' | 'header'>;
  /** Worker threads; 0 evaluates on this thread. */
  workers: number;
  sink: Sink;
  lang: Lang;
  failFast: boolean;
  /** Writes a line about a bad row to stderr. */
  report: (line: string) => void;
  /** Called after each slice with the rows done so far. */
  progress?: (rows: number) => void;
  /** The clock of `--trace` timings on this thread. */
  now: () => number;
};

/** Where slices are evaluated: N worker threads, or this thread through the very same code. */
function openRunner(run: RowRun, header: string[] | undefined) {
  const pack = run.compiled.pack;
  const setup: WorkerSetup = { ...run.setup, pack, ...(header ? { header } : {}) };
  if (run.workers > 0) {
    const pool = createPool(run.workers, setup);
    return {
      evaluate: (records: RawRecord[]) => pool.run({ records }),
      inFlight: 2 * run.workers,
      close: pool.close,
    };
  }
  const evaluateSlice = createRowEvaluator(setup, run.compiled, run.now);
  return {
    evaluate: (records: RawRecord[]): Promise<ChunkOutcome> =>
      Promise.resolve(evaluateSlice(records)),
    inFlight: 1,
    close: async () => {},
  };
}

/**
 * `suitability evaluate`, whatever the number of workers: this thread reads the file into slices
 * of records, the row evaluator (on workers, or here) turns each into output text and problems,
 * and the output is written in input order. At most 2N slices are under way.
 * Returns the counts, and whether it stopped at a bad row (`--fail-fast`).
 */
export async function evaluateRows(run: RowRun) {
  const { header, records } = await readRecords(run.input, run.compiled.pack, run.setup.date);
  const runner = openRunner(run, header);
  let evaluated = 0;
  let failed = 0;
  try {
    for await (const outcome of inOrder(
      slices(records, CHUNK_ROWS),
      runner.evaluate,
      runner.inFlight,
    )) {
      if (outcome.text) await run.sink.write(outcome.text);
      evaluated += outcome.evaluated;
      for (const p of outcome.problems) {
        failed++;
        const who = p.clientId ? ` (${p.clientId})` : '';
        run.report(`${run.input}:${p.line}${who}: ${pick(p.problem, run.lang)}`);
        if (run.failFast) return { evaluated, failed, stopped: true };
      }
      run.progress?.(evaluated + failed);
    }
    return { evaluated, failed, stopped: false };
  } finally {
    await records.return(undefined);
    await runner.close();
  }
}
