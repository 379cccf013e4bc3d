import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINI_PACK, miniPack, runCli, tempDir, writeJson } from './runCli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suitability validate', () => {
  it('accepts a sound pack with exit 0', async () => {
    const run = await runCli(['validate', MINI_PACK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/miniPack\.json: valid, 0 warning\(s\)/);
    expect(run.stdout).toMatch(/content hash \(not stamped\): sha256:[0-9a-f]{64}/);
    expect(run.stderr).toBe('');
  });

  it('names file, line and JSON path of a schema error, without a stack trace', async () => {
    const text = readFileSync(MINI_PACK, 'utf8').replace('"kind": "classify"', '"kind": "clasify"');
    const file = join(dir, 'badKind.json');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"clasify"')) + 1;
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}:`);
    expect(run.stderr).toContain('$.graph.nodes[2].kind: unknown kind "clasify"; allowed: "input"');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reports engine problems (an unknown level in a band) located in the file', async () => {
    const pack = miniPack() as {
      graph: { nodes: { id: string; config: { bands?: { level: string }[] } }[] };
    };
    const classify = pack.graph.nodes.find((n) => n.id === 'classify');
    (classify?.config.bands?.[2] as { level: string }).level = 'C9';
    const file = writeJson(dir, 'badLevel.json', pack);
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`${file}:\\d+:\\d+ \\$\\.graph\\.nodes\\[2\\]\\.config\\.bands\\[2\\]`),
    );
    expect(run.stdout).toMatch(/invalid, [1-9]\d* error\(s\)/);
  });

  it('gives line and column of a JSON syntax error, in Chinese when asked', async () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(
      file,
      '{\n  "format": "suitability-pack",\n  "id": "x"\n  "version": "1.0.0"\n}\n',
    );
    const run = await runCli(['validate', file, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:4:3 $: JSON 语法错误：应为 "," 或 "}"`);
  });

  it('takes the language from LANG', async () => {
    const run = await runCli(['validate', join(dir, 'missing.json')], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/无法读取文件 .*missing\.json：文件不存在/);
  });

  it('treats bad usage as exit 2', async () => {
    const [none, flag, command, lang, help] = await Promise.all([
      runCli(['validate']),
      runCli(['validate', MINI_PACK, '--nope']),
      runCli(['frobnicate']),
      runCli(['validate', MINI_PACK, '--lang', 'fr']),
      runCli(['--help']),
    ]);
    expect([none.code, flag.code, command.code, lang.code]).toEqual([2, 2, 2, 2]);
    expect(flag.stderr).toMatch(/validate has no option --nope/);
    expect(lang.stderr).toMatch(/--lang must be zh-CN or en/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/suitability evaluate PACK --input/);
  });
});
