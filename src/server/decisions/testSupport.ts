import { readFileSync } from 'node:fs';
import type { EvaluationInputDraft } from '../../domain/index.ts';

/** The first sample client of a starter pack, as a channel would send it. */
export function starterSample(
  packId: string,
): EvaluationInputDraft & { facts: Record<string, unknown>; answers: Record<string, unknown> } {
  const pack = JSON.parse(readFileSync(`rule-packs/${packId}/pack.json`, 'utf8')) as {
    sampleClients: { input: EvaluationInputDraft }[];
  };
  const input = pack.sampleClients[0]!.input;
  return { ...input, facts: input.facts ?? {}, answers: input.answers ?? {} };
}
