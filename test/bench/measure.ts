/** Timing and table helpers for the benchmark script. Figures are printed, never asserted. */
import { loadavg } from 'node:os';

/** Wall time, and CPU time of the whole process (all threads): the machine may be shared. */
export type Timing = {
  label: string;
  clients: number;
  ms: number;
  cpuMs: number;
  note?: string;
  /** The 1-minute load average (as `uptime` prints it) when the row started and ended. */
  load?: [number, number];
};

/** The 1-minute load average, `uptime`'s first figure: the machine may be shared. */
const load1 = () => loadavg()[0] ?? 0;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const perSecond = (t: Timing) => (t.clients / t.ms) * 1000;
/** Clients per second of CPU: throughput per core, whatever else runs on the machine. */
export const perCpuSecond = (t: Timing) => (t.clients / t.cpuMs) * 1000;
/** CPU microseconds per client. */
export const microsPerClient = (t: Timing) => (t.cpuMs * 1000) / t.clients;

/** Runs `fn` over `inputs` once untimed (JIT warm-up on a slice), then timed. */
export function timeSync<T>(
  label: string,
  inputs: readonly T[],
  fn: (x: T) => unknown,
  warm = 2000,
): Timing {
  for (let i = 0; i < Math.min(warm, inputs.length); i++) fn(inputs[i] as T);
  const load = load1();
  const cpu = cpuMs();
  const start = performance.now();
  for (const x of inputs) fn(x);
  return {
    label,
    clients: inputs.length,
    ms: performance.now() - start,
    cpuMs: cpuMs() - cpu,
    load: [load, load1()],
  };
}

export async function timeAsync<T>(
  label: string,
  inputs: readonly T[],
  fn: (x: T) => Promise<unknown>,
  warm = 200,
): Promise<Timing> {
  for (let i = 0; i < Math.min(warm, inputs.length); i++) await fn(inputs[i] as T);
  const load = load1();
  const cpu = cpuMs();
  const start = performance.now();
  for (const x of inputs) await fn(x);
  return {
    label,
    clients: inputs.length,
    ms: performance.now() - start,
    cpuMs: cpuMs() - cpu,
    load: [load, load1()],
  };
}

/** As timeAsync, but `width` evaluations in flight at once (zen-engine runs them on its own threads). */
export async function timeConcurrent<T>(
  label: string,
  inputs: readonly T[],
  fn: (x: T) => Promise<unknown>,
  width = 64,
): Promise<Timing> {
  const load = load1();
  const cpu = cpuMs();
  const start = performance.now();
  for (let i = 0; i < inputs.length; i += width)
    await Promise.all(inputs.slice(i, i + width).map(fn));
  return {
    label,
    clients: inputs.length,
    ms: performance.now() - start,
    cpuMs: cpuMs() - cpu,
    load: [load, load1()],
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const num = fmt;
export const mib = (bytes: number) => `${fmt(bytes / 1048576, 0)} MiB`;

/** Prints rows as an aligned Markdown table. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const r of rows) console.log(line(r));
}

/** One row per timing: throughput, cost per client, and how many times slower than `base`. */
export function timingRows(timings: readonly Timing[], base: Timing): string[][] {
  return timings.map((t) => [
    t.label,
    fmt(t.clients),
    fmt(perSecond(t)),
    fmt(perCpuSecond(t)),
    fmt(microsPerClient(t), 1),
    t === base ? '1x' : `${fmt(microsPerClient(t) / microsPerClient(base), 1)}x`,
    t.load ? `${fmt(t.load[0], 1)} → ${fmt(t.load[1], 1)}` : '',
    t.note ?? '',
  ]);
}
export const TIMING_HEADER = [
  'engine',
  'clients',
  'clients/s (wall)',
  'clients/s/core (CPU)',
  'CPU µs/client',
  'vs compiled (CPU)',
  'load (uptime 1-min, start → end)',
  'note',
];
