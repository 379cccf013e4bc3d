import { describe, expect, it } from 'vitest';
import { orderGraph } from './graphOrder.ts';

const graph = (ids: string[], edges: [string, string][]) => ({
  nodes: ids.map((id) => ({ id })) as never,
  edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
});

describe('orderGraph', () => {
  it('orders topologically, keeping document order among independent nodes', () => {
    const r = orderGraph(
      graph(
        ['out', 'b', 'a', 'in'],
        [
          ['in', 'a'],
          ['in', 'b'],
          ['a', 'out'],
          ['b', 'out'],
        ],
      ),
    );
    expect(r.ok && r.order).toEqual(['in', 'b', 'a', 'out']);
    expect(r.ok && [...(r.ancestors.get('out') ?? [])].sort()).toEqual(['a', 'b', 'in']);
    expect(r.ok && [...(r.ancestors.get('a') ?? [])]).toEqual(['in']);
  });

  it('names a cycle, first node repeated', () => {
    const r = orderGraph(
      graph(
        ['in', 'a', 'b', 'c'],
        [
          ['in', 'a'],
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
      ),
    );
    expect(r).toEqual({ ok: false, cycle: ['a', 'b', 'c', 'a'] });
  });

  it('ignores edges to unknown nodes (validation reports them)', () => {
    const r = orderGraph(graph(['in'], [['in', 'ghost']]));
    expect(r.ok && r.order).toEqual(['in']);
  });
});
