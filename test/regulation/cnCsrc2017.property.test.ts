import type { Pack, RulesConfigSchema } from '../../src/domain/index.ts';
import { loadStarterPack } from '../../src/testing/starterPackFiles.ts';
import type { z } from 'zod';
import {
  describeRegulation,
  dropPolicy,
  matchConfig,
  nodeConfig,
  offending,
  type RegulationProperty,
} from './harness.ts';

type Rules = z.infer<typeof RulesConfigSchema>;

const pack = loadStarterPack('cn-csrc-2017');
const risk = (id: string) => Number(pack.products.items.find((p) => p.id === id)?.risk.slice(1));
const level = (v: unknown) => Number(String(v).slice(1));
const product = (id: string) => pack.products.items.find((p) => p.id === id);
const match = (p: Pack) => matchConfig(p, 'match');
const rules = (p: Pack, id: string) => nodeConfig<Rules>(p, id).rules;
const policy = (p: Pack, code: string) => {
  const found = match(p).policies.find((x) => x.reason.code === code);
  if (!found) throw new Error(code);
  return found;
};
const drop = (p: Pack, code: string) => dropPolicy(p, 'match', code);
const flagged = (c: { result: { flags: string[] } }, f: string) => c.result.flags.includes(f);
const ordinary = (c: { result: { flags: string[] } }) => !flagged(c, 'professional');
const blocked = (c: { result: { flags: string[] } }) =>
  flagged(c, 'reassessmentDue') || (ordinary(c) && flagged(c, 'assessmentIncomplete'));
const INSTITUTIONS = new Set(
  rules(pack, 'professionalTest')
    .slice(0, 3)
    .flatMap((r) =>
      'all' in r.conditions ? ((r.conditions.all[0] as { value: string[] }).value ?? []) : [],
    ),
);

