import { describe, expect, it } from 'vitest';
import { MatchDimensionSchema, MatchPolicySchema, PackSchema } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import { newDimension, newPolicy } from './matchDefaults.ts';

const pack = PackSchema.parse(miniPack);

describe('new match parts', () => {
  it('every dimension kind starts valid, the matrix filled over the pack scales', () => {
    for (const kind of ['matrix', 'compare', 'contains', 'condition'] as const)
      expect(MatchDimensionSchema.safeParse(newDimension(kind, pack, 'd1')).success).toBe(true);
    const matrix = newDimension('matrix', pack, 'd1');
    expect(matrix.kind === 'matrix' && Object.keys(matrix.cells)).toEqual(['C1', 'C2', 'C3']);
  });

  it('every policy kind matches the schema', () => {
    for (const kind of ['blockAll', 'exempt', 'escalate', 'flag'] as const)
      expect(MatchPolicySchema.safeParse(newPolicy(kind, pack)).success).toBe(true);
    expect(newPolicy('flag', pack)).toMatchObject({ productRiskAtLeast: 'R2' });
  });
});
