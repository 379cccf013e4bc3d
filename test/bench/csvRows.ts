import { csvCell, type EvaluationInput, type Pack } from '../../src/domain/index.ts';
import { inputHeader } from '../../src/cli/inputColumns.ts';

/** CSV in the CLI's input layout (`facts.<id>`, `answers.<id>`, lists joined with `|`). */
export function inputCsv(pack: Pack) {
  const header = inputHeader(pack);
  const read = header.map((name) => {
    const [root, id] = name.split('.') as [string, string | undefined];
    return (input: EvaluationInput): unknown => {
      if (id === undefined) return (input as Record<string, unknown>)[root];
      return (input[root as 'facts' | 'answers'] as Record<string, unknown>)[id];
    };
  });
  return {
    header: `${header.map(csvCell).join(',')}\n`,
    row: (input: EvaluationInput) => `${read.map((r) => csvCell(r(input))).join(',')}\n`,
  };
}
