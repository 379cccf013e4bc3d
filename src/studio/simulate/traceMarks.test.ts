import { describe, expect, it } from 'vitest';
import { addNode, baseClient, buildPack } from '../../testing/fixtures.ts';
import { highlightEdges, highlightNodes, type PackFlowNode } from '../graph/flowModel.ts';
import { simulate } from './evaluation.ts';
import { draftFromInput, withAnswer } from './inputForm.ts';
import { nodesOnPath, traceHighlight, valueWords } from './traceMarks.ts';

// A score node nothing reads: it runs, but it is not on the path to the result.
const pack = buildPack((p) =>
  addNode(p, { id: 'loose', kind: 'score', config: { terms: [{ ref: 'q.total' }] } }, ['q']),
);
const withoutEdgeToOut = {
  ...pack,
  graph: { ...pack.graph, edges: pack.graph.edges.filter((e) => e.id !== 'loose-out') },
};

describe('the trace on the graph', () => {
  it('lights the nodes on the path to the result with what they gave, in the UI language', () => {
    const sim = simulate(withoutEdgeToOut, draftFromInput(baseClient()));
    const marks = traceHighlight(withoutEdgeToOut, sim, 'en');
    expect([...(marks?.keys() ?? [])].sort()).toEqual(['cls', 'in', 'm', 'out', 'q', 'r']);
    expect(nodesOnPath(withoutEdgeToOut).has('loose')).toBe(false);
    expect(marks?.get('q')?.summary).toBe('17 / 32 points');
    expect(marks?.get('cls')?.summary).toBe('17 → level C3');
    expect(marks?.get('cls')?.fired).toEqual(['C3']);
    expect(marks?.get('m')?.summary).toBe('allowed 2 · warn 2 · prohibited 0');
    expect(marks?.get('m')?.fired).toEqual(['C3xR1', 'C3xR3', 'C3xR4', 'C3xR5']);
    expect(traceHighlight(withoutEdgeToOut, sim, 'zh-CN')?.get('q')?.summary).toBe('17 / 32 分');
  });

  it('a knock-out shows on the questionnaire and the cap on the classification', () => {
    const draft = withAnswer(draftFromInput(baseClient()), 'Q4', 'yes');
    const marks = traceHighlight(pack, simulate(pack, draft), 'en');
    expect(marks?.get('q')?.summary).toBe('0 / 32 points · knocked out');
    expect(marks?.get('q')?.fired).toEqual(['Q4=yes']);
    expect(marks?.get('cls')?.summary).toBe('0 → level C1');
  });

  it('a failed evaluation marks only the node that failed, or the input for a bad input', () => {
    const bad = withAnswer(draftFromInput(baseClient()), 'Q3', 500);
    const marks = traceHighlight(pack, simulate(pack, bad), 'en');
    expect([...(marks?.keys() ?? [])]).toEqual(['in']);
    expect(marks?.get('in')?.error).toBe(true);
    expect(marks?.get('in')?.summary).toContain('$.answers.Q3');
    const noBand = buildPack((p) => {
      const cls = p.graph.nodes.find((n) => n.id === 'cls') as { config: { bands: unknown[] } };
      cls.config.bands = [{ level: 'C1', min: 0, max: 5 }];
    });
    const failed = traceHighlight(noBand, simulate(noBand, draftFromInput(baseClient())), 'en');
    expect([...(failed?.keys() ?? [])]).toEqual(['cls']);
  });

  it('the canvas dims what is not lit and lights edges between lit nodes', () => {
    const marks = new Map([['a', { summary: 's', fired: [] }]]);
    const node = (id: string) =>
      ({ id, type: 'pack', position: { x: 0, y: 0 }, data: {} }) as unknown as PackFlowNode;
    const nodes = highlightNodes([node('a'), node('b')], marks);
    expect(nodes.map((n) => n.className)).toEqual(['trace-lit', 'trace-dim']);
    expect(nodes[0]?.data.trace?.summary).toBe('s');
    const both = new Map([...marks, ['b', { summary: '', fired: [] }]]);
    const edges = highlightEdges([{ id: 'e', source: 'a', target: 'b' }], both);
    expect(edges[0]).toMatchObject({ className: 'trace-lit', animated: true });
    const none = [node('a')];
    expect(highlightNodes(none, undefined)).toBe(none);
  });
});

describe('values in words', () => {
  it('never shows JSON', () => {
    expect(valueWords(['SRI1', 'SRI2'])).toBe('SRI1, SRI2');
    expect(valueWords({ level: 'C2', cap: null })).toBe('level: C2; cap: —');
    expect(valueWords(3)).toBe('3');
  });
});
