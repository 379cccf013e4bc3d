import type { EvaluationInput, LocalizedText, Pack } from '../../domain/index.ts';
import type { CompiledPack } from '../compilePack.ts';
import { periodOver } from '../dates.ts';
import { evaluate } from '../evaluate.ts';
import { EvaluationError, type EvaluationResult } from '../types.ts';
import { ratingChangesOf, readPack, type PackReading } from './plan.ts';
import { ratingOnlyBaseline } from './ratingOnly.ts';
import type {
  ClientChange,
  ExpiryItem,
  Holding,
  MonitorError,
  MonitorPart,
  MonitorReport,
  PreviousResult,
  ProductChange,
  RatingChange,
  VerdictKey,
} from './types.ts';
import * as say from './wording.ts';

/** What the current result is compared with: the previous version on the same facts, or what it said then. */
export type Baseline =
  | { kind: 'pack'; compiled: CompiledPack }
  | { kind: 'results'; lookup: (clientId: string) => PreviousResult | undefined };

export type MonitorSetup = {
  /** The pack in force (with a scenario's ratings, when one runs). */
  current: CompiledPack;
  baseline?: Baseline;
  /** The pack whose product ratings count as "before" (default: the baseline pack). */
  ratingsBefore?: Pack;
  /** Every client is evaluated on this date. */
  asOf: string;
  /** Last day of the window (inclusive), e.g. from `windowEndOf(asOf, '30d')`. */
  windowEnd: string;
  holdingsOf?: (clientId: string) => readonly Holding[] | undefined;
};

type Snapshot = {
  level: string | null;
  professional: boolean | null;
  verdicts: Record<string, VerdictKey>;
  flags: readonly string[];
  result?: EvaluationResult | undefined;
};

/** What a run reads once from its packs; workers build their own from the same setup. */
export function planMonitor(setup: MonitorSetup) {
  const before =
    setup.ratingsBefore ??
    (setup.baseline?.kind === 'pack' ? setup.baseline.compiled.pack : undefined);
  const current = readPack(setup.current.pack);
  const base = setup.baseline?.kind === 'pack' ? readPack(setup.baseline.compiled.pack) : current;
  const ratingChanges: RatingChange[] = before ? ratingChangesOf(before, setup.current.pack) : [];
  const products = [
    ...new Set(
      [
        ...setup.current.pack.products.items,
        ...(setup.baseline?.kind === 'pack' ? setup.baseline.compiled.pack.products.items : []),
      ].map((p) => p.id),
    ),
  ];
  const quick =
    setup.baseline?.kind === 'pack'
      ? ratingOnlyBaseline(setup.baseline.compiled.pack, setup.current.pack)
      : undefined;
  return { current, base, ratingChanges, products, quick };
}

function snapshotOf(result: EvaluationResult, reading: PackReading, products: string[]): Snapshot {
  const verdicts: Record<string, VerdictKey> = {};
  for (const p of products) verdicts[p] = result.products[p]?.verdict ?? 'absent';
  const level = reading.levelOutput === undefined ? undefined : result.outputs[reading.levelOutput];
  return {
    level: level === undefined || level === null ? null : String(level),
    professional:
      reading.professionalFlag === undefined
        ? null
        : result.flags.includes(reading.professionalFlag),
    verdicts,
    flags: result.flags,
    result,
  };
}

function snapshotOfPrevious(prev: PreviousResult, reading: PackReading): Snapshot {
  const level = reading.levelOutput === undefined ? undefined : prev.outputs[reading.levelOutput];
  return {
    level: level === undefined || level === null ? null : String(level),
    professional:
      reading.professionalFlag === undefined ? null : prev.flags.includes(reading.professionalFlag),
    verdicts: prev.verdicts,
    flags: prev.flags,
  };
}

const verdictOf = (s: Snapshot, product: string): VerdictKey => s.verdicts[product] ?? 'absent';

/**
 * A streaming accumulator of the monitoring work lists: `add` one client at a time (each is
 * evaluated on the as-of date, and against the baseline), `part` returns what it found. Parts of
 * one book (one per worker, clients numbered by their place in the book) merge with
 * `mergeMonitorParts` into the report one pass would give.
 *
 * @example
 * const monitor = createMonitor({ current: compilePack(v2), baseline: { kind: 'pack', compiled: compilePack(v1) },
 *   asOf: '2026-06-01', windowEnd: windowEndOf('2026-06-01', '30d')!, holdingsOf: (id) => book.get(id) });
 * clients.forEach((c, i) => monitor.add(c, i));
 * const report = mergeMonitorParts([monitor.part()], monitor.plan);
 */
