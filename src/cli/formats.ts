import { csvLine, type EvaluationInput, type LocalizedText, type Pack } from '../domain/index.ts';
import type { EvaluationError, EvaluationResult } from '../engine/index.ts';

export type OutputFormat = 'jsonl' | 'csv';

/** One line of JSON per client: the client id, its date, and the whole result. */
export function jsonlRow(input: EvaluationInput, result: EvaluationResult): string {
  return `${JSON.stringify({ clientId: input.clientId ?? null, evaluationDate: input.evaluationDate, ...result })}\n`;
}

/** Why a client has no result, naming the JSON path once (most engine messages already do). */
export function evaluationProblem(e: EvaluationError): LocalizedText {
  const at = (text: string) => (text.includes(e.path) ? text : `${e.path}: ${text}`);
  return { 'zh-CN': at(e.localized['zh-CN']), en: at(e.localized.en) };
}

const csvRow = (fields: readonly unknown[]) => `${csvLine(fields)}\n`;

/** The value outputs of the pack's output node (flags go in one `flags` column). */
export function valueOutputs(pack: Pack): string[] {
  const names: string[] = [];
  for (const node of pack.graph.nodes)
    if (node.kind === 'output')
      for (const o of node.config.outputs)
        if (o.kind === 'value' && !names.includes(o.name)) names.push(o.name);
  return names;
}

/**
 * CSV output: clientId, each named output, the raised flags (joined with `|`), then one column per
 * catalogue product holding its verdict.
 */
export function csvWriter(pack: Pack): {
  header: string;
  row(input: EvaluationInput, result: EvaluationResult): string;
} {
  const outputs = valueOutputs(pack);
  const products = pack.products.items.map((p) => p.id);
  return {
    header: csvRow(['clientId', ...outputs, 'flags', ...products]),
    row: (input, result) =>
      csvRow([
        input.clientId,
        ...outputs.map((o) => result.outputs[o]),
        result.flags,
        ...products.map((p) => result.products[p]?.verdict),
      ]),
  };
}
