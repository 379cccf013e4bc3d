import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Pack } from '../../domain/index.ts';
import { draftFromInput, emptyDraft, type InputDraft } from './inputForm.ts';

/** One pack's simulation: the client form, where it came from, the node being inspected. */
export type SimulatorState = {
  draft: InputDraft;
  /** The sample client the form was loaded from; `null` for the preview's own answers. */
  sample: string | null;
  /** The graph node whose input and output are shown. */
  node: string | null;
};

type SimulatorsState = {
  simulators: Record<string, SimulatorState>;
  /** The test case each pack's Tests tab has open. */
  openTest: Record<string, string | null>;
};

/**
 * Simulations outlive their tab: switching to the JSON view to change a rule and back keeps the
 * client on the form. Kept per pack key, in memory only (a simulation is not part of the pack).
 */
export const simulatorStore = createStore<SimulatorsState>(() => ({
  simulators: {},
  openTest: {},
}));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The first sample client, or an empty form evaluated today. */
export function initialState(samples: Pack['sampleClients']): SimulatorState {
  const sample = samples[0];
  return sample
    ? { draft: draftFromInput(sample.input), sample: sample.id, node: null }
    : { draft: emptyDraft(today()), sample: null, node: null };
}

export function useSimulator(key: string, pack: Pack) {
  const stored = useStore(simulatorStore, (s) => s.simulators[key]);
  // Without a stored session the form starts from the pack's first sample; it is stored on change.
  const samples = pack.sampleClients;
  const fallback = useMemo(() => initialState(samples), [samples]);
  const session = stored ?? fallback;
  const update = useCallback(
    (change: Partial<SimulatorState>) =>
      simulatorStore.setState((s) => ({
        simulators: { ...s.simulators, [key]: { ...(s.simulators[key] ?? fallback), ...change } },
      })),
    [key, fallback],
  );
  return [session, update] as const;
}

export function useOpenTest(key: string) {
  const open = useStore(simulatorStore, (s) => s.openTest[key] ?? null);
  const setOpen = useCallback(
    (id: string | null) =>
      simulatorStore.setState((s) => ({ openTest: { ...s.openTest, [key]: id } })),
    [key],
  );
  return [open, setOpen] as const;
}
