import type { GraphNode, NodeKind, Pack, Scale } from '../../domain/index.ts';

export function scaleByRole(pack: Pack, role: Scale['role']): Scale | undefined {
  return pack.vocabulary.scales.find((s) => s.role === role);
}

export function clientLevelScale(pack: Pack): Scale | undefined {
  return scaleByRole(pack, 'clientLevel') ?? pack.vocabulary.scales[0];
}

export function productRiskScale(pack: Pack): Scale | undefined {
  return (
    pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale) ??
    scaleByRole(pack, 'productRisk')
  );
}

export function lastNodeOfKind<K extends NodeKind>(
  pack: Pack,
  kind: K,
): Extract<GraphNode, { kind: K }> | undefined {
  const found = pack.graph.nodes.filter((n) => n.kind === kind);
  return found[found.length - 1] as Extract<GraphNode, { kind: K }> | undefined;
}

/** A number in scope to start from: the last score, else the last questionnaire total, else a fact. */
export function defaultNumberRef(pack: Pack): string {
  const score = lastNodeOfKind(pack, 'score');
  if (score) return `${score.id}.value`;
  const questionnaire = lastNodeOfKind(pack, 'questionnaire');
  if (questionnaire) return `${questionnaire.id}.total`;
  const fact = pack.vocabulary.facts.find((f) => f.type === 'number');
  return fact?.id ?? 'answers';
}

/** `n` equal bands over [0, 100] for the levels of a scale, lowest first. */
export function evenBands(levels: string[], lo = 0, hi = 100) {
  const n = Math.max(levels.length, 1);
  const step = (hi - lo) / n;
  return levels.map((level, i) => ({
    level,
    min: i === 0 ? lo : Math.round(lo + step * i),
    max: i === n - 1 ? hi : Math.round(lo + step * (i + 1)) - 1,
  }));
}
