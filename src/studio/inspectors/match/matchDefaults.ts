import { lt, type MatchDimension, type MatchPolicy, type Pack } from '../../../domain/index.ts';
import { defaultCells } from './matrix.ts';

type DimensionKind = MatchDimension['kind'];
type PolicyKind = MatchPolicy['kind'];

function scaleOfRole(pack: Pack, role: string) {
  return pack.vocabulary.scales.find((s) => s.role === role);
}

/** A new dimension of a kind, filled from the pack's scales so that it validates at once. */
export function newDimension(kind: DimensionKind, pack: Pack, id: string): MatchDimension {
  const base = {
    id,
    label: lt('新维度', 'New dimension'),
    onFail: 'warn' as const,
    exemptable: true,
    reason: {
      code: id,
      text: lt('产品与您的情况不匹配', 'The product does not match your profile'),
    },
  };
  const levels = scaleOfRole(pack, 'clientLevel');
  const risks = pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale);
  switch (kind) {
    case 'matrix':
      return {
        ...base,
        kind,
        client: 'classify.level',
        clientScale: levels?.id ?? pack.vocabulary.scales[0]?.id ?? 'levels',
        cells: defaultCells(
          levels?.levels.map((l) => l.id) ?? [],
          risks?.levels.map((r) => r.id) ?? [],
        ),
      };
    case 'compare':
      return {
        ...base,
        kind,
        client: 'horizon',
        scale:
          pack.products.horizonScale ??
          scaleOfRole(pack, 'horizon')?.id ??
          pack.vocabulary.scales[0]?.id ??
          'horizon',
        productField: 'horizon',
        rule: 'productAtMostClient',
        whenMissing: 'pass',
      };
    case 'contains':
      return {
        ...base,
        kind,
        client: 'variety',
        productField: 'variety',
        rule: 'productInClient',
        whenMissing: 'pass',
      };
    case 'condition':
      return { ...base, kind, when: { all: [] } };
  }
}

/** A new policy of a kind; `when` starts on a boolean the user then picks. */
export function newPolicy(kind: PolicyKind, pack: Pack): MatchPolicy {
  const reason = { code: kind, text: lt('', '') };
  const risks = pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale);
  switch (kind) {
    case 'blockAll':
      return { kind, when: 'context', verdict: 'prohibited', reason };
    case 'exempt':
      return { kind, when: 'context', reason };
    case 'escalate':
      return { kind, when: 'context', from: 'warn', to: 'prohibited', reason };
    case 'flag': {
      const top = risks?.levels.at(-2)?.id;
      return {
        kind,
        flag: 'enhancedProcedure',
        verdicts: ['warn'],
        ...(top ? { productRiskAtLeast: top } : {}),
        reason,
      };
    }
  }
}
