import type {
  ClassifyConfigSchema,
  Pack,
  RulesConfigSchema,
  ScoreConfigSchema,
} from '../../src/domain/index.ts';
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

const pack = loadStarterPack('eu-mifid2');
const band = (v: unknown) => Number(String(v).slice(1));
const match = (p: Pack) => matchConfig(p, 'matching');
const drop = (p: Pack, code: string) => dropPolicy(p, 'matching', code);
const setOnFail = (p: Pack, id: string, onFail: 'allowed' | 'warn' | 'prohibited') => {
  const d = match(p).dimensions.find((x) => x.id === id);
  if (d) d.onFail = onFail;
};
const has = (c: { result: { flags: string[] } }, f: string) => c.result.flags.includes(f);
const advised = (c: { input: { initiator?: string } }) => c.input.initiator === 'firm';
const SUB_BANDS = ['toleranceBand', 'capacityBand', 'objectivesBand', 'horizonBand'];

const properties: RegulationProperty[] = [
  {
    name: 'the final band never exceeds a sub-band, and equals their minimum unless a control lowered it',
    source: '2017/565 Art. 54(2); ESMA 2022: most prudent',
    check: ({ result }) => {
      const final = band(result.outputs['band']);
      const lowest = Math.min(...SUB_BANDS.map((k) => band(result.outputs[k])));
      if (final > lowest) return `band B${final} above B${lowest}`;
      return final < lowest && !has({ result }, 'controlCapped')
        ? 'lowered without a control'
        : undefined;
    },
    plant: (p) => {
      nodeConfig<z.infer<typeof ScoreConfigSchema>>(p, 'prudent').combine = 'max';
    },
  },
  {
    name: 'a client without capacity for loss is at the lowest band',
    source: '2017/565 Art. 54(2)(b)',
    check: ({ result }) =>
      has({ result }, 'noLossCapacity') && result.outputs['band'] !== 'B1'
        ? String(result.outputs['band'])
        : undefined,
    plant: (p) => {
      const c = nodeConfig<z.infer<typeof ClassifyConfigSchema>>(p, 'profile');
      c.caps = c.caps.filter((x) => x.reason.code !== 'no-loss-capacity');
    },
  },
  {
    name: 'advised: nothing above the SRI levels the band accepts is recommended',
    source: '2017/565 Art. 54(2)(a), 54(10)',
    check: (c) =>
      advised(c)
        ? offending(
            c.result,
            (id, v) =>
              v !== 'prohibited' &&
              !(c.result.outputs['acceptedSri'] as string[]).includes(
                pack.products.items.find((p) => p.id === id)?.risk ?? '',
              ),
          )
        : undefined,
    // The band x SRI matrix and the table that lists the accepted SRI levels disagree.
    plant: (p) => {
      const t = nodeConfig<{ rows: { id: string }[] }>(p, 'sriFit');
      t.rows = t.rows.filter((r) => r.id !== 'SRI2');
    },
  },
  {
    name: 'advised without full information: no recommendation at all',
    source: '2017/565 Art. 54(8)',
    check: (c) =>
      has(c, 'noRecommendation') ? offending(c.result, (_, v) => v !== 'prohibited') : undefined,
    plant: (p) => drop(p, 'insufficient-information'),
  },
  {
    name: 'non-advised: the firm warns, it never refuses',
    source: 'MiFID II Art. 25(3); 2017/565 Art. 56',
    check: (c) => (!advised(c) ? offending(c.result, (_, v) => v === 'prohibited') : undefined),
    plant: (p) => setOnFail(p, 'appropriateness', 'prohibited'),
  },
  {
    name: 'a professional client is presumed to have the knowledge and experience',
    source: '2017/565 Art. 54(3), 56(1)',
    check: (c) =>
      has(c, 'professional')
        ? offending(
            c.result,
            (_, __, p) =>
              p.checks['knowledge'] === 'fail' || p.checks['appropriateness'] === 'fail',
          )
        : undefined,
    plant: (p) => drop(p, 'professional-presumed-knowledge'),
  },
  {
    name: 'every advised recommendation comes with a suitability report',
    source: 'MiFID II Art. 25(6); 2017/565 Art. 54(12)',
    check: (c) =>
      advised(c)
        ? offending(
            c.result,
            (_, v, p) => v !== 'prohibited' && !p.flags.includes('suitabilityReport'),
          )
        : undefined,
    plant: (p) => drop(p, 'suitability-report'),
  },
  {
    name: 'every non-advised warning is recorded with whether the client proceeded',
    source: '2017/565 Art. 56(2)',
    check: (c) =>
      !advised(c)
        ? offending(c.result, (_, v, p) => v === 'warn' && !p.flags.includes('recordWarning'))
        : undefined,
    plant: (p) => drop(p, 'record-appropriateness-warning'),
  },
  {
    name: '"nothing suitable" exactly when an advised client with full information has no product left',
    source: '2017/565 Art. 54(10)',
    check: (c) => {
      const none = Object.values(c.result.products).every((p) => p.verdict === 'prohibited');
      const want = advised(c) && !has(c, 'noRecommendation') && none;
      return want === has(c, 'nothingSuitable') ? undefined : `nothingSuitable ${String(!want)}`;
    },
    // The rule forgets that an allowed product is something suitable.
    plant: (p) => {
      for (const r of nodeConfig<z.infer<typeof RulesConfigSchema>>(p, 'outcome').rules)
        if ('all' in r.conditions)
          r.conditions.all = r.conditions.all.filter(
            (c) => !('path' in c && c.path === '$.counts.allowed'),
          );
    },
  },
  {
    name: 'non-advised: a product outside the client type is never sold without a warning',
    source: 'MiFID II Art. 24(2); 2017/593 Art. 10',
    check: (c) =>
      !advised(c)
        ? offending(c.result, (id, v) => {
            const tm = pack.products.items.find((p) => p.id === id)?.attributes[
              'tmClientType'
            ] as string[];
            return v === 'allowed' && !tm.includes(c.input.facts?.['clientCategory'] as string);
          })
        : undefined,
    plant: (p) => setOnFail(p, 'clientTypeWarning', 'allowed'),
  },
  validityProperty(
    'reviewDueOn',
    'reviewOverdue',
    12,
    '2017/565 Art. 54(13); one validity rule for every pack',
  ),
];

describeRegulation(pack, properties, { seed: 20180103 });
