import { describe, expect, it } from 'vitest';
import { parsePack, type EvaluationInput, type Pack, type Scenario } from '../../domain/index.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';
import { compilePack } from '../compilePack.ts';
import { ratingOnlyBaseline } from './ratingOnly.ts';
import {
  applyScenario,
  buildNotices,
  createMonitor,
  mergeMonitorParts,
  noticesHtml,
  windowEndOf,
  type Holding,
  type MonitorSetup,
  type PreviousResult,
} from './index.ts';

const csrc = (): Pack => {
  const r = parsePack(csrcText);
  if (!r.ok) throw new Error('csrc pack must parse');
  return r.pack;
};
const AS_OF = '2026-06-01';
const WINDOW_END = windowEndOf(AS_OF, '30d') as string;

/** A sample client of the pack, assessed on `assessmentDate`, with changed facts. */
function client(pack: Pack, id: string, change: Partial<EvaluationInput> = {}): EvaluationInput {
  const sample = pack.sampleClients.find((c) => c.id === id);
  if (!sample) throw new Error(`no sample client ${id}`);
  return {
    ...(sample.input as EvaluationInput),
    assessmentDate: '2026-01-10',
    evaluationDate: AS_OF,
    initiator: 'client',
    ...change,
  };
}

const equityUp: Scenario = {
  id: 'equity-up',
  name: { 'zh-CN': '权益基金上调一级', en: 'Equity funds one level up' },
  rerate: [{ select: { tags: ['fund', 'equity'] }, shift: 1 }],
};

function scenarioPack(pack: Pack, scenario = equityUp): Pack {
  const out = applyScenario(pack, scenario);
  if (!out.ok) throw new Error('scenario applies');
  return out.pack;
}

const held = (clientId: string, productId: string, amount: number, since: string): Holding => ({
  clientId,
  productId,
  amount,
  since,
});

const book = (holdings: Holding[]) => {
  const map = new Map<string, Holding[]>();
  for (const h of holdings) map.set(h.clientId, [...(map.get(h.clientId) ?? []), h]);
  return (id: string) => map.get(id);
};

function runBook(setup: Omit<MonitorSetup, 'asOf' | 'windowEnd'>, clients: EvaluationInput[]) {
  const monitor = createMonitor({ ...setup, asOf: AS_OF, windowEnd: WINDOW_END });
  clients.forEach((c, i) => monitor.add(c, i, i + 2));
  return mergeMonitorParts([monitor.part()], {
    asOf: AS_OF,
    windowEnd: WINDOW_END,
    ratingChanges: monitor.plan.ratingChanges,
  });
}

describe('applyScenario', () => {
  it('re-rates equity funds one level up on a copy, leaving the pack as it was', () => {
    const pack = csrc();
    const before = structuredClone(pack);
    const out = applyScenario(pack, equityUp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reratings).toEqual([
      { product: 'hybrid-fund', from: 'R3', to: 'R4' },
      { product: 'etf-csi300', from: 'R3', to: 'R4' },
      { product: 'equity-fund', from: 'R3', to: 'R4' },
    ]);
    expect(pack).toEqual(before);
    expect(out.pack.products.items.find((p) => p.id === 'equity-fund')?.risk).toBe('R4');
  });

  it('selects by id, variety and level, holds the scale end, and sets a level with `to`', () => {
    const out = applyScenario(csrc(), {
      ...equityUp,
      rerate: [
        { select: { risks: ['R5'], varieties: ['D'] }, shift: 2 },
        { select: { products: ['mmf'] }, to: 'R2' },
      ],
    });
    if (!out.ok) throw new Error('applies');
    expect(out.reratings).toEqual([{ product: 'mmf', from: 'R1', to: 'R2' }]);
  });

  it('names an unknown product or level with its path instead of selecting nothing', () => {
    const out = applyScenario(csrc(), {
      ...equityUp,
      rerate: [{ select: { products: ['nope'] }, to: 'R9' }],
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => p.path)).toEqual([
      '$.rerate[0].select.products[0]',
      '$.rerate[0].to',
    ]);
  });
});

