import type { Pack } from '../../domain/index.ts';
import type { XY } from './graphEdits.ts';

export type Size = { width: number; height: number };
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 120 };

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Keeps the document order among nodes of one layer, so that a layout is stable run after run.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Layered left-to-right positions for every node (elkjs), from the sizes the canvas measured. */
export async function layoutPositions(
  pack: Pack,
  sizes: ReadonlyMap<string, Size>,
): Promise<Map<string, XY>> {
  // elkjs is large: it loads on the first auto-layout, not with the graph tab.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(pack.graph.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: pack.graph.nodes.map((n) => ({
      id: n.id,
      ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE),
    })),
    edges: pack.graph.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, XY>();
  for (const child of result.children ?? [])
    positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
