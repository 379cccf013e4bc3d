import { evaluate, EvaluationError, type CompiledPack } from '../../engine/index.ts';
import { csvWriter, evaluationProblem, jsonlRow } from '../formats.ts';
import { recordReader } from '../readers.ts';
import type { ChunkOutcome, RawRecord, WorkerSetup } from './protocol.ts';

/**
 * Turns records into output text for `suitability evaluate`, on one thread: a worker's or, with
 * `--workers 0`, the command's own. One conversion, one set of evaluation options, one row format
 * and one wording of problems, so that the output does not depend on how many workers ran.
 */
export function createRowEvaluator(
  setup: WorkerSetup,
  compiled: CompiledPack,
  now: () => number,
): (records: readonly RawRecord[]) => ChunkOutcome {
  const csv = setup.format === 'csv' ? csvWriter(setup.pack) : undefined;
  const itemOf = recordReader(setup.pack, setup.header, setup.date);
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
