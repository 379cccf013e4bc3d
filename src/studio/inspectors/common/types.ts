import type { NodeKind, NodeOfKind, Pack, PackChange } from '../../../domain/index.ts';
import type { Problem } from '../../../engine/index.ts';

export type { Problem };

/** Every visual editor edits the pack only by dispatching changes: undo, autosave and replay follow. */
export type Dispatch = (change: PackChange) => void;

/**
 * What the inspector of one node kind receives. `nodeIndex` is the node's place in
 * `pack.graph.nodes`, so that changes can address `['graph', 'nodes', nodeIndex, 'config', ...]`.
 * `problems` are the pack's problems that belong to this node.
 */
export type InspectorProps<K extends NodeKind> = {
  pack: Pack;
  node: NodeOfKind<K>;
  nodeIndex: number;
  dispatch: Dispatch;
  problems: Problem[];
};

/** Editors of pack-wide parts that are not graph nodes, such as the product catalogue. */
export type PackPartInspectorProps = {
  pack: Pack;
  dispatch: Dispatch;
  problems: Problem[];
};
