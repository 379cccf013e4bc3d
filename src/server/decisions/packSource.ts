import type { ServedVersion } from './decide.ts';

/**
 * Where the decision service gets the versions it serves: a folder of pack files, or the
 * workspace's `published_versions` table. `current` is what an unpinned request gets; a request
 * takes one `ServedVersion` when it starts and keeps it, so a publish in the middle of it changes
 * nothing for it, and every response names exactly one version.
 */
export interface PackSource {
  current(packId: string): ServedVersion | undefined;
  pinned(packId: string, version: string): Promise<ServedVersion | undefined>;
  /** Called after a version was added or replaced; returns the unsubscribe function. */
  onChange(cb: (served: ServedVersion) => void): () => void;
  /** The current version of every pack, for readiness and the start-up report. */
  list(): ServedVersion[];
}

/**
 * A pass (re-reading a folder, loading new publications) that callers share: a call during a pass
 * gets that pass, and causes one more after it, so a change seen mid-pass is never lost.
 */
export function sharedPass<T>(pass: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let again = false;
  const run = (): Promise<T> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void run().catch(() => undefined);
      }
    });
    return running;
  };
  return run;
}

/** Orders `1.10.0` after `1.9.0`; a pre-release (`2.0.0-rc.1`) before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const pa = coreA.split('.').map(Number);
  const pb = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/**
 * The versions held in memory, shared by both sources: adding one makes it current when it is the
 * highest version of its pack. Swapping is replacing a map entry, which no request in flight sees.
 */
export class VersionShelf {
  private readonly versions = new Map<string, Map<string, ServedVersion>>();
  private readonly currents = new Map<string, ServedVersion>();
  private readonly listeners = new Set<(served: ServedVersion) => void>();

  current(packId: string): ServedVersion | undefined {
    return this.currents.get(packId);
  }

  get(packId: string, version: string): ServedVersion | undefined {
    return this.versions.get(packId)?.get(version);
  }

  list(): ServedVersion[] {
    return [...this.currents.values()];
  }

  onChange(cb: (served: ServedVersion) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  add(served: ServedVersion): void {
    let byVersion = this.versions.get(served.packId);
    if (!byVersion) this.versions.set(served.packId, (byVersion = new Map()));
    const before = byVersion.get(served.version);
    if (before?.hash === served.hash) return;
    byVersion.set(served.version, served);
    const current = this.currents.get(served.packId);
    if (!current || compareVersions(served.version, current.version) >= 0)
      this.currents.set(served.packId, served);
    for (const cb of this.listeners) cb(served);
  }

  /** Forgets versions no longer on offer (a file removed from the folder). */
  retain(keep: (served: ServedVersion) => boolean): void {
    for (const [packId, byVersion] of this.versions) {
      for (const [version, served] of byVersion) if (!keep(served)) byVersion.delete(version);
      const highest = [...byVersion.values()].sort((a, b) =>
        compareVersions(b.version, a.version),
      )[0];
      if (highest) this.currents.set(packId, highest);
      else {
        this.versions.delete(packId);
        this.currents.delete(packId);
      }
    }
  }
}

/** A source that serves what it has put on its shelf. */
export abstract class ShelfSource implements PackSource {
  protected readonly shelf = new VersionShelf();

  current(packId: string) {
    return this.shelf.current(packId);
  }
  async pinned(packId: string, version: string) {
    return this.shelf.get(packId, version);
  }
  onChange(cb: (served: ServedVersion) => void) {
    return this.shelf.onChange(cb);
  }
  list() {
    return this.shelf.list();
  }
}
