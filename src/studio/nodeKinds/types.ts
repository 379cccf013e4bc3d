import type { ComponentType } from 'react';
import type { NodeKind, NodeOfKind, Pack } from '../../domain/index.ts';
import type { Messages } from '../i18n/index.tsx';
import type { InspectorProps } from '../inspectors/common/types.ts';

/** The body of a node on the canvas: what matters about it at a glance. */
export type NodeViewProps<K extends NodeKind> = { node: NodeOfKind<K> };

/**
 * The studio half of a node kind (the engine holds the other half). Adding a kind is adding one of
 * these to `index.ts`: palette, canvas and inspector panel read everything from here.
 */
export type NodeKindEntry<K extends NodeKind> = {
  kind: K;
  /** A short glyph shown in the palette and on the node header. */
  icon: string;
  /** Accent colour of the node header and palette item. */
  color: string;
  label: Messages<'name' | 'hint'>;
  NodeView: ComponentType<NodeViewProps<K>>;
  Inspector: ComponentType<InspectorProps<K>>;
  /** A configuration that makes sense in this pack, e.g. bands over the pack's client levels. */
  createDefault: (pack: Pack, id: string) => NodeOfKind<K>;
  /** Whether the node takes incoming / gives outgoing edges. */
  handles: { target: boolean; source: boolean };
};

export type NodeKindRegistry = { [K in NodeKind]: NodeKindEntry<K> };
