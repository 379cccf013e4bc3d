import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where a command writes its output: a file that appears whole or not at all, or stdout. */
export type Sink = {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, moves it into place. */
  commit(): Promise<void>;
  /** Drops everything written; a file output is left as it was before the run. */
  abort(): Promise<void>;
};

/** Temporary files of outputs not yet committed, so that an interrupted run can remove them. */
const pending = new Set<string>();

/** Removes unfinished outputs; synchronous because it runs in a signal handler on the way out. */
export function removePendingOutputs(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  pending.clear();
}

// Writing many small rows one by one costs more than the evaluation; batch them.
const FLUSH_AT = 1 << 16;

function buffered(stream: Writable): Pick<Sink, 'write'> & { flush(): Promise<void> } {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    // Respect backpressure: wait for the stream to drain before producing more.
    if (!stream.write(text)) await once(stream, 'drain');
  };
  return {
    async write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_AT) await flush();
    },
    flush,
  };
}

/**
 * Opens the output. A file is written to a temporary name in the same folder (so the final rename
 * stays on one file system and is atomic) and renamed on commit: a run that fails half-way leaves
 * no partial file, and an existing file is replaced only by a complete one.
 */
export async function openSink(
  path: string | undefined,
  stdout: Writable = process.stdout,
): Promise<Sink> {
  if (path === undefined) {
    const out = buffered(stdout);
    return { write: out.write, commit: out.flush, abort: async () => {} };
  }
  await removeStaleTemps(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream: WriteStream = createWriteStream(temp, { flags: 'w' });
  pending.add(temp);
  await once(stream, 'open');
  let failure: Error | undefined;
  stream.on('error', (e) => (failure = e));
  const out = buffered(stream);
  return {
    async write(text) {
      if (failure) throw failure;
      await out.write(text);
    },
    async commit() {
      await out.flush();
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
      await rename(temp, path);
      pending.delete(temp);
    },
    async abort() {
      stream.destroy();
      await once(stream, 'close').catch(() => {});
      await unlink(temp).catch(() => {});
      pending.delete(temp);
    },
  };
}

/** Whether a process with this id is running (one we may not signal still counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of earlier runs writing the same output whose process is gone: a run
 * killed with SIGKILL (or a power cut) cannot clean up after itself, and its temp can be as large
 * as the output. A temp of a process still running is another run in progress and is left alone.
 */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = name.slice(prefix.length, -'.tmp'.length);
    if (!/^[1-9]\d*$/.test(pid) || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await unlink(join(folder, name)).then(
      () => removed.push(name),
      () => {},
    );
  }
  return removed;
}
