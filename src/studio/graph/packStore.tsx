import {
  createContext,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Pack } from '../../domain/index.ts';

type PackStore = {
  get: () => Pack;
  publish: (pack: Pack) => void;
  subscribe: (listener: () => void) => () => void;
};

function createPackStore(initial: Pack): PackStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    publish: (pack) => {
      if (pack === current) return;
      current = pack;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const PackStoreContext = createContext<PackStore | null>(null);

/**
 * Node views read the parts of the pack they summarise (a questionnaire, a scale) through this store
 * rather than through node data, so that a node re-renders only when its own slice changes and React
 * Flow's node objects stay stable across unrelated edits.
 */
export function PackStoreProvider({ pack, children }: { pack: Pack; children: ReactNode }) {
  const [store] = useState(() => createPackStore(pack));
  useLayoutEffect(() => store.publish(pack), [store, pack]);
  return <PackStoreContext.Provider value={store}>{children}</PackStoreContext.Provider>;
}

/**
 * A slice of the pack. The selector must return a part of the pack (or a primitive), not a new
 * object: changes keep untouched parts identical, which is what makes the slice stable.
 */
export function usePackSlice<T>(selector: (pack: Pack) => T): T {
  const store = useContext(PackStoreContext);
  if (!store) throw new Error('usePackSlice outside PackStoreProvider');
  const read = () => selector(store.get());
  return useSyncExternalStore(store.subscribe, read, read);
}
