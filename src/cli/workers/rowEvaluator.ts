import { evaluate, EvaluationError, type CompiledPack } from '../../engine/index.ts';
import { csvWriter, evaluationProblem, jsonlRow } from '../formats.ts';
import { planColumns, recordToInput, type ColumnPlan } from '../inputColumns.ts';
import { jsonlItem, toInput, type InputItem } from '../readers.ts';
import { fastCsvInput } from './fastInput.ts';
import type { ChunkOutcome, RawRecord, WorkerSetup } from './protocol.ts';

/**
 * Turns records into output text the way `suitability evaluate` does, for one thread: the same
 * conversion, the same evaluation options, the same row format and the same problems, so that the
 * output does not depend on how many workers ran.
 */
export function createRowEvaluator(
  setup: WorkerSetup,
  compiled: CompiledPack,
  now: () => number,
): (records: readonly RawRecord[]) => ChunkOutcome {
  const csv = setup.format === 'csv' ? csvWriter(setup.pack) : undefined;
  const header = setup.header ?? [];
  let plans: ColumnPlan[] = [];
  if (setup.header) {
    const planned = planColumns(setup.pack, setup.header);
    if ('plans' in planned) plans = planned.plans;
  }
  // As the sequential reader's csvItem, with the schema parse skipped for plainly valid rows.
  const csvItem = (line: number, fields: string[]): InputItem => {
    const record = recordToInput(plans, header, fields);
    if ('error' in record) return { line, error: record.error };
    return fastCsvInput(line, record.input, setup.date) ?? toInput(line, record.input, setup.date);
  };
  const itemOf = (r: RawRecord): InputItem =>
    r.kind === 'item'
      ? r.item
      : r.kind === 'csv'
        ? csvItem(r.line, r.fields)
        : jsonlItem(r.line, r.text, setup.date);
  const options = { trace: setup.trace, now, locale: setup.lang, rationale: !csv };

  return (records) => {
    const rows: string[] = [];
    const problems: ChunkOutcome['problems'] = [];
    for (const record of records) {
      const item = itemOf(record);
      if ('error' in item) {
        problems.push({ line: item.line, clientId: item.clientId, problem: item.error });
        continue;
      }
      try {
        // CSV has no column for the rationale: it is not built.
        const result = evaluate(compiled, item.input, options);
        rows.push(csv ? csv.row(item.input, result) : jsonlRow(item.input, result));
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        problems.push({
          line: item.line,
          clientId: item.input.clientId,
          problem: evaluationProblem(e),
        });
      }
    }
    return { text: rows.join(''), evaluated: rows.length, problems };
  };
}
