import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind, Pack, PackChange } from '../../domain/index.ts';
import { kindEntry } from '../nodeKinds/index.ts';
import { layoutPositions, DEFAULT_NODE_SIZE, type Size } from './autoLayout.ts';
import { addNodeChange, freeSpot, moveChange, uniqueNodeId, type XY } from './graphEdits.ts';

type Options = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  onSelect: (nodeId: string | null) => void;
  /** The canvas element: a node added by click lands in the middle of what the user sees. */
  canvasRef: RefObject<HTMLElement | null>;
};

/** Graph actions that need React Flow's viewport: add where the user looks, lay out, center. */
export function useGraphActions({ pack, dispatch, onSelect, canvasRef }: Options) {
  const flow = useReactFlow();
  // Auto-layout is asynchronous: it must apply to the pack as it is when the layout finishes.
  const packRef = useRef(pack);
  useEffect(() => {
    packRef.current = pack;
  }, [pack]);

  const addNode = useCallback(
    (kind: NodeKind, at?: XY) => {
      const current = packRef.current;
      const entry = kindEntry(kind);
      const id = uniqueNodeId(current, kind);
      const center = at ?? viewportCenter(flow, canvasRef.current);
      const boxes = current.graph.nodes.map((n) => {
        const measured = flow.getInternalNode(n.id)?.measured;
        return {
          ...n.position,
          width: measured?.width ?? DEFAULT_NODE_SIZE.width,
          height: measured?.height ?? DEFAULT_NODE_SIZE.height,
        };
      });
      // A drop lands where the pointer is; a click finds room near the middle of the view.
      const corner = {
        x: center.x - DEFAULT_NODE_SIZE.width / 2,
        y: center.y - DEFAULT_NODE_SIZE.height / 2,
      };
      const position = at ? corner : freeSpot(boxes, corner, DEFAULT_NODE_SIZE);
      const node = { ...entry.createDefault(current, id), position };
      dispatch(addNodeChange(current, node));
      onSelect(id);
      return id;
    },
    [dispatch, flow, onSelect, canvasRef],
  );

  const centerNode = useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const w = node.measured.width ?? DEFAULT_NODE_SIZE.width;
      const h = node.measured.height ?? DEFAULT_NODE_SIZE.height;
      void flow.setCenter(x + w / 2, y + h / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      });
    },
    [flow],
  );

  const autoLayout = useCallback(async () => {
    const sizes = new Map<string, Size>();
    for (const n of packRef.current.graph.nodes) {
      const internal = flow.getInternalNode(n.id);
      if (internal?.measured.width && internal.measured.height)
        sizes.set(n.id, { width: internal.measured.width, height: internal.measured.height });
    }
    const positions = await layoutPositions(packRef.current, sizes);
    const change = moveChange(packRef.current, positions, 'auto-layout');
    if (change) dispatch(change);
    // The new positions reach React Flow after the store and React have rendered: fit once they have.
    const [id, target] = [...positions][0] ?? [];
    let frames = 0;
    const fitWhenPlaced = () => {
      const placed = id && target ? flow.getNode(id)?.position : undefined;
      const done =
        !placed ||
        !target ||
        (Math.round(target.x) === placed.x && Math.round(target.y) === placed.y);
      if (done || ++frames > 30) void flow.fitView({ duration: 300, padding: 0.1 });
      else requestAnimationFrame(fitWhenPlaced);
    };
    requestAnimationFrame(fitWhenPlaced);
  }, [dispatch, flow]);

  return { addNode, centerNode, autoLayout };
}

function viewportCenter(flow: ReturnType<typeof useReactFlow>, el: HTMLElement | null): XY {
  const rect = el?.getBoundingClientRect();
  if (!rect) return { x: 0, y: 0 };
  return flow.screenToFlowPosition({
    x: rect.left + rect.width / 2,
    y: rect.top + rect.height / 2,
  });
}
