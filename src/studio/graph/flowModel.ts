import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, Pack } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { nodeIdOfPath, type XY } from './graphEdits.ts';

export type NodeProblems = { errors: Problem[]; warnings: Problem[] };
/** One node's part in a simulation: its output in a few words and what fired in it. */
export type NodeTraceMark = { summary: string; fired: readonly string[]; error?: boolean };
/** The nodes on a simulation's path, with their marks; the canvas dims every other node. */
export type GraphHighlight = ReadonlyMap<string, NodeTraceMark>;
export type PackNodeData = { node: GraphNode; problems: NodeProblems; trace?: NodeTraceMark };
export type PackFlowNode = Node<PackNodeData, 'pack'>;
export type PackFlowEdge = Edge;

/** What the canvas knows that the pack does not: sizes measured by React Flow, positions mid-drag. */
export type Transient = {
  measured: ReadonlyMap<string, { width: number; height: number }>;
  dragging: ReadonlyMap<string, XY>;
};

const NO_PROBLEMS: NodeProblems = { errors: [], warnings: [] };

/** Problems by node id: the problem's own nodeId, else the node its JSON path points into. */
export function problemsByNode(
  pack: Pack,
  problems: readonly Problem[],
): Map<string, NodeProblems> {
  const out = new Map<string, NodeProblems>();
  for (const p of problems) {
    const id = p.nodeId ?? nodeIdOfPath(pack, p.path);
    if (!id || p.severity === 'info') continue;
    const entry = out.get(id) ?? { errors: [], warnings: [] };
    (p.severity === 'error' ? entry.errors : entry.warnings).push(p);
    out.set(id, entry);
  }
  return out;
}

function sameProblems(a: NodeProblems, b: NodeProblems): boolean {
  const key = (x: NodeProblems) =>
    [...x.errors, ...x.warnings]
      .map((p) => `${p.severity}|${p.code}|${p.path}|${p.message.en}`)
      .join('\n');
  return a === b || key(a) === key(b);
}

type CacheEntry = { inputs: unknown[]; node: PackFlowNode; problems: NodeProblems };

/**
 * Keeps one React Flow node object per pack node for as long as nothing it shows changes, so that
 * React Flow skips untouched nodes: an edit, a drag frame or a validation pass re-renders only the
 * nodes it concerns, which keeps a graph of hundreds of nodes smooth.
 */
export class FlowNodeCache {
  private entries = new Map<string, CacheEntry>();

  build(
    pack: Pack,
    problems: ReadonlyMap<string, NodeProblems>,
    selection: string | null,
    transient: Transient,
  ): PackFlowNode[] {
    const next = new Map<string, CacheEntry>();
    const nodes = pack.graph.nodes.map((node) => {
      const nodeProblems = problems.get(node.id) ?? NO_PROBLEMS;
      const measured = transient.measured.get(node.id);
      const position = transient.dragging.get(node.id) ?? node.position;
      const selected = node.id === selection;
      const inputs = [node, selected, measured, position];
      const old = this.entries.get(node.id);
      const reuse =
        old &&
        old.inputs.every((v, i) => v === inputs[i]) &&
        sameProblems(old.problems, nodeProblems);
      const entry: CacheEntry = reuse
        ? old
        : {
            inputs,
            problems: nodeProblems,
            node: {
              id: node.id,
              type: 'pack',
              position,
              selected,
              data: { node, problems: nodeProblems },
              ...(measured ? { measured } : {}),
            },
          };
      next.set(node.id, entry);
      return entry.node;
    });
    this.entries = next;
    return nodes;
  }
}

/** Edge objects keyed by the pack's edge objects, which changes leave identical when untouched. */
export class FlowEdgeCache {
  private entries = new Map<GraphEdge, { selected: boolean; edge: PackFlowEdge }>();

  build(pack: Pack, selectedEdges: ReadonlySet<string>): PackFlowEdge[] {
    const next = new Map<GraphEdge, { selected: boolean; edge: PackFlowEdge }>();
    const edges = pack.graph.edges.map((e) => {
      const selected = selectedEdges.has(e.id);
      const old = this.entries.get(e);
      const entry =
        old && old.selected === selected
          ? old
          : { selected, edge: { id: e.id, source: e.source, target: e.target, selected } };
      next.set(e, entry);
      return entry.edge;
    });
    this.entries = next;
    return edges;
  }
}

/** Nodes lit or dimmed by a highlight; the same list when there is none. */
export function highlightNodes(nodes: PackFlowNode[], highlight?: GraphHighlight): PackFlowNode[] {
  if (!highlight) return nodes;
  return nodes.map((n) => {
    const trace = highlight.get(n.id);
    if (!trace) return { ...n, className: 'trace-dim' };
    const className = trace.error ? 'trace-lit trace-error' : 'trace-lit';
    return { ...n, className, data: { ...n.data, trace } };
  });
}

/** Edges between two lit nodes are lit (and animated), the others dimmed. */
export function highlightEdges(edges: PackFlowEdge[], highlight?: GraphHighlight): PackFlowEdge[] {
  if (!highlight) return edges;
  return edges.map((e) => {
    const lit = highlight.has(e.source) && highlight.has(e.target);
    return { ...e, className: lit ? 'trace-lit' : 'trace-dim', animated: lit };
  });
}
