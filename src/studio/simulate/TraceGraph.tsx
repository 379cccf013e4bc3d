import { useCallback, useRef } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { NodeKind, Pack, PackChange } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { GraphCanvas } from '../graph/GraphCanvas.tsx';
import type { GraphHighlight } from '../graph/flowModel.ts';
import type { XY } from '../graph/graphEdits.ts';
import { PackStoreProvider } from '../graph/packStore.tsx';
import { useGraphActions } from '../graph/useGraphActions.ts';

type Props = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  problems: Problem[];
  highlight: GraphHighlight | undefined;
  selection: string | null;
  onSelect: (nodeId: string | null) => void;
};

/** The decision graph with a simulation's trace lit up; clicking a node opens its input / output. */
export function TraceGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <PackStoreProvider pack={props.pack}>
        <Canvas {...props} />
      </PackStoreProvider>
    </ReactFlowProvider>
  );
}

function Canvas({ pack, dispatch, problems, highlight, selection, onSelect }: Props) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const { addNode, autoLayout } = useGraphActions({ pack, dispatch, onSelect, canvasRef });
  const onAddNode = useCallback((kind: NodeKind, at?: XY) => void addNode(kind, at), [addNode]);
  return (
    <div className="sim-canvas" ref={canvasRef} data-testid="trace-graph">
      <GraphCanvas
        pack={pack}
        dispatch={dispatch}
        problems={problems}
        selection={selection}
        onSelect={onSelect}
        onAddNode={onAddNode}
        onAutoLayout={() => void autoLayout()}
        highlight={highlight}
      />
    </div>
  );
}