describe('monitoring work lists', () => {
  it('(a) and (d): a re-rating changes the verdicts of a C3 client and lists every holder', () => {
    const pack = csrc();
    const next = scenarioPack(pack);
    const clients = [client(pack, 'expired-sun'), client(pack, 'young-professional-li')];
    const report = runBook(
      {
        current: compilePack(next),
        baseline: { kind: 'pack', compiled: compilePack(pack) },
        holdingsOf: book([
          held('expired-sun', 'equity-fund', 50_000, '2025-03-01'),
          held('young-professional-li', 'equity-fund', 20_000, '2025-01-01'),
        ]),
      },
      clients,
    );
    expect(report.changes.map((c) => c.clientId)).toEqual(['expired-sun']);
    const sun = report.changes[0];
    expect(sun?.products).toEqual([
      { product: 'hybrid-fund', from: 'allowed', to: 'warn' },
      { product: 'etf-csi300', from: 'allowed', to: 'warn' },
      { product: 'equity-fund', from: 'allowed', to: 'warn' },
    ]);
    expect(sun?.line).toBe(2);
    const words = sun?.reasons.map((r) => r.en).join(' ');
    expect(words).toContain('product equity-fund risk: R3 -> R4');
    expect(words).toContain('"Equity fund": allowed -> allowed with warning.');
    expect(sun?.reasons.some((r) => r['zh-CN'].includes('允许 -> 警示并确认后允许'))).toBe(true);
    expect(report.ratingChanges.map((r) => [r.product, r.holders, r.amount])).toEqual([
      ['hybrid-fund', 0, 0],
      ['etf-csi300', 0, 0],
      ['equity-fund', 2, 70_000],
    ]);
    expect(report.ratingHolders.map((h) => [h.clientId, h.verdictBefore, h.verdictAfter])).toEqual([
      ['expired-sun', 'allowed', 'warn'],
      ['young-professional-li', 'allowed', 'allowed'],
    ]);
  });

  it('(b): holdings no longer suitable, by product, by client and by amount', () => {
    const pack = csrc();
    const report = runBook(
      {
        current: compilePack(scenarioPack(pack)),
        baseline: { kind: 'pack', compiled: compilePack(pack) },
        holdingsOf: book([
          held('expired-sun', 'equity-fund', 50_000, '2025-03-01'),
          held('expired-sun', 'mmf', 9_000, '2025-03-01'),
          held('expired-sun', 'stock-connect', 10_000, '2024-03-01'),
          held('lowest-category-zhao', 'equity-fund', 80_000, '2024-01-01'),
        ]),
      },
      [client(pack, 'expired-sun'), client(pack, 'lowest-category-zhao')],
    );
    expect(
      report.unsuitable.map((u) => [
        u.clientId,
        u.productId,
        u.verdict,
        u.verdictBefore,
        u.newlyUnsuitable,
      ]),
    ).toEqual([
      ['expired-sun', 'equity-fund', 'warn', 'allowed', true],
      ['expired-sun', 'stock-connect', 'warn', 'warn', false],
      ['lowest-category-zhao', 'equity-fund', 'prohibited', 'prohibited', false],
    ]);
    expect(report.byProduct).toEqual([
      { product: 'equity-fund', holdings: 2, clients: 2, amount: 130_000 },
      { product: 'stock-connect', holdings: 1, clients: 1, amount: 10_000 },
    ]);
    expect(report.byClient.map((c) => [c.clientId, c.holdings, c.amount])).toEqual([
      ['lowest-category-zhao', 1, 80_000],
      ['expired-sun', 2, 60_000],
    ]);
    expect(report.holdingsSeen).toBe(4);
  });

  it('(a) from previous results: level and professional status, in words', () => {
    const pack = csrc();
    const previous: Record<string, PreviousResult> = {
      'young-professional-li': {
        outputs: { level: 'C3' },
        flags: ['professional'],
        verdicts: { 'stock-connect': 'warn' },
      },
    };
    const report = runBook(
      {
        current: compilePack(pack),
        baseline: { kind: 'results', lookup: (id) => previous[id] },
      },
      [client(pack, 'young-professional-li'), client(pack, 'aggressive-wu')],
    );
    expect(report.baselineMissing).toBe(1);
    const li = report.changes[0];
    expect(li).toMatchObject({
      clientId: 'young-professional-li',
      levelBefore: 'C3',
      levelAfter: 'C4',
      professionalBefore: true,
      professionalAfter: false,
      products: [{ product: 'stock-connect', from: 'warn', to: 'allowed' }],
    });
    expect(li?.reasons.map((r) => r.en)).toEqual([
      'Risk-tolerance level changed from "C3 Balanced" to "C4 Growth".',
      'No longer treated as a professional investor: ordinary-investor matching applies.',
      '"Southbound Stock Connect": allowed with warning -> allowed.',
    ]);
  });

  it('(c): assessments and professional status running out, and the age the pack names', () => {
    const pack = csrc();
    const previous: Record<string, PreviousResult> = {
      'retiree-wang': { outputs: { level: 'C2' }, flags: ['ordinary'], verdicts: {} },
      'converted-qian': { outputs: { level: 'C2' }, flags: ['professional'], verdicts: {} },
    };
    const report = runBook(
      { current: compilePack(pack), baseline: { kind: 'results', lookup: (id) => previous[id] } },
      [
        client(pack, 'expired-sun', { assessmentDate: '2024-05-15' }),
        client(pack, 'aggressive-wu', { assessmentDate: '2024-06-20' }),
        client(pack, 'professional-chen', {
          facts: {
            ...client(pack, 'professional-chen').facts,
            professionalExpiresOn: '2026-06-15',
          },
        }),
        client(pack, 'converted-qian', {
          facts: { ...client(pack, 'converted-qian').facts, professionalExpiresOn: '2026-05-01' },
        }),
        client(pack, 'retiree-wang'),
        client(pack, 'firm-initiated-zhou', {
          facts: { ...client(pack, 'firm-initiated-zhou').facts, age: 64 },
        }),
      ],
    );
    expect(
      report.expiring.map((e) => [e.clientId, e.kind, e.status, e.date ?? e.threshold]),
    ).toEqual([
      ['expired-sun', 'assessment', 'expired', '2026-05-15'],
      ['aggressive-wu', 'assessment', 'expiring', '2026-06-20'],
      ['professional-chen', 'professional', 'expiring', '2026-06-15'],
      ['converted-qian', 'professional', 'expired', '2026-05-01'],
      ['retiree-wang', 'age', 'crossed', 65],
      ['firm-initiated-zhou', 'age', 'within-a-year', 65],
    ]);
    expect(report.expiring[4]?.text.en).toBe(
      'Has reached 65 (Aged 65 or over: special care (firm practice, not a legal cap)).',
    );
  });

  it('merges parts of slices, in any order, into the report of one pass', () => {
    const pack = csrc();
    const clients = pack.sampleClients.map((c) => client(pack, c.id));
    const setup: MonitorSetup = {
      current: compilePack(scenarioPack(pack)),
      baseline: { kind: 'pack', compiled: compilePack(pack) },
      asOf: AS_OF,
      windowEnd: WINDOW_END,
      holdingsOf: (id) => [
        { clientId: id, productId: 'equity-fund', amount: id.length, since: '2025-01-01' },
      ],
    };
    const whole = createMonitor(setup);
    clients.forEach((c, i) => whole.add(c, i));
    const a = createMonitor(setup);
    const b = createMonitor(setup);
    clients.forEach((c, i) => (i < 4 ? a : b).add(c, i));
    const context = { asOf: AS_OF, windowEnd: WINDOW_END, ratingChanges: whole.plan.ratingChanges };
    expect(mergeMonitorParts([b.part(), a.part()], context)).toEqual(
      mergeMonitorParts([whole.part()], context),
    );
  });

  it('matches only the re-rated products of a previous version that differs in ratings alone', () => {
    const pack = csrc();
    const next = scenarioPack(pack);
    // A label is no evaluated content, but it keeps the shortcut off: the full comparison.
    const relabelled = structuredClone(pack);
    const node = relabelled.graph.nodes[0];
    if (node) node.label = { 'zh-CN': '输入', en: 'Input (relabelled)' };
    expect(ratingOnlyBaseline(pack, next)?.products).toEqual([
      'hybrid-fund',
      'etf-csi300',
      'equity-fund',
    ]);
    expect(ratingOnlyBaseline(relabelled, next)).toBeUndefined();
    const clients = pack.sampleClients.map((c) => client(pack, c.id));
    const holdingsOf = (id: string) => [held(id, 'equity-fund', 1, '2025-01-01')];
    const quick = runBook(
      {
        current: compilePack(next),
        baseline: { kind: 'pack', compiled: compilePack(pack) },
        holdingsOf,
      },
      clients,
    );
    const full = runBook(
      {
        current: compilePack(next),
        baseline: { kind: 'pack', compiled: compilePack(relabelled) },
        holdingsOf,
      },
      clients,
    );
    expect(quick.changes.length).toBeGreaterThan(0);
    expect(quick).toEqual(full);
  });

  it('lists a client the pack cannot evaluate as an error with its line', () => {
    const pack = csrc();
    const report = runBook({ current: compilePack(pack) }, [
      client(pack, 'expired-sun', { assessmentDate: '2026-07-01' }),
    ]);
    expect(report.errors).toMatchObject([{ clientId: 'expired-sun', index: 0, line: 2 }]);
  });
});

