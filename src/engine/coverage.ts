import type { GraphNode, NodeOfKind, Pack } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import type { ProductVerdict, NodeTrace } from './types.ts';

/** The parts of a pack that tests can exercise. */
export const COVERAGE_KINDS = [
  'band',
  'limit',
  'knockout',
  'rule',
  'row',
  'cell',
  'policy',
] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export type CoverageItem = {
  kind: CoverageKind;
  /** The graph node the item belongs to. */
  nodeId: string;
  /**
   * Identifies the item within its node: a band's level, `cap:0` / `floor:1`, a knock-out
   * `Q15=A`, a rule name, a table row id, a matrix cell `risk:C2xR3`, a policy `blockAll:0`.
   */
  key: string;
  /** JSON path of the item in the pack, e.g. `$.graph.nodes[5].config.bands[2]`. */
  path: string;
  /** Ids of the test cases that exercised it, in run order. */
  tests: string[];
  /**
   * A matrix cell whose product risk no catalogue product has: no client can reach it, so it is
   * left out of the totals rather than counted as a gap.
   */
  unreachable?: boolean;
};

export type CoverageTotals = { covered: number; total: number };

export type Coverage = {
  items: CoverageItem[];
  byKind: Record<CoverageKind, CoverageTotals>;
  covered: number;
  total: number;
  /** How many runs had a trace (cases that expect an error do not). */
  runs: number;
};

/** One evaluated test case: its id and the trace of `evaluate(..., { trace: true })`. */
export type CoverageRun = { testId: string; trace: readonly NodeTrace[] };

type Hit = (trace: NodeTrace) => string[];
type Collector = { items: CoverageItem[]; hit: Hit };

const isTrue = (v: unknown) => v === true;

function item(kind: CoverageKind, nodeId: string, key: string, path: string): CoverageItem {
  return { kind, nodeId, key, path, tests: [] };
}

function classifyItems(node: NodeOfKind<'classify'>, base: string): Collector {
  const c = node.config;
  const items = [
    ...c.bands.map((b, i) =>
      item('band', node.id, `${i}:${b.level}`, `${base}.config.bands[${i}]`),
    ),
    ...c.caps.map((_, i) => item('limit', node.id, `cap:${i}`, `${base}.config.caps[${i}]`)),
    ...c.floors.map((_, i) => item('limit', node.id, `floor:${i}`, `${base}.config.floors[${i}]`)),
  ];
  return {
    items,
    hit(t) {
      // The band is found again from the score the node read: two bands may share a level.
      const x = t.input[c.input];
      const band = typeof x === 'number' ? c.bands.findIndex((b) => x >= b.min && x <= b.max) : -1;
      const keys = band >= 0 ? [`${band}:${c.bands[band]?.level}`] : [];
      c.caps.forEach((l, i) => isTrue(t.input[l.when]) && keys.push(`cap:${i}`));
      c.floors.forEach((l, i) => isTrue(t.input[l.when]) && keys.push(`floor:${i}`));
      return keys;
    },
  };
}

function questionnaireItems(node: NodeOfKind<'questionnaire'>, pack: Pack): Collector {
  const qi = pack.questionnaires.findIndex((q) => q.id === node.config.questionnaire);
  const items: CoverageItem[] = [];
  pack.questionnaires[qi]?.sections.forEach((s, si) =>
    s.questions.forEach((q, i) => {
      if (q.type === 'numeric') return;
      q.options.forEach((o, oi) => {
        if (o.knockout)
          items.push(
            item(
              'knockout',
              node.id,
              `${q.id}=${o.id}`,
              `$.questionnaires[${qi}].sections[${si}].questions[${i}].options[${oi}]`,
            ),
          );
      });
    }),
  );
  return { items, hit: (t) => t.fired };
}

function rulesItems(node: NodeOfKind<'rules'>, base: string): Collector {
  const items = node.config.rules.map((r, i) =>
    item('rule', node.id, r.name, `${base}.config.rules[${i}]`),
  );
  return { items, hit: (t) => t.fired };
}

function tableItems(node: NodeOfKind<'table'>, base: string): Collector {
  const items = node.config.rows.map((r, i) =>
    item('row', node.id, r.id, `${base}.config.rows[${i}]`),
  );
  return { items, hit: (t) => t.fired };
}

