import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { hashPack, parsePack } from '../../src/domain/index.ts';
import { MINI_PACK, miniPack, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The mini pack plus a rules node, so that there is something to export. */
function packWithRules(): Record<string, unknown> {
  const pack = miniPack() as { graph: { nodes: unknown[]; edges: unknown[] } };
  pack.graph.nodes.push({
    id: 'checks',
    kind: 'rules',
    config: {
      rules: [
        {
          name: 'elderly',
          conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 65 }] },
          event: { type: 'flag', params: { name: 'elderly' } },
        },
      ],
    },
  });
  pack.graph.edges.push({ id: 'e-checks', source: 'input', target: 'checks' });
  return pack;
}

describe('suitability hash', () => {
  it('prints the library hash, the same however the file is laid out', async () => {
    const reformatted = writeJson(dir, 'compact.json', miniPack());
    writeFileSync(reformatted, JSON.stringify(miniPack()));
    const [a, b] = await Promise.all([runCli(['hash', MINI_PACK]), runCli(['hash', reformatted])]);
    const parsed = parsePack(readFileSync(MINI_PACK, 'utf8'));
    if (!parsed.ok) throw new Error('fixture must parse');
    expect(a.code).toBe(0);
    expect(a.stdout.trim()).toBe(hashPack(parsed.pack));
    expect(b.stdout).toBe(a.stdout);
  });

  it('stamps, checks, and refuses a pack edited after stamping', async () => {
    const file = writeJson(dir, 'stamped.json', miniPack());
    expect((await runCli(['hash', file, '--check'])).code).toBe(1);
    const stamp = await runCli(['hash', file, '--stamp']);
    expect(stamp.code).toBe(0);
    const stamped = JSON.parse(readFileSync(file, 'utf8')) as {
      integrity: { hash: string };
      version: string;
    };
    expect(stamped.integrity.hash).toBe(stamp.stdout.trim());
    expect((await runCli(['hash', file, '--check'])).code).toBe(0);
    expect((await runCli(['validate', file])).stdout).toMatch(/content hash verified/);

    writeJson(dir, 'stamped.json', { ...stamped, version: '1.0.1' });
    const edited = await runCli(['test', file]);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(
      /stamped\.json:\d+:\d+ \$\.integrity\.hash: content hash mismatch/,
    );
  });
});

describe('suitability diff', () => {
  it('prints the changes in words, by area', async () => {
    const pack = miniPack() as {
      version: string;
      products: { items: { id: string; risk: string }[] };
      graph: { nodes: { id: string; config: { bands?: { min: number; max: number }[] } }[] };
    };
    pack.version = '1.1.0';
    (pack.products.items[1] as { risk: string }).risk = 'R3';
    const classify = pack.graph.nodes.find((n) => n.id === 'classify');
    (classify?.config.bands?.[1] as { max: number }).max = 19;
    (classify?.config.bands?.[2] as { min: number }).min = 20;
    const changed = writeJson(dir, 'v2.json', pack);
    const [en, zh, same] = await Promise.all([
      runCli(['diff', MINI_PACK, changed]),
      runCli(['diff', MINI_PACK, changed, '--lang', 'zh-CN']),
      runCli(['diff', MINI_PACK, MINI_PACK]),
    ]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('mini 1.0.0 -> mini 1.1.0');
    expect(en.stdout).toContain('~ product P2 risk: R2 -> R3');
    expect(en.stdout).toContain('~ band C2: 11-20 -> 11-19');
    expect(en.stdout).toContain('~ band C3: 21-30 -> 20-30');
    expect(en.stdout).toContain('4 differences');
    expect(zh.stdout).toContain('~ 产品 P2 的风险等级：R2 -> R3');
    expect(same.stdout).toContain('no differences');
  });
});

describe('suitability export', () => {
  it('writes json-rules-engine rule sets that json-rules-engine runs', async () => {
    const file = writeJson(dir, 'rules.json', packWithRules());
    const out = join(dir, 'jre.json');
    const run = await runCli(['export', file, '--to', 'json-rules-engine', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as {
      ruleSets: { nodeId: string; rules: ConstructorParameters<typeof Engine>[0] }[];
      engineOptions: { allowUndefinedFacts: boolean };
    };
    const set = exported.ruleSets.find((s) => s.nodeId === 'checks');
    const fire = async (age: number) => {
      const engine = new Engine(set?.rules, exported.engineOptions);
      const { events } = await engine.run({ age });
      return events.map((e) => e.params?.name as unknown);
    };
    expect(await fire(70)).toEqual(['elderly']);
    expect(await fire(30)).toEqual([]);
  });

  it('needs a target', async () => {
    const run = await runCli(['export', MINI_PACK]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--to json-rules-engine/);
  });
});
