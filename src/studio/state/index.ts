export * from './types.ts';
export * from './history.ts';
export * from './tabSync.ts';
export * from './packStore.ts';
export * from './unsavedStash.ts';
export * from './StoreContext.tsx';
export * from './selectors.ts';
