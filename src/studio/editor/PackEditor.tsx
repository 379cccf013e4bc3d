import { useCallback, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { NodeKind, Pack, PackChange } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { GraphCanvas } from '../graph/GraphCanvas.tsx';
import { PackStoreProvider } from '../graph/packStore.tsx';
import { useGraphActions } from '../graph/useGraphActions.ts';
import type { XY } from '../graph/graphEdits.ts';
import { NodePalette } from './NodePalette.tsx';
import { DmnImportButton } from './DmnImportButton.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import './editor.css';
import '../inspectors/common/inspector.css';

export type PackEditorProps = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  problems: Problem[];
  selection: string | null;
  onSelect: (nodeId: string | null) => void;
};

/** The graph tab: node palette, canvas, inspector of the selected node, problems underneath. */
export function PackEditor(props: PackEditorProps) {
  return (
    <ReactFlowProvider>
      <PackStoreProvider pack={props.pack}>
        <PackEditorLayout {...props} />
      </PackStoreProvider>
    </ReactFlowProvider>
  );
}

function PackEditorLayout({ pack, dispatch, problems, selection, onSelect }: PackEditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'node' | 'catalogue'>('node');
  const select = useCallback(
    (id: string | null) => {
      setView('node');
      onSelect(id);
    },
    [onSelect],
  );
  const { addNode, autoLayout, centerNode } = useGraphActions({
    pack,
    dispatch,
    onSelect: select,
    canvasRef,
  });
  const onAddNode = useCallback((kind: NodeKind, at?: XY) => void addNode(kind, at), [addNode]);
  const openProblem = useCallback(
    (id: string) => {
      select(id);
      centerNode(id);
    },
    [select, centerNode],
  );

  return (
    <div className="pack-editor">
      <NodePalette
        onAdd={onAddNode}
        productCount={pack.products.items.length}
        onOpenCatalogue={() => setView('catalogue')}
      >
        <DmnImportButton pack={pack} dispatch={dispatch} onImported={select} />
      </NodePalette>
      <div className="pack-editor-canvas" ref={canvasRef}>
        <GraphCanvas
          pack={pack}
          dispatch={dispatch}
          problems={problems}
          selection={selection}
          onSelect={select}
          onAddNode={onAddNode}
          onAutoLayout={() => void autoLayout()}
        />
      </div>
      <InspectorPanel
        pack={pack}
        dispatch={dispatch}
        problems={problems}
        selection={selection}
        view={view}
      />
      <ProblemsPanel pack={pack} problems={problems} onOpen={openProblem} dispatch={dispatch} />
    </div>
  );
}
