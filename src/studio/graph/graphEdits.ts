import type { GraphNode, LocalizedText, Pack, PackChange } from '../../domain/index.ts';
import { lt } from '../../domain/index.ts';

const NODES = ['graph', 'nodes'] as const;
const EDGES = ['graph', 'edges'] as const;

/** Names a node id may not take: they are scope roots already (facts, `answers`, `context`). */
function takenIds(pack: Pack): Set<string> {
  return new Set([
    ...pack.graph.nodes.map((n) => n.id),
    ...pack.vocabulary.facts.map((f) => f.id),
    'answers',
    'context',
    'product',
  ]);
}

/** `score`, then `score2`, `score3`...: the first id no node, fact or scope root uses. */
export function uniqueNodeId(pack: Pack, base: string): string {
  const taken = takenIds(pack);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export type XY = { x: number; y: number };

/** Positions are stored rounded: sub-pixel noise would only make diffs unreadable. */
function roundXY(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

export function addNodeChange(pack: Pack, node: GraphNode): PackChange {
  return {
    type: 'insert',
    path: NODES,
    index: pack.graph.nodes.length,
    value: { ...node, position: roundXY(node.position) },
  };
}

/** Whether `to` can be reached from `from` by following edges. */
export function reaches(pack: Pack, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of pack.graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

function uniqueEdgeId(pack: Pack, source: string, target: string): string {
  const taken = new Set(pack.graph.edges.map((e) => e.id));
  const base = `${source}-${target}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type ConnectResult =
  { ok: true; change: PackChange } | { ok: false; message: LocalizedText };

/** An edge from `source` to `target`, or why the graph cannot take it. */
export function connectChange(pack: Pack, source: string, target: string): ConnectResult {
  if (source === target)
    return { ok: false, message: lt('节点不能连接到自身', 'A node cannot be connected to itself') };
  if (pack.graph.edges.some((e) => e.source === source && e.target === target))
    return {
      ok: false,
      message: lt(`${source} 已连接到 ${target}`, `${source} is already connected to ${target}`),
    };
  if (reaches(pack, target, source))
    return {
      ok: false,
      message: lt(
        `连接 ${source} → ${target} 会形成环路：${target} 已经（间接）流向 ${source}`,
        `Connecting ${source} → ${target} would make a cycle: ${target} already flows into ${source}`,
      ),
    };
  return {
    ok: true,
    change: {
      type: 'insert',
      path: EDGES,
      index: pack.graph.edges.length,
      value: { id: uniqueEdgeId(pack, source, target), source, target },
    },
  };
}

/**
 * Removes nodes with every edge that touches them, and the given edges, as one undoable step.
 * Removals run from the highest index down so that each index is still right when it is applied.
 */
export function deleteChange(
  pack: Pack,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): PackChange | null {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  const edgeIndexes: number[] = [];
  pack.graph.edges.forEach((e, i) => {
    if (edges.has(e.id) || nodes.has(e.source) || nodes.has(e.target)) edgeIndexes.push(i);
  });
  const nodeIndexes: number[] = [];
  pack.graph.nodes.forEach((n, i) => nodes.has(n.id) && nodeIndexes.push(i));
  const changes: PackChange[] = [
    ...edgeIndexes.reverse().map((index): PackChange => ({ type: 'remove', path: EDGES, index })),
    ...nodeIndexes.reverse().map((index): PackChange => ({ type: 'remove', path: NODES, index })),
  ];
  if (changes.length === 0) return null;
  return { type: 'batch', changes, label: 'delete' };
}

/** New positions for nodes, as one step; nodes whose rounded position did not change are left out. */
export function moveChange(
  pack: Pack,
  moves: ReadonlyMap<string, XY>,
  label = 'move',
): PackChange | null {
  const changes: PackChange[] = [];
  pack.graph.nodes.forEach((node, index) => {
    const to = moves.get(node.id);
    if (!to) return;
    const p = roundXY(to);
    if (p.x === node.position.x && p.y === node.position.y) return;
    changes.push({ type: 'set', path: [...NODES, index, 'position'], value: p });
  });
  if (changes.length === 0) return null;
  return changes.length === 1 ? (changes[0] as PackChange) : { type: 'batch', changes, label };
}

/** The node a JSON path such as `$.graph.nodes[3].config.bands[1]` points into, if any. */
export function nodeIdOfPath(pack: Pack, path: string): string | undefined {
  const m = /^\$\.graph\.nodes\[(\d+)\]/.exec(path);
  return m ? pack.graph.nodes[Number(m[1])]?.id : undefined;
}

export type Box = XY & { width: number; height: number };

/**
 * The place nearest to `p` where a node of `size` overlaps no box (with `gap` around it), searched
 * ring by ring on a grid: a node added by click lands by the centre of the view, not on a node.
 */
export function freeSpot(
  boxes: readonly Box[],
  p: XY,
  size: { width: number; height: number },
  gap = 24,
): XY {
  const free = (q: XY) =>
    boxes.every(
      (b) =>
        q.x + size.width + gap <= b.x ||
        b.x + b.width + gap <= q.x ||
        q.y + size.height + gap <= b.y ||
        b.y + b.height + gap <= q.y,
    );
  const step = 40;
  for (let r = 0; r <= 40; r++) {
    const ring: XY[] = [];
    for (let i = -r; i <= r; i++)
      for (let j = -r; j <= r; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === r)
          ring.push({ x: p.x + i * step, y: p.y + j * step });
    ring.sort((a, b) => Math.hypot(a.x - p.x, a.y - p.y) - Math.hypot(b.x - p.x, b.y - p.y));
    const found = ring.find(free);
    if (found) return found;
  }
  return p;
}

/** A node's label or description (`undefined` clears a description). */
export function setNodeText(
  pack: Pack,
  nodeIndex: number,
  key: 'label' | 'description',
  value: LocalizedText | undefined,
): PackChange {
  const id = pack.graph.nodes[nodeIndex]?.id ?? String(nodeIndex);
  const text =
    key === 'label'
      ? lt(
          `节点 ${id} 改名为 ${value?.['zh-CN'] ?? ''}`,
          `renamed node ${id} to ${value?.en ?? ''}`,
        )
      : lt(`修改节点 ${id} 的说明`, `changed the description of node ${id}`);
  return {
    type: 'batch',
    label: `node ${key}`,
    text,
    changes: [{ type: 'set', path: [...NODES, nodeIndex, key], value }],
  };
}

/**
 * A pack merged from an import (DMN) taken over as one undoable step named after the file: the
 * merged facts, nodes and edges replace the pack's.
 */
export function mergeImportChange(merged: Pack, fileName: string): PackChange {
  return {
    type: 'batch',
    label: fileName,
    text: lt(`导入 ${fileName}`, `imported ${fileName}`),
    changes: [
      { type: 'set', path: ['vocabulary', 'facts'], value: merged.vocabulary.facts },
      { type: 'set', path: [...NODES], value: merged.graph.nodes },
      { type: 'set', path: [...EDGES], value: merged.graph.edges },
    ],
  };
}
