import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCsv, listJsonl, monitorLists, type MonitorReport } from '../engine/index.ts';

/** Writes `<name>.csv` and `<name>.jsonl` of every list into `dir`. */
export async function writeMonitorLists(dir: string, report: MonitorReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const l of monitorLists(report)) {
    await writeFile(join(dir, `${l.name}.csv`), listCsv(l));
    await writeFile(join(dir, `${l.name}.jsonl`), listJsonl(l));
  }
}
