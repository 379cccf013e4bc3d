import { PackEventSchema, type PackEvent } from '../../storage/remote/index.ts';

/** What the studio needs of an EventSource (a fake one in tests). */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
  /** 2 (CLOSED) once the browser gave up reconnecting (an error status, a refused connection). */
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export type ServerEvents = {
  /** Calls `listener` for every pack change the server announces; returns the unsubscribe. */
  onPack(listener: (event: PackEvent) => void): () => void;
  /** Calls `listener` with `true` when the stream (re)connects and `false` when it drops. */
  onConnection(listener: (connected: boolean) => void): () => void;
  readonly connected: boolean;
  close(): void;
};

/**
 * The server's live stream (`GET /api/events`): pack changes by anyone, and whether the server is
 * there at all (the browser reconnects by itself; each reconnect is the moment to send the outbox).
 */
export function openServerEvents(open: () => EventSourceLike, retryMs = 5000): ServerEvents {
  const packListeners = new Set<(event: PackEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let connected = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const setConnected = (next: boolean) => {
    if (next === connected) return;
    connected = next;
    for (const l of connectionListeners) l(next);
  };
  const connect = (): EventSourceLike => {
    const source = open();
    source.onopen = () => setConnected(true);
    source.onerror = () => {
      setConnected(false);
      // The browser retries a dropped stream by itself, but not one that answered an error
      // (a gateway's 502 while the server restarts): then this opens a new one, later.
      if (source.readyState === 2 && !closed)
        retry = setTimeout(() => {
          current = connect();
        }, retryMs);
    };
    source.addEventListener('pack', (message) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = PackEventSchema.safeParse(data);
      // Any message proves the stream is up, even when its open was missed.
      setConnected(true);
      if (event.success) for (const l of packListeners) l(event.data);
    });
    return source;
  };
  let current = connect();
  const subscribe =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  return {
    onPack: subscribe(packListeners),
    onConnection: subscribe(connectionListeners),
    get connected() {
      return connected;
    },
    close: () => {
      closed = true;
      // A closed stream is the workspace going away (sign-out): nobody is told, so nothing
      // reacts to it by asking the server after the session has ended.
      packListeners.clear();
      connectionListeners.clear();
      clearTimeout(retry);
      current.close();
      setConnected(false);
    },
  };
}
