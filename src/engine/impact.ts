import { csvLine, type EvaluationInputDraft, type Pack } from '../domain/index.ts';
import type { CompiledPack } from './compilePack.ts';
import { evaluate } from './evaluate.ts';
import { EvaluationError, type EvaluationResult } from './types.ts';

/**
 * What a new pack version does to a population: who changes level, which product verdicts
 * change, client by client. Both versions evaluate every client; nothing is inferred from the
 * diff, so any change (a band, a matrix cell, a rule, a product's rating) shows up.
 */

/** Level key of a client whose evaluation failed, and of one with no level output. */
export const IMPACT_ERROR = 'error';
export const IMPACT_NONE = 'none';
/** Verdict key of a product that one version does not have in its catalogue. */
export const IMPACT_ABSENT = 'absent';

export type ProductChange = { product: string; from: string; to: string };

export type AffectedClient = {
  /** `clientId` of the input, else its position (`#12`). */
  id: string;
  index: number;
  levelA: string;
  levelB: string;
  changedProducts: ProductChange[];
  /** Error codes, when a version failed on this client. */
  errorA?: string;
  errorB?: string;
};

export type ImpactReport = {
  total: number;
  /** The output each version's level was read from (`undefined`: no level output found). */
  levelOutput: { a: string | undefined; b: string | undefined };
  /** Every level key seen, in scale order (version A's scale, then B's new levels), then keys. */
  levels: string[];
  /** from level (A) -> to level (B) -> number of clients, the unchanged diagonal included. */
  levelMatrix: Record<string, Record<string, number>>;
  /** product -> from verdict (A) -> to verdict (B) -> number of clients; changes only. */
  verdictChanges: Record<string, Record<string, Record<string, number>>>;
  /** Products of A's catalogue, then those only B has. */
  products: string[];
  /** Clients whose level, any verdict, or whether evaluation fails differs, in input order. */
  affected: AffectedClient[];
  errors: { a: number; b: number };
};

/**
 * The output holding the client's level: the one that reads what the product matrix reads, else
 * one that reads a classify node's level, else one named `level`.
 */
export function levelOutputOf(pack: Pack): string | undefined {
  const outputs = pack.graph.nodes.flatMap((n) =>
    n.kind === 'output' ? n.config.outputs.filter((o) => o.kind === 'value') : [],
  );
  for (const node of pack.graph.nodes)
    if (node.kind === 'match')
      for (const d of node.config.dimensions)
        if (d.kind === 'matrix') {
          const hit = outputs.find((o) => o.ref === d.client);
          if (hit) return hit.name;
        }
  const classify = new Set(pack.graph.nodes.filter((n) => n.kind === 'classify').map((n) => n.id));
  const byClassify = outputs.find((o) => {
    const [root, key, ...rest] = o.ref.split('.');
    return root !== undefined && classify.has(root) && key === 'level' && rest.length === 0;
  });
  return byClassify?.name ?? outputs.find((o) => o.name === 'level')?.name;
}

function levelScale(pack: Pack, output: string | undefined): string[] {
  const ref = pack.graph.nodes
    .flatMap((n) => (n.kind === 'output' ? n.config.outputs : []))
    .find((o) => o.name === output)?.ref;
  const root = ref?.split('.')[0];
  const node = pack.graph.nodes.find((n) => n.id === root);
  const scale = node?.kind === 'classify' ? node.config.scale : undefined;
  return pack.vocabulary.scales.find((s) => s.id === scale)?.levels.map((l) => l.id) ?? [];
}

type Outcome = { result: EvaluationResult } | { error: string };

function run(compiled: CompiledPack, input: EvaluationInputDraft): Outcome {
  try {
    return { result: evaluate(compiled, input, { rationale: false }) };
  } catch (e) {
    if (e instanceof EvaluationError) return { error: e.code };
    throw e;
  }
}

function levelKey(outcome: Outcome, output: string | undefined): string {
  if ('error' in outcome) return IMPACT_ERROR;
  const value = output === undefined ? undefined : outcome.result.outputs[output];
  return value === null || value === undefined ? IMPACT_NONE : String(value);
}

function verdictKey(outcome: Outcome, product: string): string {
  if ('error' in outcome) return IMPACT_ERROR;
  return outcome.result.products[product]?.verdict ?? IMPACT_ABSENT;
}

const bump = <K extends string>(record: Record<K, number>, key: K) => {
  record[key] = (record[key] ?? 0) + 1;
};

/**
 * Evaluates every input with both versions and counts what moved.
 *
 * @example
 * const report = analyzeImpact(compilePack(v1), compilePack(v2), clients);
 * report.levelMatrix.C3?.C2; // clients moved from C3 down to C2
 * report.verdictChanges.P012?.allowed?.prohibited; // clients who lost P012
 */