function matchItems(node: NodeOfKind<'match'>, base: string, pack: Pack): Collector {
  const risks = new Set(pack.products.items.map((p) => p.risk));
  const items: CoverageItem[] = [];
  const { dimensions, policies } = node.config;
  dimensions.forEach((d, di) => {
    if (d.kind !== 'matrix') return;
    for (const [level, row] of Object.entries(d.cells))
      for (const risk of Object.keys(row)) {
        const cell = item(
          'cell',
          node.id,
          `${d.id}:${level}x${risk}`,
          `${base}.config.dimensions[${di}].cells.${level}.${risk}`,
        );
        if (!risks.has(risk)) cell.unreachable = true;
        items.push(cell);
      }
  });
  policies.forEach((p, i) =>
    items.push(item('policy', node.id, `${p.kind}:${i}`, `${base}.config.policies[${i}]`)),
  );
  return {
    items,
    hit(t) {
      const products = (t.output as { products?: Record<string, ProductVerdict> }).products ?? {};
      const verdicts = pack.products.items.flatMap((p) => {
        const v = products[p.id];
        return v ? [{ risk: p.risk, v }] : [];
      });
      const keys = new Set<string>();
      // A cell counts only when its dimension was checked: an exempt client skips the matrix.
      for (const d of dimensions) {
        if (d.kind !== 'matrix') continue;
        const level = t.input[d.client];
        for (const { risk, v } of verdicts)
          if (v.checks[d.id] !== 'skipped') keys.add(`${d.id}:${String(level)}x${risk}`);
      }
      policies.forEach((p, i) => {
        if (p.when !== undefined && !isTrue(t.input[p.when])) return;
        const applied =
          p.kind === 'blockAll' || p.kind === 'exempt'
            ? true
            : p.kind === 'escalate'
              ? verdicts.some(({ v }) => v.reasons.some((r) => r.code === p.reason.code))
              : verdicts.some(({ v }) => v.flags.includes(p.flag));
        if (applied) keys.add(`${p.kind}:${i}`);
      });
      return [...keys];
    },
  };
}

function collectorOf(node: GraphNode, index: number, pack: Pack): Collector | undefined {
  const base = `$.graph.nodes[${index}]`;
  switch (node.kind) {
    case 'classify':
      return classifyItems(node, base);
    case 'questionnaire':
      return questionnaireItems(node, pack);
    case 'rules':
      return rulesItems(node, base);
    case 'table':
      return tableItems(node, base);
    case 'match':
      return matchItems(node, base, pack);
    default:
      return undefined;
  }
}

/**
 * Which bands, caps and floors, knock-outs, rules, table rows, matrix cells and match policies the
 * given runs exercise, and which none does. Pure: the runs carry the traces of evaluating each test
 * case with `{ trace: true }`.
 *
 * @example
 * const runs = pack.tests.map((t) => ({ testId: t.id, trace: evaluate(compiled, t.input, { trace: true }).trace ?? [] }));
 * const coverage = computeCoverage(compiled, runs);
 * coverage.items.filter((i) => i.tests.length === 0); // what no test reaches
 */
export function computeCoverage(compiled: CompiledPack, runs: readonly CoverageRun[]): Coverage {
  const { pack } = compiled;
  const collectors = new Map<string, Collector>();
  pack.graph.nodes.forEach((node, i) => {
    const c = collectorOf(node, i, pack);
    if (c) collectors.set(node.id, c);
  });
  for (const run of runs)
    for (const t of run.trace) {
      const c = collectors.get(t.nodeId);
      if (!c) continue;
      const hit = new Set(c.hit(t));
      for (const it of c.items)
        if (hit.has(it.key) && !it.tests.includes(run.testId)) it.tests.push(run.testId);
    }
  const items = [...collectors.values()].flatMap((c) => c.items);
  const byKind = Object.fromEntries(
    COVERAGE_KINDS.map((k) => [k, { covered: 0, total: 0 }]),
  ) as Record<CoverageKind, CoverageTotals>;
  for (const it of items) {
    if (it.unreachable) continue;
    byKind[it.kind].total++;
    if (it.tests.length > 0) byKind[it.kind].covered++;
  }
  const totals = Object.values(byKind);
  return {
    items,
    byKind,
    covered: totals.reduce((s, k) => s + k.covered, 0),
    total: totals.reduce((s, k) => s + k.total, 0),
    runs: runs.length,
  };
}
