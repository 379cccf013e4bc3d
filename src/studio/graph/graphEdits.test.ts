import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, invertChange, lt, type Pack } from '../../domain/index.ts';
import { orderGraph } from '../../engine/index.ts';
import {
  connectChange,
  deleteChange,
  freeSpot,
  mergeImportChange,
  moveChange,
  nodeIdOfPath,
  reaches,
  setNodeText,
} from './graphEdits.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';

const csrc = loadStarterPack('cn-csrc-2017');

describe('connectChange', () => {
  it('refuses an edge that closes a cycle, naming both nodes in both locales', () => {
    expect(reaches(csrc, 'input', 'output')).toBe(true);
    const result = connectChange(csrc, 'output', 'input');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.en).toContain('cycle');
    expect(result.message.en).toContain('output → input');
    expect(result.message['zh-CN']).toContain('环路');
  });

  it('refuses self-loops and duplicate edges', () => {
    expect(connectChange(csrc, 'risk', 'risk').ok).toBe(false);
    const existing = csrc.graph.edges[0];
    if (!existing) throw new Error('the CSRC pack has edges');
    expect(connectChange(csrc, existing.source, existing.target).ok).toBe(false);
  });

  it('appends a new edge with a unique id', () => {
    const result = connectChange(csrc, 'input', 'classify');
    if (!result.ok) throw new Error(result.message.en);
    const next = applyChange(csrc, result.change);
    expect(next.graph.edges).toHaveLength(csrc.graph.edges.length + 1);
    const ids = next.graph.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets any sequence of accepted connections make the graph cyclic', () => {
    const ids = csrc.graph.nodes.map((n) => n.id);
    const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), (pairs) => {
        let pack: Pack = csrc;
        for (const [s, t] of pairs) {
          const r = connectChange(pack, s, t);
          if (r.ok) pack = applyChange(pack, r.change);
        }
        expect(orderGraph(pack.graph).ok).toBe(true);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});

describe('deleteChange', () => {
  it('removes a node with every edge touching it, and undoes in one step', () => {
    const touching = csrc.graph.edges.filter(
      (e) => e.source === 'classify' || e.target === 'classify',
    );
    expect(touching.length).toBeGreaterThan(0);
    const change = deleteChange(csrc, ['classify'], []);
    if (!change) throw new Error('expected a change');
    expect(change.type).toBe('batch');
    const next = applyChange(csrc, change);
    expect(next.graph.nodes.map((n) => n.id)).not.toContain('classify');
    expect(next.graph.edges.some((e) => e.source === 'classify' || e.target === 'classify')).toBe(
      false,
    );
    expect(next.graph.edges).toHaveLength(csrc.graph.edges.length - touching.length);
    expect(applyChange(next, invertChange(csrc, change))).toEqual(csrc);
  });

  it('removes several nodes and edges whatever their order in the document', () => {
    const edge = csrc.graph.edges[csrc.graph.edges.length - 1];
    if (!edge) throw new Error('the CSRC pack has edges');
    const change = deleteChange(csrc, ['output', 'risk', 'input'], [edge.id]);
    if (!change) throw new Error('expected a change');
    const next = applyChange(csrc, change);
    expect(next.graph.nodes.map((n) => n.id)).toEqual(
      csrc.graph.nodes.map((n) => n.id).filter((id) => !['output', 'risk', 'input'].includes(id)),
    );
    expect(next.graph.edges.map((e) => e.id)).not.toContain(edge.id);
  });

  it('is null when there is nothing to delete', () => {
    expect(deleteChange(csrc, ['nope'], ['nope'])).toBeNull();
  });
});

describe('moveChange', () => {
  it('stores rounded positions of the nodes that moved, as one step', () => {
    const [a, b] = csrc.graph.nodes;
    if (!a || !b) throw new Error('two nodes');
    const change = moveChange(
      csrc,
      new Map([
        [a.id, { x: a.position.x + 10.4, y: a.position.y }],
        [b.id, { x: b.position.x, y: b.position.y - 20.6 }],
        ['ghost', { x: 1, y: 1 }],
      ]),
    );
    if (!change) throw new Error('expected a change');
    const next = applyChange(csrc, change);
    expect(next.graph.nodes[0]?.position).toEqual({ x: a.position.x + 10, y: a.position.y });
    expect(next.graph.nodes[1]?.position).toEqual({ x: b.position.x, y: b.position.y - 21 });
    expect(applyChange(next, invertChange(csrc, change))).toEqual(csrc);
  });

  it('is null when nothing moved', () => {
    const [a] = csrc.graph.nodes;
    if (!a) throw new Error('a node');
    expect(moveChange(csrc, new Map([[a.id, a.position]]))).toBeNull();
  });
});

it('finds the node a JSON path points into', () => {
  expect(nodeIdOfPath(csrc, '$.graph.nodes[5].config.bands[1].min')).toBe(csrc.graph.nodes[5]?.id);
  expect(nodeIdOfPath(csrc, '$.products.items[0]')).toBeUndefined();
  expect(nodeIdOfPath(csrc, '$.graph.nodes[999]')).toBeUndefined();
});

describe('freeSpot', () => {
  const size = { width: 100, height: 50 };
  it('keeps the wanted place when it is free', () => {
    expect(freeSpot([{ x: 500, y: 500, width: 100, height: 50 }], { x: 0, y: 0 }, size)).toEqual({
      x: 0,
      y: 0,
    });
  });
  it('finds the nearest place that overlaps no node', () => {
    const boxes = [
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 130, y: 0, width: 100, height: 50 },
    ];
    const spot = freeSpot(boxes, { x: 10, y: 0 }, size);
    for (const b of boxes) {
      const apart =
        spot.x + size.width <= b.x ||
        b.x + b.width <= spot.x ||
        spot.y + size.height <= b.y ||
        b.y + b.height <= spot.y;
      expect(apart).toBe(true);
    }
    expect(Math.hypot(spot.x - 10, spot.y)).toBeLessThanOrEqual(120);
  });
});

describe('node text and imports', () => {
  it('renames a node and clears its description as named, undoable steps', () => {
    const pack = loadStarterPack('cn-csrc-2017');
    const renamed = applyChange(pack, setNodeText(pack, 0, 'label', lt('入口', 'Entry')));
    expect(renamed.graph.nodes[0]?.label).toEqual(lt('入口', 'Entry'));
    const change = setNodeText(pack, 0, 'description', undefined);
    expect(change).toMatchObject({ label: 'node description' });
    const cleared = applyChange(pack, change);
    expect(cleared.graph.nodes[0]).not.toHaveProperty('description');
    expect(applyChange(cleared, invertChange(pack, change))).toEqual(pack);
  });

  it('takes a merged pack over in one step named after the file', () => {
    const pack = loadStarterPack('cn-csrc-2017');
    const merged = { ...pack, graph: { ...pack.graph, edges: [] } };
    const change = mergeImportChange(merged, 'model.dmn');
    expect(change).toMatchObject({ label: 'model.dmn', text: { en: 'imported model.dmn' } });
    expect(applyChange(pack, change).graph.edges).toEqual([]);
  });
});
