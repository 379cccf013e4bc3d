import type { EvaluationInputDraft } from '../../domain/index.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';

type Sample = EvaluationInputDraft & {
  facts: Record<string, unknown>;
  answers: Record<string, unknown>;
};

/** The sample clients of a starter pack, as a channel would send them. */
export function starterSamples(packId: string): Sample[] {
  return (loadStarterPack(packId).sampleClients ?? []).map(({ input }) => ({
    ...input,
    facts: input.facts ?? {},
    answers: input.answers ?? {},
  }));
}

export const starterSample = (packId: string): Sample => starterSamples(packId)[0]!;
