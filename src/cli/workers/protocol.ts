import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { OutputFormat } from '../formats.ts';
import type { Lang } from '../i18n.ts';
import type { RawRecord } from '../readers.ts';

export type { RawRecord } from '../readers.ts';

/**
 * Messages between the evaluate command and its worker threads. The main thread only splits the
 * file into records; workers turn records into inputs, evaluate and format them, so that the
 * costly steps run in parallel and the reading thread stays free.
 */

/** Everything a worker needs to evaluate like the sequential command. Sent once, as workerData. */
export type WorkerSetup = {
  pack: Pack;
  /** The CSV header (already checked by the main thread). */
  header?: string[];
  date: string | undefined;
  format: OutputFormat;
  trace: boolean;
  lang: Lang;
};

export type RowProblem = { line: number; clientId: string | undefined; problem: LocalizedText };

/** The outcome of a slice of records, in their order: output text and the rows that failed. */
export type ChunkOutcome = { text: string; evaluated: number; problems: RowProblem[] };

export type ChunkRequest = { seq: number; records: RawRecord[] };
export type ChunkReply<O = ChunkOutcome> =
  { seq: number; outcome: O } | { seq: number; crash: string };