export function createMonitor(setup: MonitorSetup) {
  const plan = planMonitor(setup);
  const { current: reading, base: baseReading, products, quick } = plan;
  const rated = new Set(plan.ratingChanges.map((r) => r.product));
  const empty = (): MonitorPart => ({
    clients: 0,
    baselineMissing: 0,
    holdingsSeen: 0,
    errors: [],
    changes: [],
    unsuitable: [],
    byProduct: {},
    byClient: [],
    expiring: [],
    ratingHolders: [],
  });
  let part = empty();

  const run = (compiled: CompiledPack, input: EvaluationInput) =>
    evaluate(compiled, input, { rationale: false });

  /** The previous version's snapshot when only ratings changed: the current one, re-matched where they did. */
  function quickBaseline(input: EvaluationInput, now: Snapshot): Snapshot {
    if (!quick?.compiled) return { ...now, result: undefined };
    const lite = run(quick.compiled, input);
    const verdicts = { ...now.verdicts };
    for (const p of quick.products) verdicts[p] = lite.products[p]?.verdict ?? 'absent';
    return { level: now.level, professional: now.professional, verdicts, flags: now.flags };
  }

  function baselineOf(input: EvaluationInput, now: Snapshot): Snapshot | undefined {
    const b = setup.baseline;
    if (!b) return undefined;
    if (b.kind === 'results') {
      const prev = input.clientId === undefined ? undefined : b.lookup(input.clientId);
      return prev ? snapshotOfPrevious(prev, baseReading) : undefined;
    }
    try {
      if (quick) return quickBaseline(input, now);
      return snapshotOf(run(b.compiled, input), baseReading, products);
    } catch (e) {
      if (e instanceof EvaluationError) return undefined;
      throw e;
    }
  }

  function changeOf(
    clientId: string,
    index: number,
    line: number | undefined,
    now: Snapshot,
    before: Snapshot,
  ): ClientChange | undefined {
    const changed: ProductChange[] = [];
    for (const product of products) {
      const from = verdictOf(before, product);
      const to = verdictOf(now, product);
      // A product new to (or gone from) the catalogue is no change of a matching opinion.
      if (from !== to && from !== 'absent' && to !== 'absent') changed.push({ product, from, to });
    }
    const professionalMoved =
      now.professional !== null && before.professional !== null
        ? now.professional !== before.professional
        : false;
    if (now.level === before.level && !professionalMoved && changed.length === 0) return undefined;
    const reasons: LocalizedText[] = [];
    if (now.level !== before.level)
      reasons.push(
        say.levelChanged(
          say.labelOr(baseReading.levelLabels, before.level),
          say.labelOr(reading.levelLabels, now.level),
        ),
      );
    if (professionalMoved) reasons.push(say.professionalChanged(now.professional));
    for (const c of changed) {
      const name = reading.productNames.get(c.product) ?? { 'zh-CN': c.product, en: c.product };
      const rating = plan.ratingChanges.find((r) => r.product === c.product);
      if (rating) reasons.push(...rating.text);
      reasons.push(
        ...say.verdictChanged(name, c.from, c.to, now.result?.products[c.product]?.reasons ?? []),
      );
    }
    return {
      clientId,
      index,
      ...(line === undefined ? {} : { line }),
      levelBefore: before.level,
      levelAfter: now.level,
      professionalBefore: before.professional,
      professionalAfter: now.professional,
      products: changed,
      reasons,
    };
  }

  function holdings(clientId: string, index: number, now: Snapshot, before?: Snapshot) {
    const held = setup.holdingsOf?.(clientId);
    if (!held || held.length === 0) return;
    part.holdingsSeen += held.length;
    let count = 0;
    let amount = 0;
    const counted = new Set<string>();
    for (const h of held) {
      const verdict = verdictOf(now, h.productId);
      const verdictBefore = before ? verdictOf(before, h.productId) : null;
      if (rated.has(h.productId))
        part.ratingHolders.push({
          product: h.productId,
          clientId,
          index,
          amount: h.amount,
          verdictBefore,
          verdictAfter: verdict,
        });
      if (verdict === 'allowed') continue;
      part.unsuitable.push({
        ...h,
        index,
        verdict,
        verdictBefore,
        newlyUnsuitable: verdictBefore === 'allowed',
      });
      const exposure = (part.byProduct[h.productId] ??= {
        product: h.productId,
        holdings: 0,
        clients: 0,
        amount: 0,
      });
      exposure.holdings++;
      exposure.amount += h.amount;
      if (!counted.has(h.productId)) {
        counted.add(h.productId);
        exposure.clients++;
      }
      count++;
      amount += h.amount;
    }
    if (count > 0) part.byClient.push({ clientId, index, holdings: count, amount });
  }

  function expiries(
    input: EvaluationInput,
    clientId: string,
    index: number,
    now: Snapshot,
    before?: Snapshot,
  ) {
    const push = (item: Omit<ExpiryItem, 'clientId' | 'index'>) =>
      part.expiring.push({ clientId, index, ...item });
    const dateStatus = (date: string) =>
      periodOver(date, setup.asOf) ? 'expired' : date <= setup.windowEnd ? 'expiring' : undefined;
    // Reassessment is an ordinary investor's matter (Measures: an expired profile blocks purchases).
    if (now.professional !== true)
      for (const name of reading.assessmentExpiry) {
        const date = now.result?.outputs[name];
        if (typeof date !== 'string') continue;
        const status = dateStatus(date);
        if (status)
          push({ kind: 'assessment', status, date, text: say.assessmentExpiry(status, date) });
      }
    for (const fact of reading.professionalExpiry) {
      const date = input.facts[fact];
      if (typeof date !== 'string') continue;
      const status = dateStatus(date);
      // A lapse long past is no news: expired ones count only when the baseline still said professional.
      if (!status) continue;
      if (status === 'expiring' ? now.professional === true : before?.professional === true)
        push({ kind: 'professional', status, date, text: say.professionalExpiry(status, date) });
    }
    const age = reading.ageFact === undefined ? undefined : input.facts[reading.ageFact];
    const seen = new Set<string>();
    for (const t of reading.ageThresholds) {
      if (seen.has(`${t.flag}:${t.age}`)) continue;
      seen.add(`${t.flag}:${t.age}`);
      const flagged = now.flags.includes(t.flag);
      if (flagged && before && !before.flags.includes(t.flag))
        push({
          kind: 'age',
          status: 'crossed',
          threshold: t.age,
          text: say.ageReached('crossed', t.age, t.reason),
        });
      else if (!flagged && age === t.age - 1)
        push({
          kind: 'age',
          status: 'within-a-year',
          threshold: t.age,
          text: say.ageReached('within-a-year', t.age, t.reason),
        });
    }
  }

  return {
    plan,
    /** One client, numbered by its place in the whole book; `line` locates it in its file. */
    add(raw: EvaluationInput, index: number, line?: number): void {
      part.clients++;
      const input = { ...raw, evaluationDate: setup.asOf };
      const clientId = input.clientId ?? `#${index}`;
      let now: Snapshot;
      try {
        now = snapshotOf(run(setup.current, input), reading, products);
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        this.fail({
          clientId: input.clientId,
          index,
          ...(line === undefined ? {} : { line }),
          code: e.code,
          message: e.localized,
        });
        return;
      }
      const before = baselineOf(input, now);
      if (setup.baseline && !before) part.baselineMissing++;
      if (before) {
        const change = changeOf(clientId, index, line, now, before);
        if (change) part.changes.push(change);
      }
      holdings(clientId, index, now, before);
      expiries(input, clientId, index, now, before);
    },
    /** A client that could not be read or evaluated. */
    fail(error: MonitorError): void {
      part.errors.push(error);
    },
    part: (): MonitorPart => part,
    /** What was found since the last `take`, then a fresh start (a worker answers slice by slice). */
    take(): MonitorPart {
      const found = part;
      part = empty();
      return found;
    },
  };
}

