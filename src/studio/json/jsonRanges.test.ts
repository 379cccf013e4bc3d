import { describe, expect, it } from 'vitest';
import { JsonRanges } from './jsonRanges.ts';

const text = JSON.stringify(
  { title: { 'zh-CN': '甲', en: 'A' }, graph: { nodes: [{ id: 'n1', kind: 'input' }], edges: [] } },
  null,
  2,
);

describe('JsonRanges', () => {
  const ranges = new JsonRanges(text);

  it('covers the first token of the value at a path', () => {
    const range = ranges.rangeOf('$.graph.nodes[0].kind');
    const line = text.split('\n')[range.startLineNumber - 1] ?? '';
    expect(line.slice(range.startColumn - 1, range.endColumn - 1)).toBe('"input"');
  });

  it('reads quoted keys as formatJsonPath writes them', () => {
    const range = ranges.rangeOf('$.title["zh-CN"]');
    const line = text.split('\n')[range.startLineNumber - 1] ?? '';
    expect(line.slice(range.startColumn - 1, range.endColumn - 1)).toBe('"甲"');
  });

  it('falls back to the nearest ancestor for a missing field', () => {
    const range = ranges.rangeOf('$.graph.nodes[0].config.bands[2]');
    const line = text.split('\n')[range.startLineNumber - 1] ?? '';
    expect(line.slice(range.startColumn - 1, range.endColumn - 1)).toBe('{');
    expect(range.startLineNumber).toBe(ranges.rangeOf('$.graph.nodes[0]').startLineNumber);
  });

  it('points at the start of a text that does not parse', () => {
    expect(new JsonRanges('{ "a": ').rangeOf('$.a')).toMatchObject({
      startLineNumber: 1,
      startColumn: 1,
    });
  });
});
