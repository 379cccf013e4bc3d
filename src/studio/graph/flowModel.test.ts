import { describe, expect, it } from 'vitest';
import { applyChange, lt } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { FlowEdgeCache, FlowNodeCache, problemsByNode, type Transient } from './flowModel.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';

const csrc = loadStarterPack('cn-csrc-2017');
const none: Transient = { measured: new Map(), dragging: new Map() };
const problem = (
  path: string,
  severity: Problem['severity'] = 'error',
  nodeId?: string,
): Problem => ({
  code: 'x',
  severity,
  path,
  message: lt('问题', 'problem'),
  ...(nodeId ? { nodeId } : {}),
});

describe('FlowNodeCache', () => {
  it('keeps every node object when nothing it shows changed', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(csrc, new Map(), null, none);
    const again = cache.build(csrc, problemsByNode(csrc, []), null, none);
    expect(again).toHaveLength(csrc.graph.nodes.length);
    again.forEach((n, i) => expect(n).toBe(first[i]));
  });

  it('renews only the node an edit, a selection or a drag touched', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(csrc, new Map(), null, none);
    const classify = csrc.graph.nodes.findIndex((n) => n.kind === 'classify');
    const edited = applyChange(csrc, {
      type: 'set',
      path: ['graph', 'nodes', classify, 'config', 'bands', 0, 'max'],
      value: 18,
    });
    const second = cache.build(edited, new Map(), 'risk', {
      measured: new Map(),
      dragging: new Map([['input', { x: 5, y: 5 }]]),
    });
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed.sort()).toEqual(['input', 'risk', csrc.graph.nodes[classify]?.id].sort());
    expect(second.find((n) => n.id === 'input')?.position).toEqual({ x: 5, y: 5 });
    expect(second.find((n) => n.id === 'risk')?.selected).toBe(true);
  });

  it('keeps a node when its problems are equal in content, renews it when they differ', () => {
    const cache = new FlowNodeCache();
    const p1 = problemsByNode(csrc, [problem('$.graph.nodes[1].config')]);
    const first = cache.build(csrc, p1, null, none);
    const p2 = problemsByNode(csrc, [problem('$.graph.nodes[1].config')]);
    expect(cache.build(csrc, p2, null, none)[1]).toBe(first[1]);
    const p3 = problemsByNode(csrc, [problem('$.graph.nodes[1].config', 'warning')]);
    const third = cache.build(csrc, p3, null, none);
    expect(third[1]).not.toBe(first[1]);
    expect(third[1]?.data.problems.warnings).toHaveLength(1);
  });
});

it('files problems under their node, by nodeId or by JSON path, and skips infos', () => {
  const byNode = problemsByNode(csrc, [
    problem('$.graph.nodes[0].config'),
    problem('$.tests[0]', 'warning', 'classify'),
    problem('$.products.items[0]'),
    problem('$.graph.nodes[0]', 'info'),
  ]);
  expect([...byNode.keys()].sort()).toEqual([csrc.graph.nodes[0]?.id, 'classify'].sort());
  expect(byNode.get('classify')?.warnings).toHaveLength(1);
});

it('keeps edge objects across edits that do not touch them', () => {
  const cache = new FlowEdgeCache();
  const first = cache.build(csrc, new Set());
  const edited = applyChange(csrc, { type: 'remove', path: ['graph', 'edges'], index: 0 });
  const second = cache.build(edited, new Set([csrc.graph.edges[1]?.id as string]));
  expect(second[0]).not.toBe(first[1]);
  expect(second[0]?.selected).toBe(true);
  second.slice(1).forEach((e, i) => expect(e).toBe(first[i + 2]));
});
