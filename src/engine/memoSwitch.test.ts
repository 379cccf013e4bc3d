import { describe, expect, it } from 'vitest';
import { diverseClients } from '../testing/diversePopulation.ts';
import { loadStarterPack, starterPackNames } from '../testing/starterPackFiles.ts';
import { compilePack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import { EvaluationError } from './types.ts';
import type { EvaluationInput } from '../domain/index.ts';

describe.each(starterPackNames)('compilePack(%s, { memo: false })', (file) => {
  it('gives the verdicts of the memo, client by client', () => {
    const pack = loadStarterPack(file);
    const on = compilePack(pack);
    const off = compilePack(pack, { memo: false });
    const run = (c: ReturnType<typeof compilePack>, x: EvaluationInput) => {
      try {
        return evaluate(c, x, { rationale: false });
      } catch (e) {
        if (e instanceof EvaluationError) return e.code;
        throw e;
      }
    };
    // Each client twice: the second meets the remembered outcome when the memo is on.
    const clients = diverseClients(pack, 5, 1_000) as EvaluationInput[];
    for (const x of [...clients, ...clients]) expect(run(off, x)).toEqual(run(on, x));
  });
});
