import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePack, type Pack } from '../../src/domain/index.ts';
import type { PopulationConfig } from '../../src/engine/population/population.ts';

/** The benchmark workload: the CSRC starter pack and a population that looks like a broker's. */
export const CSRC_PACK_PATH = fileURLToPath(
  new URL('../../rule-packs/cn-csrc-2017/pack.json', import.meta.url),
);

/** Generated inputs (git-ignored), reused between runs. */
export const LARGE = fileURLToPath(new URL('../fixtures/large', import.meta.url));

export function loadPackFile(path: string): Pack {
  const parsed = parsePack(JSON.parse(readFileSync(path, 'utf8')), path);
  if (!parsed.ok) throw new Error(`${path}: not a valid pack`);
  return parsed.pack;
}

export const loadCsrcPack = (): Pack => loadPackFile(CSRC_PACK_PATH);

/**
 * Mostly natural persons with full capacity; a few organisations and institutions; wealth and
 * income log-normal; some professional-status expiry dates in the past. Every fact is present or
 * absent as in real files, and every question is answered.
 */
export function csrcPopulationConfig(seed: number): PopulationConfig {
  return {
    seed,
    evaluationDate: '2026-06-01',
    facts: {
      age: { kind: 'normal', mean: 44, sd: 14 },
      fullCivilCapacity: { kind: 'boolean', p: 0.985 },
      refusesPrincipalLoss: { kind: 'boolean', p: 0.04 },
      investorType: {
        kind: 'choice',
        weights: {
          'natural-person': 90,
          organisation: 6,
          'fi-securities': 0.5,
          'fi-fund': 0.5,
          'fi-bank': 0.5,
          'prod-asset-management': 1,
          'prod-private-fund': 0.5,
          'fund-pension': 0.5,
          qfii: 0.5,
        },
      },
      financialAssets: { kind: 'logNormal', median: 400_000, sigma: 1.6 },
      netAssets: { kind: 'logNormal', median: 8_000_000, sigma: 1.5, missing: 0.9 },
      avgAnnualIncome3y: { kind: 'logNormal', median: 150_000, sigma: 0.9, missing: 0.1 },
      investmentExperienceYears: { kind: 'logNormal', median: 2.5, sigma: 1, missing: 0.05 },
      relevantWorkYears: { kind: 'logNormal', median: 1, sigma: 1.2, missing: 0.5 },
      seniorManagerOfFinancialInstitution: { kind: 'boolean', p: 0.01, missing: 0.3 },
      cpaOrLawyerInFinance: { kind: 'boolean', p: 0.01, missing: 0.3 },
      professionalExpiresOn: { kind: 'dateOffset', from: -400, to: 900, missing: 0.8 },
      optedOutToOrdinary: { kind: 'boolean', p: 0.05, missing: 0.5 },
      conversionApproved: { kind: 'boolean', p: 0.05, missing: 0.5 },
      badCreditRecord: { kind: 'boolean', p: 0.02, missing: 0.2 },
    },
  };
}