const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;

/**
 * The report of a whole book from the parts of its slices, in any order: lists in book order,
 * exposures summed, products and clients by amount at stake (largest first).
 */
export function mergeMonitorParts(
  parts: readonly MonitorPart[],
  context: { asOf: string; windowEnd: string; ratingChanges: readonly RatingChange[] },
): MonitorReport {
  const byProduct = new Map<string, MonitorReport['byProduct'][number]>();
  for (const p of parts)
    for (const e of Object.values(p.byProduct)) {
      const into = byProduct.get(e.product);
      if (!into) byProduct.set(e.product, { ...e });
      else {
        into.holdings += e.holdings;
        into.clients += e.clients;
        into.amount += e.amount;
      }
    }
  const all = <K extends keyof MonitorPart>(key: K) =>
    parts.flatMap((p) => p[key] as unknown as { index: number }[]).sort(byIndex);
  const ratingHolders = all('ratingHolders') as MonitorReport['ratingHolders'];
  const ratingChanges = context.ratingChanges.map((r) => {
    const holders = ratingHolders.filter((h) => h.product === r.product);
    return {
      ...r,
      holders: new Set(holders.map((h) => h.clientId)).size,
      amount: holders.reduce((n, h) => n + h.amount, 0),
    };
  });
  const sum = (key: 'clients' | 'baselineMissing' | 'holdingsSeen') =>
    parts.reduce((n, p) => n + p[key], 0);
  return {
    asOf: context.asOf,
    windowEnd: context.windowEnd,
    clients: sum('clients'),
    baselineMissing: sum('baselineMissing'),
    holdingsSeen: sum('holdingsSeen'),
    errors: all('errors') as MonitorReport['errors'],
    changes: all('changes') as MonitorReport['changes'],
    unsuitable: all('unsuitable') as MonitorReport['unsuitable'],
    byProduct: [...byProduct.values()].sort(
      (a, b) => b.amount - a.amount || a.product.localeCompare(b.product),
    ),
    byClient: (all('byClient') as MonitorReport['byClient']).sort(
      (a, b) => b.amount - a.amount || a.index - b.index,
    ),
    expiring: all('expiring') as MonitorReport['expiring'],
    ratingHolders,
    ratingChanges,
  };
}
