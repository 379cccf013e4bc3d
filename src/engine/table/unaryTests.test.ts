import { describe, expect, it } from 'vitest';
import {
  parseUnaryCell,
  parseUnaryTests,
  type ColumnType,
  type UnaryBuilder,
} from './unaryTests.ts';

const num: ColumnType = { type: 'number' };
const str: ColumnType = { type: 'string' };
const bool: ColumnType = { type: 'boolean' };
const level: ColumnType = { type: 'level', levels: ['C1', 'C2', 'C3', 'C4', 'C5'] };

function test(cell: string, col: ColumnType): (v: unknown) => boolean {
  const parsed = parseUnaryTests(cell, col);
  if (!parsed.ok) throw new Error(parsed.error.en);
  return parsed.test;
}
const matches = (cell: string, col: ColumnType, values: unknown[]) =>
  values.filter((v) => test(cell, col)(v));

describe('DMN unary tests', () => {
  it('"-" and an empty cell match anything', () => {
    expect(parseUnaryTests('-', num)).toMatchObject({ ok: true, any: true });
    expect(parseUnaryTests('  ', str)).toMatchObject({ ok: true, any: true });
  });

  it('comparisons on numbers', () => {
    const xs = [19, 20, 53, 54, 55];
    expect(matches('< 20', num, xs)).toEqual([19]);
    expect(matches('<=20', num, xs)).toEqual([19, 20]);
    expect(matches('>= 54', num, xs)).toEqual([54, 55]);
    expect(matches('> 54', num, xs)).toEqual([55]);
    expect(matches('= 53', num, xs)).toEqual([53]);
    expect(matches('53', num, xs)).toEqual([53]);
    expect(matches('!= 53', num, xs)).toEqual([19, 20, 54, 55]);
    expect(matches('< -1.5', num, [-2, -1.5, 0])).toEqual([-2]);
  });

  it('ranges with open and closed ends', () => {
    const xs = [1, 2, 4, 5, 6];
    expect(matches('[2..5]', num, xs)).toEqual([2, 4, 5]);
    expect(matches('(1..5]', num, xs)).toEqual([2, 4, 5]);
    expect(matches('[1..5)', num, xs)).toEqual([1, 2, 4]);
    expect(matches(']1..5[', num, xs)).toEqual([2, 4]);
  });

  it('lists, strings, identifiers and not()', () => {
    expect(matches('"a","b"', str, ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(matches('C1, C2', str, ['C1', 'C3'])).toEqual(['C1']);
    expect(matches('not("a")', str, ['a', 'b'])).toEqual(['b']);
    expect(matches('not(< 3, > 7)', num, [1, 5, 9])).toEqual([5]);
    expect(matches('1, [5..6]', num, [1, 2, 5, 6, 7])).toEqual([1, 5, 6]);
  });

  it('booleans', () => {
    expect(matches('true', bool, [true, false])).toEqual([true]);
    expect(matches('false', bool, [true, false, 'false'])).toEqual([false]);
  });

  it('level columns compare by scale order', () => {
    const xs = ['C1', 'C2', 'C3', 'C4', 'C5'];
    expect(matches('>= C4', level, xs)).toEqual(['C4', 'C5']);
    expect(matches('[C2..C3]', level, xs)).toEqual(['C2', 'C3']);
    expect(matches('C1, C5', level, xs)).toEqual(['C1', 'C5']);
    expect(matches('not(C1)', level, xs)).toEqual(['C2', 'C3', 'C4', 'C5']);
  });

  it('a value of the wrong type never matches', () => {
    expect(matches('< 20', num, ['10', null, undefined])).toEqual([]);
    expect(matches('[C1..C2]', level, ['R1', 3])).toEqual([]);
  });

  it('errors say what was expected and where', () => {
    const cases: [string, ColumnType, RegExp][] = [
      ['[1..', num, /expected a value at character 5, found the end/],
      ['< abc', num, /a number is expected/],
      ['[5..1]', num, /starts above its end/],
      ['"open', str, /no closing quote/],
      ['< "a"', str, /string column takes no comparison/],
      ['C9', level, /"C9" is not a level of the column's scale \(C1, C2, C3, C4, C5\)/],
      ['yes', bool, /true or false/],
      ['1 2', num, /expected a comma or the end at character 3/],
      ['not(1', num, /expected "\)"/],
      ['3', str, /string column takes no number/],
    ];
    for (const [cell, col, message] of cases) {
      const parsed = parseUnaryTests(cell, col);
      expect(parsed.ok, cell).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.en).toMatch(message);
        expect(parsed.error['zh-CN'].length).toBeGreaterThan(0);
      }
    }
  });

  it('builds the same parse with another builder, e.g. text for an export', () => {
    const text: UnaryBuilder<string> = {
      compare: (op, bound) => `${op}${bound}`,
      interval: (lo, loIn, hi, hiIn) => `${loIn ? '[' : '('}${lo},${hi}${hiIn ? ']' : ')'}`,
      equals: (v) => JSON.stringify(v),
      or: (items) => items.join('|'),
      not: (inner) => `!(${inner})`,
    };
    const built = (cell: string, col: ColumnType) => parseUnaryCell(cell, col, text);
    expect(built('not(< C2, [C3..C4), C5)', level)).toEqual({
      ok: true,
      any: false,
      value: '!(<1|[2,3)|"C5")',
    });
    expect(built(']1..5[', num)).toMatchObject({ value: '(1,5)' });
    expect(built('-', num)).toEqual({ ok: true, any: true });
    expect(built('< "a"', str)).toMatchObject({ ok: false, at: 1 });
  });
});
