/** What one tab tells the others: it saved a pack at a revision. */
export type TabMessage = { type: 'saved'; key: string; revision: number; from: string };

export type TabChannel = {
  post(message: TabMessage): void;
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
};

function isTabMessage(data: unknown): data is TabMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === 'saved' &&
    typeof m.key === 'string' &&
    typeof m.revision === 'number' &&
    typeof m.from === 'string'
  );
}

/**
 * Tabs of the studio on the same origin hear each other's saves, so a tab editing a pack learns
 * at once that its copy is stale. The revision check in storage is the backstop when a message is
 * missed (BroadcastChannel missing, tab asleep).
 */
export function openTabChannel(name = 'suitability-studio'): TabChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => {}, subscribe: () => () => {}, close: () => {} };
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: TabMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    if (isTabMessage(event.data)) for (const l of listeners) l(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
