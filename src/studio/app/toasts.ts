import { createStore } from 'zustand/vanilla';
import type { LocalizedText } from '../../domain/index.ts';

export type Toast = {
  id: number;
  kind: 'info' | 'error';
  message: LocalizedText;
  action?: { label: LocalizedText; run: () => void };
};

/** Short notices at the bottom of the screen (a deleted pack with its Undo, a seeding problem). */
export const toastStore = createStore<{ toasts: Toast[] }>(() => ({ toasts: [] }));
let nextId = 1;

export function dismissToast(id: number): void {
  toastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

/** Shows a toast; info toasts leave by themselves after `ms`, errors stay until dismissed. */
export function showToast(toast: Omit<Toast, 'id'>, ms = 8000): number {
  const id = nextId++;
  toastStore.setState((s) => ({ toasts: [...s.toasts, { ...toast, id }] }));
  if (toast.kind === 'info') setTimeout(() => dismissToast(id), ms);
  return id;
}