describe('Art. 21 notices', () => {
  it('tell a changed client and a holder what changed, naming version and hash, escaped', () => {
    const pack = csrc();
    const hostile = structuredClone(pack);
    const fund = hostile.products.items.find((p) => p.id === 'equity-fund');
    if (fund) fund.name = { 'zh-CN': '<script>alert(1)</script>', en: '<b>Fund</b> & "co"' };
    const report = runBook(
      {
        current: compilePack(scenarioPack(hostile)),
        baseline: { kind: 'pack', compiled: compilePack(hostile) },
        holdingsOf: book([
          held('expired-sun', 'equity-fund', 50_000, '2025-03-01'),
          held('young-professional-li', 'equity-fund', 1, '2025-03-01'),
        ]),
      },
      [client(hostile, 'expired-sun'), client(hostile, 'young-professional-li')],
    );
    const source = {
      packId: pack.id,
      title: pack.title,
      version: pack.version,
      hash: 'sha256:' + 'a'.repeat(64),
      scenario: equityUp.name,
    };
    const notices = buildNotices(report, hostile, source);
    expect(notices.map((n) => n.clientId)).toEqual(['expired-sun', 'young-professional-li']);
    expect(notices[1]?.ratings.map((r) => r.en)).toEqual(['product equity-fund risk: R3 -> R4']);
    const html = noticesHtml(notices, 'zh-CN');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`版本 ${pack.version}`);
    expect(html).toContain(source.hash);
    expect(html).toContain('第二十一条');
    expect(noticesHtml(notices, 'en')).toContain('&lt;b&gt;Fund&lt;/b&gt; &amp; &quot;co&quot;');
    expect(html.match(/<section class="notice"/g)).toHaveLength(2);
  });
});

describe('windowEndOf', () => {
  it('reads days, weeks, months and years', () => {
    expect(windowEndOf('2026-06-01', '30d')).toBe('2026-07-01');
    expect(windowEndOf('2026-06-01', '2w')).toBe('2026-06-15');
    expect(windowEndOf('2026-01-31', '1m')).toBe('2026-02-28');
    expect(windowEndOf('2024-02-29', '1y')).toBe('2025-02-28');
    expect(windowEndOf('2026-06-01', '30 days')).toBeUndefined();
  });
});
