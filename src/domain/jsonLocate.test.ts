import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJsonPath, locateJson } from './jsonLocate.ts';

describe('locateJson', () => {
  it('records where each value starts', () => {
    const result = locateJson('{\n  "a": [1, {"b c": true}],\n  "zh-CN": null\n}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.locations.get('$.a')).toEqual({ line: 2, column: 8 });
    expect(result.locations.get('$.a[1]["b c"]')).toEqual({ line: 2, column: 20 });
    expect(result.locations.get('$["zh-CN"]')).toEqual({ line: 3, column: 12 });
  });

  it('finds the first syntax error', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{"a": 1,}', 1, 9, /property name/],
      ['[1, 2', 1, 6, /end of input/],
      ['{"a": 01}', 1, 8, /expected "," or "}"/],
      ['\n\n  {"a" 1}', 3, 8, /":"/],
      ['{"a": "\\x"}', 1, 8, /escape/],
      ['[] []', 1, 4, /unexpected character "\["/],
    ];
    for (const [text, line, column, message] of cases) {
      const result = locateJson(text);
      expect(result.ok, text).toBe(false);
      if (result.ok) continue;
      expect({ line: result.error.line, column: result.error.column }, text).toEqual({
        line,
        column,
      });
      expect(result.error.message.en).toMatch(message);
    }
  });

  it('agrees with JSON.parse on what is valid (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 }), (value, indent) => {
        expect(locateJson(JSON.stringify(value, null, indent)).ok).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('formats paths with quoted keys where needed', () => {
    expect(formatJsonPath(['graph', 'nodes', 3, 'config'])).toBe('$.graph.nodes[3].config');
    expect(formatJsonPath(['title', 'zh-CN'])).toBe('$.title["zh-CN"]');
  });
});
