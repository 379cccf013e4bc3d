import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ZenEngine } from '@gorules/zen-engine';
import { parsePack, type Expectation, type Pack } from '../../src/domain/index.ts';
import { ROOT, runCli, tempDir, writeJson } from './runCli.ts';

const packsDir = join(ROOT, 'rule-packs');
const starters = readdirSync(packsDir).filter((d) => existsSync(join(packsDir, d, 'pack.json')));
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type ZenResult = {
  outputs: Record<string, unknown>;
  flags: string[];
  products: Record<string, { verdict: string }>;
};

function starterPack(name: string): Pack {
  const file = join(packsDir, name, 'pack.json');
  const parsed = parsePack(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${name} must parse`);
  return parsed.pack;
}

/**
 * The part of a result a test case's expectation names, in the expectation's shape. Reasons are
 * left out: they are text, which the export does not carry.
 */
function observed(expectation: Expectation, result: ZenResult) {
  const pick = <T>(names: object | undefined, value: (name: string) => T) =>
    names && Object.fromEntries(Object.keys(names).map((n) => [n, value(n)]));
  return {
    outputs: pick(expectation.outputs, (n) => result.outputs[n]),
    flags: pick(expectation.flags, (n) => result.flags.includes(n)),
    products: pick(expectation.products, (n) => result.products[n]?.verdict),
  };
}

/** A rules node comparing an answer with a list through `equal`, which ZEN cannot say the same way. */
function withListEquality(pack: Pack): Pack {
  const copy = structuredClone(pack);
  const input = copy.graph.nodes.find((n) => n.kind === 'input');
  const firstQuestion = copy.questionnaires[0]?.sections[0]?.questions[0]?.id;
  if (!input || !firstQuestion) throw new Error(`${pack.id} needs an input node and a question`);
  copy.graph.nodes.splice(1, 0, {
    id: 'listCheck',
    kind: 'rules',
    position: { x: 0, y: 0 },
    config: {
      outputs: [],
      rules: [
        {
          name: 'inList',
          priority: 1,
          conditions: {
            all: [{ fact: 'answers', path: `$.${firstQuestion}`, operator: 'equal', value: ['A'] }],
          },
          event: { type: 'flag', params: { name: 'inList' } },
        },
      ],
    },
  });
  copy.graph.edges.push({ id: 'e-listCheck', source: input.id, target: 'listCheck' });
  // An edited pack is no longer the stamped one: a hash would have it refused before the export.
  delete copy.integrity;
  return copy;
}

describe.each(starters)('suitability export %s --to jdm', (name) => {
  const pack = starterPack(name);

  it("writes a decision zen-engine runs to what the pack's own tests expect", async () => {
    const file = `rule-packs/${name}/pack.json`;
    const escaped = file.replace(/[.]/g, '\\.');
    const run = await runCli(['export', file, '--to', 'jdm']);
    expect(run.code).toBe(0);
    // Only notes on what is not exported (reasons), each located in the file.
    const notes = run.stderr.trim().split('\n');
    expect(notes.length).toBeGreaterThan(0);
    for (const line of notes)
      expect(line).toMatch(new RegExp(`^${escaped}:\\d+:\\d+ (info|warning) \\$\\.graph\\S*: .+$`));

    const decision = new ZenEngine().createDecision(JSON.parse(run.stdout) as object);
    const cases = pack.tests.filter(
      (t) => t.expect.error === undefined && (t.expect.outputs || t.expect.products),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const t of cases) {
      const { result } = (await decision.evaluate(t.input)) as { result: ZenResult };
      const { outputs, flags, products } = t.expect;
      expect({ id: t.id, ...observed(t.expect, result) }).toEqual({
        id: t.id,
        outputs,
        flags,
        products,
      });
    }
  });

  it('names, on stderr, a condition JDM cannot express, and exits 1', async () => {
    const file = writeJson(dir, `${name}-list.json`, withListEquality(pack));
    const [en, zh] = await Promise.all([
      runCli(['export', file, '--to', 'jdm']),
      runCli(['export', file, '--to', 'jdm', '--lang', 'zh-CN']),
    ]);
    expect(en.code).toBe(1);
    // The decision is still written, for a reader to see what was exported.
    expect(JSON.parse(en.stdout)).toMatchObject({
      contentType: 'application/vnd.gorules.decision',
    });
    const errors = en.stderr.split('\n').filter((l) => / error /.test(l));
    const at = '$.graph.nodes[1].config.rules[0].conditions';
    expect(errors).toEqual([expect.stringContaining(`error ${at}: equal against a list`)]);
    const [, line] = /:(\d+):\d+ error /.exec(errors[0] ?? '') ?? [];
    const text = readFileSync(file, 'utf8').split('\n');
    expect(text[Number(line) - 1]).toContain('"conditions"');
    expect(errors[0]?.startsWith(`${file}:${line}:`)).toBe(true);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`error ${at}: 无法导出的条件：equal against a list`);
  });
});
