import { describe, expect, it } from 'vitest';
import { applyChange, parsePack, type PackChange } from '../../domain/index.ts';
import { testPack } from '../../testing/testPack.ts';
import { checkChange, touchedFields } from './checkChange.ts';

const pack = testPack();

function verdict(change: PackChange) {
  const next = applyChange(pack, change);
  return { partial: checkChange(next, change), full: parsePack(next).ok };
}

describe('checkChange', () => {
  it('finds the fields a change writes', () => {
    expect(touchedFields({ type: 'set', path: ['graph', 'nodes', 0, 'id'], value: 'x' })).toEqual(
      new Set(['graph']),
    );
    expect(
      touchedFields({
        type: 'batch',
        changes: [
          { type: 'set', path: ['title', 'en'], value: 'x' },
          { type: 'remove', path: ['tests'], index: 0 },
        ],
      }),
    ).toEqual(new Set(['title', 'tests']));
    expect(touchedFields({ type: 'replace', pack })).toBe('all');
  });

  it('agrees with parsing the whole pack, and names the path', () => {
    const bad: PackChange = { type: 'set', path: ['graph', 'nodes', 0, 'kind'], value: 'bogus' };
    const result = verdict(bad);
    expect(result.full).toBe(false);
    expect(result.partial?.en).toContain('$.graph.nodes[0].kind');

    const good: PackChange = { type: 'set', path: ['title', 'en'], value: 'Renamed' };
    expect(verdict(good)).toEqual({ partial: null, full: true });
  });

  it('refuses a field the pack does not have', () => {
    const change: PackChange = { type: 'set', path: ['extra'], value: 1 };
    expect(checkChange(applyChange(pack, change), change)?.en).toContain('$.extra');
  });

  it('explains why the last node cannot be deleted, in words', () => {
    const change: PackChange = { type: 'set', path: ['graph', 'nodes'], value: [] };
    const refused = checkChange(applyChange(pack, change), change);
    expect(refused?.en).toMatch(/^The last node cannot be deleted/);
    expect(refused?.['zh-CN']).toMatch(/^不能删除最后一个节点/);
    expect(refused?.en).not.toContain('$.');
  });
});
