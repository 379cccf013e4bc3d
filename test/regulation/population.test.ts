import { describe, expect, it } from 'vitest';
import {
  compilePack,
  createPopulation,
  evaluate,
  EvaluationError,
} from '../../src/engine/index.ts';
import { generatorDefaults } from '../../src/studio/population/generatorDefaults.ts';
import { loadStarterPack, starterPackNames } from '../../src/testing/starterPackFiles.ts';

// Facts required of some clients only (`requiredWhen`) and the bank's age on the sale date must be
// in every generated client, or the studio's population runs would be mostly input errors.
describe('generated populations of the starter packs', () => {
  for (const name of starterPackNames)
    it(`${name}: the studio's default population evaluates without input errors`, () => {
      const pack = loadStarterPack(name);
      const compiled = compilePack(pack);
      const config = generatorDefaults(pack, '2026-06-01');
      const errors: string[] = [];
      for (const input of createPopulation(pack, config).take(500))
        try {
          evaluate(compiled, input, { rationale: false });
        } catch (e) {
          if (!(e instanceof EvaluationError)) throw e;
          errors.push(`${input.clientId}: ${e.code} ${e.path}`);
        }
      expect(errors.slice(0, 3)).toEqual([]);
    });
});
