import { describe, expect, it } from 'vitest';
import { applyChange } from '../../domain/index.ts';
import { compilePack, evaluate, runTests } from '../../engine/index.ts';
import { runSuite, type SuiteProgress } from './runSuite.ts';
import { addTestChange, testFromSimulation } from './testDraft.ts';
import { loadStarterPack, starterPackNames } from '../../testing/starterPackFiles.ts';

const csrcFile = 'cn-csrc-2017';

describe.each(starterPackNames)('runSuite on %s', (file) => {
  it('reports exactly what runTests (the CLI) reports, in chunks with progress', () => {
    const pack = loadStarterPack(file);
    const steps: SuiteProgress[] = [];
    const suite = runSuite(pack, (p) => steps.push(p));
    if (!suite.ok) throw new Error('the starter pack compiles');
    expect(suite.report).toEqual(runTests(compilePack(pack)));
    expect(suite.report.failed).toBe(0);
    expect(steps.at(-1)).toEqual({ done: pack.tests.length, total: pack.tests.length });
    expect(steps.length).toBe(Math.ceil(pack.tests.length / 25));
    expect(suite.coverage.covered).toBeGreaterThan(0);
  });
});

describe('runSuite', () => {
  const pack = loadStarterPack(csrcFile);

  it('a saved simulation passes, then fails with a diff once a band boundary moves', () => {
    const input = pack.sampleClients[0]?.input;
    if (!input) throw new Error('the CSRC pack has sample clients');
    const result = evaluate(compilePack(pack), input);
    const test = testFromSimulation(pack, input, result, { 'zh-CN': '模拟', en: 'sim' });
    const withTest = applyChange(pack, addTestChange(pack, test));
    const before = runSuite(withTest, undefined, [test]);
    expect(before.ok && before.report.cases[0]?.passed).toBe(true);

    const level = result.outputs['level'];
    const score = result.outputs['score'];
    expect(typeof score).toBe('number');
    // Raise the lower bound of the client's band above the score, and its neighbour's upper bound.
    const classify = withTest.graph.nodes.findIndex((n) => n.kind === 'classify');
    const node = withTest.graph.nodes[classify];
    if (node?.kind !== 'classify') throw new Error('the CSRC pack has a classify node');
    const band = node.config.bands.findIndex((b) => b.level === level);
    const moved = applyChange(withTest, {
      type: 'batch',
      changes: [
        {
          type: 'set',
          path: ['graph', 'nodes', classify, 'config', 'bands', band, 'min'],
          value: (score as number) + 1,
        },
        {
          type: 'set',
          path: ['graph', 'nodes', classify, 'config', 'bands', band - 1, 'max'],
          value: score as number,
        },
      ],
    });
    const after = runSuite(moved, undefined, [test]);
    if (!after.ok) throw new Error('the moved bands still compile');
    const failed = after.report.cases[0];
    expect(failed?.passed).toBe(false);
    expect(failed?.differences).toContainEqual({
      path: 'outputs.level',
      expected: level,
      actual: node.config.bands[band - 1]?.level,
    });
  });

  it('a pack that does not compile gives its errors instead of a report', () => {
    const broken = applyChange(pack, {
      type: 'set',
      path: ['graph', 'edges'],
      value: [...pack.graph.edges, { id: 'loop', source: 'output', target: 'input' }],
    });
    const suite = runSuite(broken);
    expect(suite.ok).toBe(false);
    if (!suite.ok) expect(suite.problems.length).toBeGreaterThan(0);
  });
});
