import { useCallback } from 'react';
import type { PackChange } from '../../domain/index.ts';
import { PackEditor } from '../editor/index.ts';
import {
  selectPack,
  selectSelection,
  usePackState,
  useProblems,
  useStudio,
} from '../state/index.ts';

/** The graph editor on the open pack: its edits go through the store like every other edit. */
export default function GraphTab() {
  const { packStore } = useStudio();
  const pack = usePackState(selectPack);
  const selection = usePackState(selectSelection);
  const problems = useProblems();
  const dispatch = useCallback(
    (change: PackChange) => void packStore.dispatch(change),
    [packStore],
  );
  const onSelect = useCallback(
    (nodeId: string | null) => packStore.select({ nodeId, focusPath: null }),
    [packStore],
  );
  if (!pack) return null;
  return (
    <PackEditor
      pack={pack}
      dispatch={dispatch}
      problems={[...problems]}
      selection={selection.nodeId}
      onSelect={onSelect}
    />
  );
}
