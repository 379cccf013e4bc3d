import { expect, it } from 'vitest';
import { applyChange } from '../../domain/index.ts';
import { layoutPositions, DEFAULT_NODE_SIZE } from './autoLayout.ts';
import { moveChange } from './graphEdits.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';

it('lays the graph out left to right without overlaps, the same way every time', async () => {
  for (const id of ['cn-csrc-2017', 'cn-bank-wealth', 'eu-mifid2'] as const) {
    const pack = loadStarterPack(id);
    const positions = await layoutPositions(pack, new Map());
    expect(positions.size).toBe(pack.graph.nodes.length);
    for (const e of pack.graph.edges) {
      const s = positions.get(e.source);
      const t = positions.get(e.target);
      expect(s && t && s.x + DEFAULT_NODE_SIZE.width <= t.x, `${e.source} -> ${e.target}`).toBe(
        true,
      );
    }
    const boxes = [...positions.values()];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const apart =
          Math.abs(a.x - b.x) >= DEFAULT_NODE_SIZE.width ||
          Math.abs(a.y - b.y) >= DEFAULT_NODE_SIZE.height;
        expect(apart).toBe(true);
      }),
    );
    expect(await layoutPositions(pack, new Map())).toEqual(positions);
    const change = moveChange(pack, positions, 'auto-layout');
    if (change?.type === 'batch') expect(change.label).toBe('auto-layout');
    if (change) expect(applyChange(pack, change).graph.edges).toBe(pack.graph.edges);
  }
});
