import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import type { ParsedArgs } from '../args.ts';
import { usageError, type Lang } from '../i18n.ts';

/** `--workers N`: worker threads for evaluate; 0 evaluates on the main thread. Default: one per core. */
export function workerCount(options: ParsedArgs['options']): number {
  const value = options.workers;
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 256)
    throw usageError(
      `--workers 应为 0 到 256 的整数，收到 "${String(value)}"`,
      `--workers must be a whole number from 0 to 256, got "${String(value)}"`,
    );
  return n;
}

/**
 * Progress on stderr for long runs: rows done and rows per second, at most once a second. On a
 * terminal the line rewrites itself; otherwise (`--progress` into a log) each update is a line.
 */
export function createProgress(
  stderr: Writable,
  lang: Lang,
  now: () => number,
  forced: boolean,
): { update(rows: number): void; done(): void } | undefined {
  const tty = (stderr as Writable & { isTTY?: boolean }).isTTY === true;
  if (!tty && !forced) return undefined;
  const start = now();
  let last = start;
  let shown = false;
  const show = (rows: number) => {
    const rate = Math.round(rows / Math.max((now() - start) / 1000, 1e-3));
    const text =
      lang === 'en'
        ? `${rows.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s`
        : `已处理 ${rows} 行，每秒 ${rate} 行`;
    stderr.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    shown = true;
  };
  return {
    update(rows) {
      const t = now();
      if (t - last < 1000) return;
      last = t;
      show(rows);
    },
    done() {
      if (shown && tty) stderr.write('\n');
    },
  };
}
