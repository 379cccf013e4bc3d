import type { Pack } from '../../domain/index.ts';
import {
  compilePack,
  createMonitor,
  type CompiledPack,
  type Holding,
  type MonitorPart,
  type PreviousResult,
} from '../../engine/index.ts';
import { recordReader, type RawRecord } from '../readers.ts';

/**
 * `suitability monitor` on one thread (a worker's, or with `--workers 0` the command's): the
 * packs once, then each slice of records with the holdings and earlier results of its clients,
 * answered with the part of the work lists it found.
 */
export type MonitorWorkerSetup = {
  /** The pack in force, with the scenario's ratings when one runs. */
  pack: Pack;
  /** The previous version, compared on the same facts. */
  basePack?: Pack;
  /** Earlier results come with each slice. */
  previousResults: boolean;
  /** Whose product ratings count as "before" (the pack without the scenario). */
  ratingsBefore?: Pack;
  header?: string[];
  asOf: string;
  windowEnd: string;
};

export type MonitorRequest = {
  records: RawRecord[];
  /** Place in the book of the slice's first record. */
  first: number;
  holdings: Record<string, Holding[]>;
  previous: Record<string, PreviousResult>;
};

export function createMonitorSlicer(
  setup: MonitorWorkerSetup,
  compiled: { current: CompiledPack; base?: CompiledPack } = {
    current: compilePack(setup.pack),
    ...(setup.basePack ? { base: compilePack(setup.basePack) } : {}),
  },
): (request: MonitorRequest) => MonitorPart {
  let slice: MonitorRequest | undefined;
  const monitor = createMonitor({
    current: compiled.current,
    ...(compiled.base
      ? { baseline: { kind: 'pack' as const, compiled: compiled.base } }
      : setup.previousResults
        ? { baseline: { kind: 'results' as const, lookup: (id: string) => slice?.previous[id] } }
        : {}),
    ...(setup.ratingsBefore ? { ratingsBefore: setup.ratingsBefore } : {}),
    asOf: setup.asOf,
    windowEnd: setup.windowEnd,
    holdingsOf: (id) => slice?.holdings[id],
  });
  const itemOf = recordReader(setup.pack, setup.header, setup.asOf);
  return (request) => {
    slice = request;
    request.records.forEach((record, k) => {
      const index = request.first + k;
      const item = itemOf(record);
      if ('error' in item)
        monitor.fail({
          clientId: item.clientId,
          index,
          line: item.line,
          code: 'input',
          message: item.error,
        });
      else monitor.add(item.input, index, item.line);
    });
    slice = undefined;
    return monitor.take();
  };
}
