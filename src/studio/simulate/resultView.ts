import type { FactValue, LocalizedText, Pack, Verdict } from '../../domain/index.ts';
import type { EvaluationResult, ProductVerdict } from '../../engine/index.ts';

/** A named output with the label the output node gives it. */
export type OutputRow = { name: string; label?: LocalizedText; value: FactValue; flag: boolean };

/** The output node's declarations, by name (the first output node that declares a name wins). */
function outputDeclarations(pack: Pack) {
  const decl = new Map<string, { label?: LocalizedText; flag: boolean }>();
  for (const n of pack.graph.nodes)
    if (n.kind === 'output')
      for (const o of n.config.outputs)
        if (!decl.has(o.name))
          decl.set(o.name, { ...(o.label ? { label: o.label } : {}), flag: o.kind === 'flag' });
  return decl;
}

/** Values and flags in the order the output node declares them. */
export function outputRows(pack: Pack, result: EvaluationResult): OutputRow[] {
  const decl = outputDeclarations(pack);
  return Object.entries(result.outputs).map(([name, value]) => {
    const d = decl.get(name);
    return { name, value, flag: d?.flag ?? false, ...(d?.label ? { label: d.label } : {}) };
  });
}

/** The client's level and score, whatever the pack calls them. */
export type Headline = {
  level?: { name: string; value: string; index: number; of: number; label?: LocalizedText };
  score?: { name: string; value: FactValue };
};

/**
 * The level is the output named `level`, else the first value output that holds a level of the
 * pack's client-level scale; the score is the output named `score`.
 */
export function headline(pack: Pack, result: EvaluationResult): Headline {
  const scale = pack.vocabulary.scales.find((s) => s.role === 'clientLevel');
  const ids = scale?.levels.map((l) => l.id) ?? [];
  const rows = outputRows(pack, result).filter((r) => !r.flag);
  const named = rows.find((r) => r.name === 'level');
  const row = named ?? rows.find((r) => typeof r.value === 'string' && ids.includes(r.value));
  const out: Headline = {};
  if (row && typeof row.value === 'string') {
    const level = scale?.levels.find((l) => l.id === row.value);
    out.level = {
      name: row.name,
      value: row.value,
      index: ids.indexOf(row.value),
      of: ids.length,
      ...(level ? { label: level.label } : {}),
    };
  }
  const score = rows.find((r) => r.name === 'score');
  if (score) out.score = { name: score.name, value: score.value };
  return out;
}

export type ProductRow = { id: string; name: LocalizedText; risk: string; verdict: ProductVerdict };

export type VerdictFilter = Verdict | 'all';

/** Products with their verdicts, catalogue order, filtered by verdict and by a search text. */
export function productRows(
  pack: Pack,
  result: EvaluationResult,
  filter: VerdictFilter,
  search: string,
  locale: string,
): ProductRow[] {
  const needle = search.trim().toLowerCase();
  return pack.products.items.flatMap((p) => {
    const verdict = result.products[p.id];
    if (!verdict || (filter !== 'all' && verdict.verdict !== filter)) return [];
    const name = p.name[locale] ?? p.name.en;
    if (needle && !`${p.id} ${name} ${p.risk}`.toLowerCase().includes(needle)) return [];
    return [{ id: p.id, name: p.name, risk: p.risk, verdict }];
  });
}

export function verdictCounts(result: EvaluationResult): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { allowed: 0, warn: 0, prohibited: 0 };
  for (const v of Object.values(result.products)) counts[v.verdict]++;
  return counts;
}
