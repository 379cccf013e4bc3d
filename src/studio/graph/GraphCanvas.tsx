import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnBeforeDelete,
  type OnDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import './nodeViews/nodeViews.css';
import type { LocalizedText, NodeKind, Pack, PackChange } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { kindEntry, PALETTE_KINDS } from '../nodeKinds/index.ts';
import {
  FlowEdgeCache,
  FlowNodeCache,
  highlightEdges,
  highlightNodes,
  problemsByNode,
  type GraphHighlight,
  type PackFlowEdge,
  type PackFlowNode,
} from './flowModel.ts';
import { connectChange, deleteChange, moveChange, type XY } from './graphEdits.ts';
import { PackNode } from './PackNode.tsx';

export const NODE_KIND_MIME = 'application/x-suitability-node-kind';

const messages = defineMessages({
  'zh-CN': { layout: '自动布局', fit: '适应视图', dismiss: '关闭' },
  en: { layout: 'Auto-layout', fit: 'Fit view', dismiss: 'Dismiss' },
});

const NODE_TYPES = { pack: PackNode };
const DELETE_KEYS = ['Delete', 'Backspace'];

type Props = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  problems: Problem[];
  selection: string | null;
  onSelect: (nodeId: string | null) => void;
  onAddNode: (kind: NodeKind, at?: XY) => void;
  onAutoLayout: () => void;
  /** A simulation's trace: nodes on its path lit with their output, the others dimmed. */
  highlight?: GraphHighlight;
};

type Measured = Map<string, { width: number; height: number }>;

/**
 * The decision graph. React Flow's nodes and edges are derived from the pack; the only state kept
 * here is what the pack does not hold: measured sizes, positions while a drag is under way, and
 * which edges are selected. Every edit goes out as a pack change.
 */
export function GraphCanvas(props: Props) {
  const { pack, dispatch, problems, selection, onSelect, onAddNode, onAutoLayout, highlight } =
    props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const flow = useReactFlow();
  const [measured, setMeasured] = useState<Measured>(() => new Map());
  const [dragging, setDragging] = useState<Map<string, XY>>(() => new Map());
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(() => new Set());
  const [message, setMessage] = useState<LocalizedText | null>(null);
  const [nodeCache] = useState(() => new FlowNodeCache());
  const [edgeCache] = useState(() => new FlowEdgeCache());

  const byNode = useMemo(() => problemsByNode(pack, problems), [pack, problems]);
  const nodes = useMemo(
    () => nodeCache.build(pack, byNode, selection, { measured, dragging }),
    [nodeCache, pack, byNode, selection, measured, dragging],
  );
  const edges = useMemo(
    () => edgeCache.build(pack, selectedEdges),
    [edgeCache, pack, selectedEdges],
  );
  const shownNodes = useMemo(() => highlightNodes(nodes, highlight), [nodes, highlight]);
  const shownEdges = useMemo(() => highlightEdges(edges, highlight), [edges, highlight]);

  const onNodesChange = useCallback(
    (changes: NodeChange<PackFlowNode>[]) => {
      const sizes: [string, { width: number; height: number }][] = [];
      const moves: [string, XY][] = [];
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, c.dimensions]);
        else if (c.type === 'position' && c.position && c.dragging) moves.push([c.id, c.position]);
        else if (c.type === 'select' && c.selected) onSelect(c.id);
      }
      if (sizes.length > 0)
        setMeasured((prev) => {
          const changed = sizes.filter(([id, d]) => {
            const old = prev.get(id);
            return !old || old.width !== d.width || old.height !== d.height;
          });
          return changed.length === 0 ? prev : new Map([...prev, ...changed]);
        });
      if (moves.length > 0) setDragging((prev) => new Map([...prev, ...moves]));
    },
    [onSelect],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<PackFlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of selects)
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      return next;
    });
  }, []);

  // Positions are stored once, when the drag ends: undo then takes a move back in one step.
  const onNodeDragStop = useCallback(
    (_: unknown, __: PackFlowNode, dragged: PackFlowNode[]) => {
      const moves = new Map(dragged.map((n) => [n.id, n.position]));
      const change = moveChange(pack, moves);
      if (change) dispatch(change);
      setDragging(new Map());
    },
    [pack, dispatch],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const result = connectChange(pack, c.source, c.target);
      if (result.ok) {
        setMessage(null);
        dispatch(result.change);
      } else setMessage(result.message);
    },
    [pack, dispatch],
  );

  const onDelete: OnDelete<PackFlowNode, PackFlowEdge> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      const change = deleteChange(
        pack,
        gone.map((n) => n.id),
        goneEdges.map((e) => e.id),
      );
      if (change) dispatch(change);
      if (selection && gone.some((n) => n.id === selection)) onSelect(null);
      setSelectedEdges(new Set());
    },
    [pack, dispatch, selection, onSelect],
  );

  // React Flow listens for Delete on the whole document: a key pressed on a button or slider of the
  // inspector must not delete the selected node.
  const rootRef = useRef<HTMLDivElement>(null);
  const onBeforeDelete: OnBeforeDelete<PackFlowNode, PackFlowEdge> = useCallback(async () => {
    const active = document.activeElement;
    return !active || active === document.body || !!rootRef.current?.contains(active);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(NODE_KIND_MIME) as NodeKind;
      if (!PALETTE_KINDS.includes(kind)) return;
      e.preventDefault();
      onAddNode(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow, onAddNode],
  );

  const onPaneClick = useCallback(() => {
    onSelect(null);
    setSelectedEdges(new Set());
  }, [onSelect]);

  return (
    <div className="graph-canvas" ref={rootRef} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<PackFlowNode, PackFlowEdge>
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onBeforeDelete={onBeforeDelete}
        onDelete={onDelete}
        onPaneClick={onPaneClick}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        fitView
        minZoom={0.1}
        onlyRenderVisibleElements={pack.graph.nodes.length > 150}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => kindEntry((n as PackFlowNode).data.node.kind).color}
        />
        <Controls />
        <Panel position="top-right" className="graph-toolbar">
          <button type="button" onClick={onAutoLayout} data-action="auto-layout">
            {t('layout')}
          </button>
          <button type="button" onClick={() => void flow.fitView({ duration: 300, padding: 0.1 })}>
            {t('fit')}
          </button>
        </Panel>
        {message && (
          <Panel position="top-center">
            <div className="graph-toast" role="alert">
              {localize(message)}{' '}
              <button type="button" onClick={() => setMessage(null)} aria-label={t('dismiss')}>
                ×
              </button>
            </div>
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