export function analyzeImpact(
  a: CompiledPack,
  b: CompiledPack,
  inputs: Iterable<EvaluationInputDraft>,
  options: { levelOutputA?: string; levelOutputB?: string; firstIndex?: number } = {},
): ImpactReport {
  const outA = options.levelOutputA ?? levelOutputOf(a.pack);
  const outB = options.levelOutputB ?? levelOutputOf(b.pack);
  const products = [
    ...new Set([...a.pack.products.items, ...b.pack.products.items].map((p) => p.id)),
  ];
  const levelMatrix: ImpactReport['levelMatrix'] = {};
  const verdictChanges: ImpactReport['verdictChanges'] = {};
  const affected: AffectedClient[] = [];
  const errors = { a: 0, b: 0 };
  // A slice of a larger population (a worker's chunk) numbers its clients from where it starts.
  const first = options.firstIndex ?? 0;
  let total = 0;
  for (const input of inputs) {
    const index = first + total++;
    const ra = run(a, input);
    const rb = run(b, input);
    const levelA = levelKey(ra, outA);
    const levelB = levelKey(rb, outB);
    bump((levelMatrix[levelA] ??= {}), levelB);
    const changedProducts: ProductChange[] = [];
    for (const product of products) {
      const from = verdictKey(ra, product);
      const to = verdictKey(rb, product);
      if (from === to) continue;
      changedProducts.push({ product, from, to });
      bump(((verdictChanges[product] ??= {})[from] ??= {}), to);
    }
    if ('error' in ra) errors.a++;
    if ('error' in rb) errors.b++;
    const errorA = 'error' in ra ? ra.error : undefined;
    const errorB = 'error' in rb ? rb.error : undefined;
    if (levelA !== levelB || changedProducts.length > 0 || errorA !== errorB)
      affected.push({
        id: input.clientId ?? `#${index}`,
        index,
        levelA,
        levelB,
        changedProducts,
        ...(errorA === undefined ? {} : { errorA }),
        ...(errorB === undefined ? {} : { errorB }),
      });
  }
  return {
    total,
    levelOutput: { a: outA, b: outB },
    levels: orderLevels(a.pack, b.pack, { a: outA, b: outB }, levelMatrix),
    levelMatrix,
    verdictChanges,
    products,
    affected,
    errors,
  };
}

/** Every level key of the matrix: on the scales in scale order (A's, then B's new ones), then the rest. */
function orderLevels(
  a: Pack,
  b: Pack,
  output: ImpactReport['levelOutput'],
  levelMatrix: ImpactReport['levelMatrix'],
): string[] {
  const seen = new Set(Object.entries(levelMatrix).flatMap(([k, to]) => [k, ...Object.keys(to)]));
  const ordered = [...new Set([...levelScale(a, output.a), ...levelScale(b, output.b)])];
  return [
    ...ordered.filter((l) => seen.has(l)),
    ...[...seen].filter((l) => !ordered.includes(l)).sort(),
  ];
}

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

/**
 * One report from the reports of slices of one population (each analysed with `firstIndex` at
 * its start, as a worker pool does), in any order: the same report one pass over it gives.
 *
 * @example
 * const parts = chunks.map((c) => analyzeImpact(a, b, c.clients, { firstIndex: c.offset }));
 * const report = mergeImpactReports(a.pack, b.pack, parts);
 */
export function mergeImpactReports(a: Pack, b: Pack, parts: readonly ImpactReport[]): ImpactReport {
  const levelMatrix: ImpactReport['levelMatrix'] = {};
  const verdictChanges: ImpactReport['verdictChanges'] = {};
  for (const part of parts) {
    for (const [from, row] of Object.entries(part.levelMatrix))
      addCounts((levelMatrix[from] ??= {}), row);
    for (const [product, froms] of Object.entries(part.verdictChanges))
      for (const [from, tos] of Object.entries(froms))
        addCounts(((verdictChanges[product] ??= {})[from] ??= {}), tos);
  }
  const levelOutput = parts[0]?.levelOutput ?? { a: levelOutputOf(a), b: levelOutputOf(b) };
  const products = [...new Set([...a.products.items, ...b.products.items].map((p) => p.id))];
  return {
    total: parts.reduce((n, p) => n + p.total, 0),
    levelOutput,
    levels: orderLevels(a, b, levelOutput, levelMatrix),
    levelMatrix,
    verdictChanges,
    products,
    affected: parts.flatMap((p) => p.affected).sort((x, y) => x.index - y.index),
    errors: {
      a: parts.reduce((n, p) => n + p.errors.a, 0),
      b: parts.reduce((n, p) => n + p.errors.b, 0),
    },
  };
}

export const IMPACT_CSV_COLUMNS = [
  'clientId',
  'levelA',
  'levelB',
  'changedProducts',
  'changes',
  'errorA',
  'errorB',
] as const;

/** The affected clients as CSV: one line each, changes as `P01: allowed -> prohibited; ...`. */
export function impactToCsv(report: ImpactReport): string {
  const rows = report.affected.map((c) =>
    csvLine([
      c.id,
      c.levelA,
      c.levelB,
      c.changedProducts.length,
      c.changedProducts.map((p) => `${p.product}: ${p.from} -> ${p.to}`).join('; '),
      c.errorA ?? '',
      c.errorB ?? '',
    ]),
  );
  return `${[IMPACT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
