import { useSyncExternalStore } from 'react';
import type { EvaluationInputDraft, LocalizedText, Pack } from '../../domain/index.ts';
import type { PopulationConfig, WhatIfTable } from '../../engine/index.ts';
import { runPopulation, type PoolRun, type PopulationSource } from '../workers/populationPool.ts';
import type { ClientError } from '../workers/populationProtocol.ts';

export type Band = { level: string; min: number; max: number };
export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** A population evaluated for one classify node of one pack. */
export type PopulationRun = {
  packKey: string;
  classifyId: string;
  /** The pack as evaluated, bands of `classifyId` aside: moving them needs no new run. */
  signature: string;
  /** The bands when the run started: the what-if counts moves from these. */
  baseline: Band[];
  label: LocalizedText;
  total: number;
  done: number;
  status: RunStatus;
  table?: WhatIfTable;
  errors: ClientError[];
  failure?: LocalizedText;
  ms?: number;
  /** For a loaded file: the line of each client, so that errors name it. */
  lines?: readonly number[];
};

/** A loaded file, kept per pack while the studio is open. */
export type LoadedClients = {
  fileName: string;
  clients: EvaluationInputDraft[];
  lines: number[];
  /** Rows left out, with their line and why. */
  bad: { line: number; message: LocalizedText }[];
};

type State = {
  runs: Map<string, PopulationRun>;
  loaded: Map<string, LoadedClients>;
  generators: Map<string, { config: PopulationConfig; count: number }>;
};

let state: State = { runs: new Map(), loaded: new Map(), generators: new Map() };
const listeners = new Set<() => void>();
let active: PoolRun | undefined;

function update(change: (s: State) => State) {
  state = change(state);
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const signatures = new WeakMap<Pack, Map<string, string>>();
/** What the what-if tables depend on: everything but node positions and this node's bands. */
export function packSignature(pack: Pack, classifyId: string): string {
  const known = signatures.get(pack)?.get(classifyId);
  if (known !== undefined) return known;
  const nodes = pack.graph.nodes.map((n) => ({
    ...n,
    position: null,
    config: n.id === classifyId ? { ...n.config, bands: null } : n.config,
  }));
  const signature = JSON.stringify([
    pack.vocabulary,
    pack.questionnaires,
    pack.products,
    nodes,
    pack.graph.edges,
  ]);
  const map = signatures.get(pack) ?? new Map<string, string>();
  map.set(classifyId, signature);
  signatures.set(pack, map);
  return signature;
}

export function bandsOf(pack: Pack, classifyId: string): Band[] {
  const node = pack.graph.nodes.find((n) => n.id === classifyId);
  return node?.kind === 'classify' ? node.config.bands.map((b) => ({ ...b })) : [];
}

function setRun(key: string, change: (run: PopulationRun) => PopulationRun) {
  update((s) => {
    const run = s.runs.get(key);
    if (!run) return s;
    const runs = new Map(s.runs);
    runs.set(key, change(run));
    return { ...s, runs };
  });
}

/** Starts evaluating a population; a run already going for any pack is cancelled first. */
export function startRun(
  packKey: string,
  pack: Pack,
  classifyId: string,
  source: PopulationSource,
  label: LocalizedText,
  lines?: readonly number[],
) {
  cancelRun();
  const total = source.kind === 'generated' ? source.count : source.clients.length;
  const started = performance.now();
  const run: PopulationRun = {
    packKey,
    classifyId,
    signature: packSignature(pack, classifyId),
    baseline: bandsOf(pack, classifyId),
    label,
    total,
    done: 0,
    status: 'running',
    errors: [],
    ...(lines ? { lines } : {}),
  };
  update((s) => ({ ...s, runs: new Map(s.runs).set(packKey, run) }));
  active = runPopulation(pack, classifyId, source, {
    onProgress: (done) => setRun(packKey, (r) => ({ ...r, done })),
    onDone: ({ table, errors }) => {
      active = undefined;
      const ms = performance.now() - started;
      setRun(packKey, (r) => ({ ...r, status: 'done', done: total, table, errors, ms }));
    },
    onFailed: (failure) => {
      active = undefined;
      setRun(packKey, (r) => ({ ...r, status: 'failed', failure }));
    },
  });
}

export function cancelRun() {
  if (!active) return;
  active.cancel();
  active = undefined;
  for (const [key, run] of state.runs)
    if (run.status === 'running') setRun(key, (r) => ({ ...r, status: 'cancelled' }));
}

export function setLoaded(packKey: string, loaded: LoadedClients | undefined) {
  update((s) => {
    const map = new Map(s.loaded);
    if (loaded) map.set(packKey, loaded);
    else map.delete(packKey);
    return { ...s, loaded: map };
  });
}

export function setGenerator(packKey: string, value: { config: PopulationConfig; count: number }) {
  update((s) => ({ ...s, generators: new Map(s.generators).set(packKey, value) }));
}

export function usePopulationRun(packKey: string | null): PopulationRun | undefined {
  return useSyncExternalStore(subscribe, () => (packKey ? state.runs.get(packKey) : undefined));
}
export function useLoadedClients(packKey: string | null): LoadedClients | undefined {
  return useSyncExternalStore(subscribe, () => (packKey ? state.loaded.get(packKey) : undefined));
}
export function useGenerator(packKey: string | null) {
  return useSyncExternalStore(subscribe, () =>
    packKey ? state.generators.get(packKey) : undefined,
  );
}
