import { describe, expect, it } from 'vitest';
import { diffPacks } from '../../engine/index.ts';
import { testPack } from '../../testing/testPack.ts';
import { changedNodes, groupDiff, pointsOf } from './diffGroups.ts';

describe('diff groups', () => {
  it('groups entries by area in the engine order and finds the changed nodes', () => {
    const a = testPack();
    const [first, ...rest] = a.graph.nodes;
    if (!first) throw new Error('fixture has nodes');
    const b = {
      ...a,
      title: { 'zh-CN': '新', en: 'New' },
      graph: {
        ...a.graph,
        nodes: [{ ...first, label: { 'zh-CN': '改', en: 'Renamed' } }, ...rest],
      },
    };
    const groups = groupDiff(diffPacks(a, b));
    expect(groups.map((g) => g.area)).toEqual(['identity', 'nodes']);
    expect(groups[1]?.entries[0]?.text.en).toContain('Renamed');
    expect(changedNodes(a, b)).toEqual([{ id: first.id, change: 'changed' }]);
    const removed = { ...a, graph: { ...a.graph, nodes: rest } };
    expect(changedNodes(a, removed)).toEqual([{ id: first.id, change: 'removed' }]);
    expect(changedNodes(removed, a)).toEqual([{ id: first.id, change: 'added' }]);
  });

  it('lists versions before revisions, newest first', () => {
    const pack = testPack();
    const revisions = [1, 2].map((revision) => ({
      key: 'k',
      revision,
      savedAt: `t${revision}`,
      pack,
    }));
    const version = {
      id: 1,
      key: 'k',
      version: '1.1.0',
      kind: 'published' as const,
      note: 'n',
      revision: 2,
      at: 't2',
      author: 'a',
      hash: 'h',
      pack,
    };
    expect(pointsOf(revisions, [version]).map((p) => p.id)).toEqual(['v1', 'r2', 'r1']);
  });
});
