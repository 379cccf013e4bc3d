import { useSyncExternalStore } from 'react';
import type { Band } from './populationStore.ts';

// The bands under a drag live here rather than in the inspector's state, so that a pointer move
// re-renders only the what-if, not every editor of the classify node.
let preview: { nodeId: string; bands: Band[] } | null = null;
const listeners = new Set<() => void>();

export function setWhatIfPreview(nodeId: string, bands: Band[] | null) {
  preview = bands ? { nodeId, bands } : null;
  for (const l of listeners) l();
}

export function useWhatIfPreview(nodeId: string): Band[] | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (preview?.nodeId === nodeId ? preview.bands : null),
  );
}
