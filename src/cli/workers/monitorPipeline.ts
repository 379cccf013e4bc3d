import type { Pack } from '../../domain/index.ts';
import type { CompiledPack, Holding, MonitorPart, PreviousResult } from '../../engine/index.ts';
import { readRecords, type RawRecord } from '../readers.ts';
import { createPool, inOrder } from './pool.ts';
import {
  createMonitorSlicer,
  type MonitorRequest,
  type MonitorWorkerSetup,
} from './monitorSlice.ts';
import { CHUNK_ROWS, slices } from './rowPipeline.ts';

const MONITOR_WORKER_URL = new URL('./monitorWorker.mjs', import.meta.url);

export type MonitorRun = {
  clients: string;
  setup: Omit<MonitorWorkerSetup, 'header'>;
  compiled: { current: CompiledPack; base?: CompiledPack };
  holdings: Map<string, Holding[]>;
  previous?: Map<string, PreviousResult>;
  workers: number;
  progress?: (rows: number) => void;
};

/** The client id of a record as read, to send its holdings and earlier result along with it. */
function clientIdReader(header: readonly string[] | undefined) {
  const column = header?.indexOf('clientId') ?? -1;
  return (r: RawRecord): string | undefined => {
    if (r.kind === 'csv') return column === -1 ? undefined : r.fields[column];
    if (r.kind === 'item') return 'input' in r.item ? r.item.input.clientId : r.item.clientId;
    try {
      const value: unknown = JSON.parse(r.text);
      const id = (value as { clientId?: unknown } | null)?.clientId;
      return typeof id === 'string' ? id : undefined;
    } catch {
      return undefined; // the row's own reader reports the syntax error
    }
  };
}

/**
 * `suitability monitor` over a book, whatever the number of workers: this thread reads the
 * clients into slices and sends each with its clients' holdings and earlier results; the slicer
 * (on workers, or here) returns each slice's part of the work lists. Holdings of clients the
 * book never named are left in `holdings` for the caller to report.
 */
export async function monitorBook(run: MonitorRun): Promise<MonitorPart[]> {
  const pack: Pack = run.setup.pack;
  const { header, records } = await readRecords(run.clients, pack, run.setup.asOf);
  const setup: MonitorWorkerSetup = { ...run.setup, ...(header ? { header } : {}) };
  const idOf = clientIdReader(header);
  let evaluate: (q: MonitorRequest) => Promise<MonitorPart>;
  let close = async () => {};
  let inFlight = 1;
  if (run.workers > 0) {
    const pool = createPool<MonitorWorkerSetup, MonitorRequest, MonitorPart>(
      run.workers,
      setup,
      MONITOR_WORKER_URL,
    );
    evaluate = pool.run;
    close = pool.close;
    inFlight = 2 * run.workers;
  } else {
    const slicer = createMonitorSlicer(setup, run.compiled);
    evaluate = (q) => Promise.resolve(slicer(q));
  }
  let first = 0;
  async function* requests(): AsyncGenerator<MonitorRequest> {
    for await (const slice of slices(records, CHUNK_ROWS)) {
      const holdings: MonitorRequest['holdings'] = {};
      const previous: MonitorRequest['previous'] = {};
      for (const record of slice) {
        const id = idOf(record);
        if (id === undefined) continue;
        const held = run.holdings.get(id);
        if (held) {
          holdings[id] = held;
          run.holdings.delete(id);
        }
        const prev = run.previous?.get(id);
        if (prev) previous[id] = prev;
      }
      yield { records: slice, first, holdings, previous };
      first += slice.length;
    }
  }
  const parts: MonitorPart[] = [];
  try {
    for await (const part of inOrder(requests(), evaluate, inFlight)) {
      parts.push(part);
      run.progress?.(first);
    }
    return parts;
  } finally {
    await records.return(undefined);
    await close();
  }
}
