import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Storage } from '../../storage/index.ts';
import type { PackState, PackStore } from './packStore.ts';

/** The storage and the open pack's store, for everything under the shell. */
export type Studio = { storage: Storage; packStore: PackStore };

const StudioContext = createContext<Studio | null>(null);

export function StudioProvider(props: { studio: Studio; children: ReactNode }) {
  return <StudioContext.Provider value={props.studio}>{props.children}</StudioContext.Provider>;
}

export function useStudio(): Studio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('useStudio outside StudioProvider');
  return studio;
}

/** A slice of the open pack's state; re-renders only when the slice changes (Object.is). */
export function usePackState<T>(selector: (state: PackState) => T): T {
  return useStore(useStudio().packStore.store, selector);
}
