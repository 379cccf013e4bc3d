import type { Pack } from '../../domain/index.ts';
import { readCsv } from '../csv.ts';
import { pick, type Lang } from '../i18n.ts';
import { readLines } from '../lines.ts';
import { assertReadable } from '../loadPack.ts';
import { csvColumnPlans, csvFileError, inputFormatOf, readInputs } from '../readers.ts';
import type { Sink } from '../sink.ts';
import { createPool, inOrder } from './pool.ts';
import type { RawRecord, WorkerSetup } from './protocol.ts';

/** Rows per message to a worker: large enough that messaging costs little, small enough to stream. */
export const CHUNK_ROWS = 1000;

/** The records of an input file, with the CSV header read and checked first. */
async function openRecords(
  path: string,
  pack: Pack,
  date: string | undefined,
): Promise<{ header?: string[]; records: AsyncGenerator<RawRecord> }> {
  const format = inputFormatOf(path);
  if (format === 'jsonl') {
    await assertReadable(path);
    return {
      records: (async function* () {
        for await (const { line, text } of readLines(path))
          if (text.trim() !== '') yield { kind: 'jsonl', line, text };
      })(),
    };
  }
  if (format !== 'csv')
    return {
      records: (async function* () {
        for await (const item of readInputs(path, pack, date)) yield { kind: 'item', item };
      })(),
    };
  await assertReadable(path);
  const csv = readCsv(path);
  let first;
  try {
    first = await csv.next();
  } catch (e) {
    throw csvFileError(path, e);
  }
  if (first.done) return { records: (async function* () {})() };
  const header = first.value.fields.map((f) => f.trim());
  csvColumnPlans(path, first.value.line, pack, header);
  return {
    header,
    records: (async function* () {
      try {
        for await (const { line, fields } of csv) yield { kind: 'csv', line, fields };
      } catch (e) {
        throw csvFileError(path, e);
      }
    })(),
  };
}

async function* slices<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
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

export type ParallelRun = {
  input: string;
  pack: Pack;
  setup: Omit<WorkerSetup, 'pack' | 'header'>;
  workers: number;
  sink: Sink;
  lang: Lang;
  failFast: boolean;
  /** Writes a line about a bad row to stderr. */
  report: (line: string) => void;
  /** Called after each slice with the rows done so far. */
  progress?: (rows: number) => void;
};

/**
 * `suitability evaluate --workers N`: reads the file on this thread, evaluates slices of rows on N
 * worker threads, writes the output in input order. At most 2N slices are under way.
 * Returns the counts, and whether it stopped at a bad row (`--fail-fast`).
 */
export async function evaluateInParallel(run: ParallelRun) {
  const { header, records } = await openRecords(run.input, run.pack, run.setup.date);
  const pool = createPool(run.workers, {
    ...run.setup,
    pack: run.pack,
    ...(header ? { header } : {}),
  });
  let evaluated = 0;
  let failed = 0;
  try {
    for await (const outcome of inOrder(slices(records, CHUNK_ROWS), pool.run, 2 * run.workers)) {
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
    await pool.close();
  }
}