const properties: RegulationProperty[] = [
  {
    name: 'an ordinary investor is never silently allowed above their level',
    source: 'Arts. 19, 22(3)',
    check: ({ result }) =>
      ordinary({ result })
        ? offending(result, (id, v) => v === 'allowed' && risk(id) > level(result.outputs['level']))
        : undefined,
    plant: (p) => {
      const cells = (
        match(p).dimensions.find((d) => d.id === 'risk') as {
          cells: Record<string, Record<string, string>>;
        }
      ).cells;
      (cells['C2'] as Record<string, string>)['R3'] = 'allowed';
    },
  },
  {
    name: 'a firm-initiated mismatch of an ordinary investor is always prohibited',
    source: 'Art. 22(3)(4)',
    check: ({ input, result }) =>
      input.initiator === 'firm' && ordinary({ result })
        ? offending(
            result,
            (_, v, p) =>
              v !== 'prohibited' &&
              ['risk', 'horizon', 'variety'].some((d) => p.checks[d] === 'fail'),
          )
        : undefined,
    plant: (p) => drop(p, 'firm-initiated'),
  },
  {
    name: 'a lowest-category investor never gets a product above R1',
    source: 'Art. 22(5)',
    check: ({ result }) =>
      flagged({ result }, 'lowestCategory')
        ? offending(result, (id, v) => risk(id) > 1 && v !== 'prohibited')
        : undefined,
    plant: (p) => drop(p, 'lowest-category'),
  },
  {
    name: 'a lowest-category investor is not prohibited an R1 product for horizon or variety alone on their own initiative',
    source: 'Art. 22(5) bars only risk above tolerance',
    check: ({ input, result }) =>
      flagged({ result }, 'lowestCategory') && input.initiator !== 'firm' && !blocked({ result })
        ? offending(
            result,
            (id, v) =>
              risk(id) === 1 &&
              v === 'prohibited' &&
              !product(id)?.attributes['professionalOnly'] &&
              !product(id)?.attributes['institutionalOnly'],
          )
        : undefined,
    plant: (p) => {
      policy(p, 'lowest-category-objectives').enabled = true;
    },
  },
  {
    name: 'an expired profile, or an ordinary investor with an incomplete questionnaire, buys nothing',
    source: 'Art. 21; firm practice',
    check: ({ result }) =>
      blocked({ result }) ? offending(result, (_, v) => v !== 'prohibited') : undefined,
    plant: (p) => drop(p, 'reassess'),
  },
  {
    name: 'every R4/R5 sale to an ordinary investor, matched or not, carries the enhanced procedure, and no other does',
    source: 'Art. 20',
    check: ({ result }) =>
      offending(result, (id, v, p) => {
        const due = ordinary({ result }) && v !== 'prohibited' && risk(id) >= 4;
        return due !== p.flags.includes('enhancedProcedure');
      }),
    plant: (p) => {
      const x = policy(p, 'enhanced-procedure');
      if (x.kind === 'flag') x.verdicts = ['warn'];
    },
  },
  {
    name: 'the lowest category and professional status never go together; no full civil capacity is always the lowest category',
    source: 'SAC guideline; Art. 22(5)',
    check: ({ input, result }) => {
      if (flagged({ result }, 'lowestCategory') && flagged({ result }, 'professional'))
        return 'both';
      const natural = input.facts?.['investorType'] === 'natural-person';
      if (
        natural &&
        input.facts?.['fullCivilCapacity'] === false &&
        !flagged({ result }, 'lowestCategory')
      )
        return 'not lowest without capacity';
      return undefined;
    },
    plant: (p) => {
      const r = rules(p, 'investorClass').find((x) => x.name === 'professional');
      if (r)
        r.conditions = {
          any: ['classA', 'classB', 'classC'].map((f) => ({
            fact: 'professionalTest',
            path: `$.${f}`,
            operator: 'equal' as const,
            value: true,
          })),
        };
    },
  },
  {
    name: 'raising financial assets, income or net assets never removes professional status',
    source: 'Arts. 8(4)(5), 12 (thresholds are minimums)',
    check: ({ input, result }, again) => {
      if (!flagged({ result }, 'professional')) return undefined;
      const facts = { ...input.facts };
      for (const k of ['financialAssets', 'avgAnnualIncome3y', 'netAssets'])
        facts[k] = (typeof facts[k] === 'number' ? (facts[k] as number) : 0) + 1_000_000;
      return again({ ...input, facts }).flags.includes('professional')
        ? undefined
        : 'lost on raising assets';
    },
    plant: (p) => {
      const r = rules(p, 'professionalTest').find((x) => x.name === 'art8Item5');
      if (r && 'all' in r.conditions)
        r.conditions.all.push({ fact: 'financialAssets', operator: 'lessThan', value: 20_000_000 });
      const c = rules(p, 'professionalTest').find((x) => x.name === 'art12NaturalPerson');
      if (c && 'all' in c.conditions)
        c.conditions.all.push({ fact: 'financialAssets', operator: 'lessThan', value: 20_000_000 });
    },
  },
  {
    name: 'entry requirements bind professionals too: professional-only products need a professional, institutional-only ones an institution',
    source: 'Art. 22(1)',
    check: ({ input, result }) =>
      offending(result, (id, v) => {
        const attrs = product(id)?.attributes ?? {};
        if (v === 'prohibited') return false;
        if (attrs['professionalOnly'] && !flagged({ result }, 'professional')) return true;
        return (
          Boolean(attrs['institutionalOnly']) &&
          (!flagged({ result }, 'professional') ||
            input.facts?.['investorType'] === 'natural-person')
        );
      }),
    plant: (p) => {
      const d = match(p).dimensions.find((x) => x.id === 'entryProfessionalOnly');
      if (d) d.exemptable = true;
      const e = match(p).dimensions.find((x) => x.id === 'entryInstitutionalOnly');
      if (e) e.exemptable = true;
    },
  },
  {
    name: "every warned sale needs the special written warning and the investor's confirmation",
    source: 'Art. 19',
    check: ({ result }) =>
      offending(result, (_, v, p) => v === 'warn' && !p.flags.includes('riskWarningConfirmation')),
    plant: (p) => drop(p, 'risk-warning-confirmation'),
  },
  {
    name: 'a (4)/(5) or converted professional who gave written notice is ordinary; an institution stays professional',
    source: 'Arts. 8, 11, 12',
    check: ({ input, result }) => {
      const type = input.facts?.['investorType'];
      if (INSTITUTIONS.has(type as string))
        return flagged({ result }, 'professional') ||
          (typeof input.facts?.['professionalExpiresOn'] === 'string' &&
            input.facts['professionalExpiresOn'] < input.evaluationDate)
          ? undefined
          : 'institution not professional';
      return input.facts?.['optedOutToOrdinary'] === true && flagged({ result }, 'professional')
        ? 'opted out but professional'
        : undefined;
    },
    plant: (p) => {
      for (const r of rules(p, 'professionalTest'))
        if (r.name === 'art12NaturalPerson' && 'all' in r.conditions)
          r.conditions.all = r.conditions.all.filter(
            (c) => !('not' in c && 'fact' in c.not && c.not.fact === 'optedOutToOrdinary'),
          );
    },
  },
  {
    name: 'the professional class is A for Art. 8(1)-(3) institutions, B or C for other professionals, none for ordinary investors',
    source: 'Art. 8; counter-system classes',
    check: ({ input, result }) => {
      const t = result.outputs['professionalType'];
      const pro = flagged({ result }, 'professional');
      if (!pro) return t === null ? undefined : `ordinary with class ${String(t)}`;
      const want = INSTITUTIONS.has(input.facts?.['investorType'] as string) ? ['A'] : ['B', 'C'];
      return want.includes(t as string) ? undefined : `class ${String(t)}`;
    },
    plant: (p) => {
      const r = rules(p, 'investorClass').find((x) => x.name === 'typeC');
      if (r?.event.type === 'set') r.event.params.value = 'A';
    },
  },
];

describeRegulation(pack, properties, { seed: 20170701 });
