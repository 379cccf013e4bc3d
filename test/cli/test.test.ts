import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { MINI_PACK, miniPack, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suitability test', () => {
  it("passes when the pack's own cases pass", async () => {
    const run = await runCli(['test', MINI_PACK, '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS t-aggressive/);
    expect(run.stdout).toMatch(/3 passed, 0 failed, 3 total/);
  });

  it('fails with exit 1 and shows expected against actual', async () => {
    const pack = miniPack() as {
      tests: { id: string; expect: { outputs: Record<string, unknown> } }[];
    };
    const aggressive = pack.tests.find((t) => t.id === 't-aggressive');
    if (!aggressive) throw new Error('fixture changed');
    aggressive.expect.outputs.level = 'C2';
    const run = await runCli(['test', writeJson(dir, 'failing.json', pack)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL t-aggressive/);
    expect(run.stdout).toMatch(/- expected: "C2"/);
    expect(run.stdout).toMatch(/\+ actual: {3}"C3"/);
    expect(run.stdout).toMatch(/2 passed, 1 failed, 3 total/);
  });

  it('refuses a pack the engine cannot compile, locating its errors', async () => {
    const pack = miniPack() as { graph: { edges: { source: string; target: string }[] } };
    pack.graph.edges.push({ source: 'output', target: 'input', id: 'loop' } as never);
    const run = await runCli(['test', writeJson(dir, 'cycle.json', pack)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cycle\.json: the pack has [1-9]\d* error\(s\) and cannot run/);
    expect(run.stderr).toMatch(/cycle\.json:\d+:\d+ \$\.graph/);
  });
});
