import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSink } from './sink.ts';

const dir = mkdtempSync(join(tmpdir(), 'suitability-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Above Linux's largest pid_max (2^22): no process can have this id.
const DEAD_PID = 4_194_305;

describe('openSink', () => {
  it('removes the temps of dead runs writing the same output, and keeps the rest', async () => {
    const out = join(dir, 'x.csv');
    const keep = [
      `.x.csv.${process.ppid}.tmp`, // a run still going
      `.y.csv.${DEAD_PID}.tmp`, // another output
      `.x.csv.abc.tmp`, // not ours
    ];
    for (const name of [...keep, `.x.csv.${DEAD_PID}.tmp`]) writeFileSync(join(dir, name), 'old');
    const sink = await openSink(out);
    await sink.write('a,b\n');
    await sink.commit();
    expect(readFileSync(out, 'utf8')).toBe('a,b\n');
    expect(readdirSync(dir).sort()).toEqual([...keep, 'x.csv'].sort());
  });
});
