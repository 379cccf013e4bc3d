import { describe, expect, it } from 'vitest';
import { PackSchema, applyChange } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import { defaultCells, missingCells, nextVerdict, setCellChange } from './matrix.ts';

describe('matrix cells', () => {
  it('cycles allowed -> warn -> prohibited -> allowed', () => {
    expect(nextVerdict('allowed')).toBe('warn');
    expect(nextVerdict('warn')).toBe('prohibited');
    expect(nextVerdict('prohibited')).toBe('allowed');
    expect(nextVerdict(undefined)).toBe('allowed');
  });

  it('sets a cell in the pack, creating the row when it is missing', () => {
    const pack = PackSchema.parse(miniPack);
    const index = pack.graph.nodes.findIndex((n) => n.kind === 'match');
    const node = pack.graph.nodes[index];
    if (node?.kind !== 'match') throw new Error('mini pack has a match node');
    const d = node.config.dimensions.findIndex((x) => x.kind === 'matrix');
    const dim = node.config.dimensions[d];
    if (dim?.kind !== 'matrix') throw new Error('mini pack has a matrix');
    const path = ['graph', 'nodes', index, 'config', 'dimensions', d, 'cells'];
    const next = applyChange(pack, setCellChange(path, dim.cells, 'C1', 'R2', 'prohibited'));
    const after = next.graph.nodes[index];
    expect(
      after?.kind === 'match' &&
        after.config.dimensions[d]?.kind === 'matrix' &&
        (after.config.dimensions[d] as typeof dim).cells.C1?.R2,
    ).toBe('prohibited');
    const fresh = applyChange(pack, setCellChange(path, {}, 'C9', 'R1', 'warn'));
    const freshDim = (fresh.graph.nodes[index] as typeof node).config.dimensions[d] as typeof dim;
    expect(freshDim.cells.C9).toEqual({ R1: 'warn' });
  });

  it('a default matrix allows up to the client rank, warns one above, has no holes', () => {
    const cells = defaultCells(['C1', 'C2'], ['R1', 'R2', 'R3']);
    expect(cells).toEqual({
      C1: { R1: 'allowed', R2: 'warn', R3: 'prohibited' },
      C2: { R1: 'allowed', R2: 'allowed', R3: 'warn' },
    });
    expect(missingCells(cells, ['C1', 'C2', 'C3'], ['R1'])).toEqual(['C3×R1']);
  });
});
