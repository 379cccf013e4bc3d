import type { ClassifyConfigSchema, Pack, RulesConfigSchema } from '../../src/domain/index.ts';
import { loadStarterPack } from '../../src/testing/starterPackFiles.ts';
import type { z } from 'zod';
import {
  describeRegulation,
  dropPolicy,
  matchConfig,
  nodeConfig,
  offending,
  validityProperty,
  type RegulationProperty,
} from './harness.ts';

const pack = loadStarterPack('cn-bank-wealth');
const risk = (id: string) => Number(pack.products.items.find((p) => p.id === id)?.risk.slice(2));
const level = (v: unknown) => Number(String(v).slice(1));
const match = (p: Pack) => matchConfig(p, 'matching');
const drop = (p: Pack, code: string) => dropPolicy(p, 'matching', code);
const has = (c: { result: { flags: string[] } }, f: string) => c.result.flags.includes(f);
const blocksAll = (flag: string, code: string, source: string): RegulationProperty => ({
  name: `a client flagged ${flag} buys nothing`,
  source,
  check: ({ result }) =>
    has({ result }, flag) ? offending(result, (_, v) => v !== 'prohibited') : undefined,
  plant: (p) => drop(p, code),
});

const properties: RegulationProperty[] = [
  {
    name: 'a client may buy only products at or below their level',
    source: 'WM Measures 2018; sales rules 2011',
    check: ({ result }) =>
      offending(result, (id, v) => v !== 'prohibited' && risk(id) > level(result.outputs['level'])),
    plant: (p) => {
      const cells = (
        match(p).dimensions.find((d) => d.id === 'riskLevel') as {
          cells: Record<string, Record<string, string>>;
        }
      ).cells;
      (cells['C2'] as Record<string, string>)['PR3'] = 'warn';
    },
  },
  blocksAll('reassessmentDue', 'assessment-expired', 'sales rules 2011: assessment valid 1 year'),
  blocksAll('incomplete', 'assessment-incomplete', 'firm practice'),
  blocksAll(
    'notInPerson',
    'first-assessment-not-in-person',
    'sales rules 2011: first assessment at a branch',
  ),
  blocksAll('notSigned', 'result-not-signed', 'sales rules 2011: client signs the result'),
  {
    name: 'special care follows the age on the sale date: 65 or older, and only then',
    source: 'fully consider the age of clients 65 or older',
    check: ({ input, result }) =>
      Number(input.facts?.['age']) >= 65 === has({ result }, 'seniorCare')
        ? undefined
        : `age ${String(input.facts?.['age'])}`,
    plant: (p) => {
      // The defect the pack once had: the age answered at the assessment.
      const r = nodeConfig<z.infer<typeof RulesConfigSchema>>(p, 'checks').rules.find(
        (x) => x.name === 'seniorClient',
      );
      if (r)
        r.conditions = {
          all: [{ fact: 'answers', path: '$.Q1', operator: 'greaterThanInclusive', value: 65 }],
        };
    },
  },
  {
    name: 'every sale to a client 65 or older takes the extra confirmation',
    source: 'fully consider the age of clients 65 or older',
    check: ({ result }) =>
      has({ result }, 'seniorCare')
        ? offending(
            result,
            (_, v, p) => v !== 'prohibited' && !p.flags.includes('seniorConfirmation'),
          )
        : undefined,
    plant: (p) => drop(p, 'senior-extra-confirmation'),
  },
  {
    name: 'every sale is recorded on audio and video',
    source: 'WM Measures 2018: dual recording',
    check: ({ result }) =>
      offending(result, (_, v, p) => v !== 'prohibited' && !p.flags.includes('dualRecording')),
    plant: (p) => drop(p, 'dual-recording'),
  },
  {
    name: 'a client who cannot accept any loss is at the lowest level',
    source: 'firm practice (no loss tolerance caps at C1)',
    check: ({ result }) =>
      has({ result }, 'noLossTolerance') && result.outputs['level'] !== 'C1'
        ? String(result.outputs['level'])
        : undefined,
    plant: (p) => {
      nodeConfig<z.infer<typeof ClassifyConfigSchema>>(p, 'classification').caps = [];
    },
  },
  {
    name: 'a term longer than the horizon warns, it never prohibits by itself',
    source: 'firm practice (term vs horizon)',
    check: ({ result }) =>
      offending(
        result,
        (_, v, p) =>
          p.checks['horizon'] === 'fail' &&
          p.checks['riskLevel'] === 'pass' &&
          p.reasons.length > 0 &&
          v === 'prohibited' &&
          !p.reasons.some(
            (r) =>
              r.code !== 'term-exceeds-horizon' &&
              r.code !== 'dual-recording' &&
              r.code !== 'senior-extra-confirmation',
          ),
      ),
    plant: (p) => {
      const d = match(p).dimensions.find((x) => x.id === 'horizon');
      if (d) d.onFail = 'prohibited';
    },
  },
  validityProperty(
    'expiresOn',
    'reassessmentDue',
    12,
    'sales rules 2011: 1 year; Civil Code Arts. 201-203',
  ),
];

describeRegulation(pack, properties, { seed: 20180901 });
