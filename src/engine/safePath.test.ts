import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPathSchema } from '../domain/index.ts';
import { compilePath, createSafePathResolver, parsePath } from './safePath.ts';
import { EvaluationError } from './types.ts';

describe('compilePath', () => {
  const value = {
    total: 42,
    byQuestion: { Q1: 4, 'Q-2': 0 },
    items: ['a', { code: 'x', list: [10, 20, 30] }],
    '0': 'zero',
    empty: null,
  };

  it.each([
    ['$', value],
    ['$.total', 42],
    ['$.byQuestion.Q1', 4],
    ['$.byQuestion.Q-2', 0],
    ['$.items[0]', 'a'],
    ['$.items[1].code', 'x'],
    ['$.items[1].list[2]', 30],
    ['$.items.1.list.0', 10],
    ['$[0]', 'zero'],
    ['$.0', 'zero'],
    ['$.items.length', 2],
    ['$.items[0].length', 1],
  ])('reads %s', (path, expected) => {
    expect(compilePath(path)(value)).toEqual(expected);
  });

  it.each([
    '$.missing',
    '$.total.x',
    '$.empty.x',
    '$.items[5]',
    '$.items[1].list[3]',
    '$.byQuestion.Q1.x.y.z',
  ])('gives undefined for the missing %s', (path) => {
    expect(compilePath(path)(value)).toBeUndefined();
  });

  it('reads nothing out of undefined, null or numbers', () => {
    expect(compilePath('$.a')(undefined)).toBeUndefined();
    expect(compilePath('$.a.b')(null)).toBeUndefined();
    expect(compilePath('$.a')(7)).toBeUndefined();
    expect(compilePath('$')(7)).toBe(7);
  });

  it('never reaches inherited members', () => {
    for (const path of [
      '$.toString',
      '$.hasOwnProperty',
      '$.valueOf',
      '$.items.map',
      '$.total.toFixed',
    ])
      expect(compilePath(path)(value)).toBeUndefined();
    expect(compilePath('$.a.b.c.d')({ a: { b: { c: {} } } })).toBeUndefined();
  });

  it.each([
    '',
    'total',
    '$.',
    '$..total',
    '$.*',
    '$[*]',
    '$.items[*].code',
    '$[?(@.total > 1)]',
    '$.items[?(@.code)]',
    "$['total']",
    '$["total"]',
    '$.items[-1]',
    '$.items[0:2]',
    '$.items[0,1]',
    '$.total()',
    '$.a b',
    ' $.total',
    '$.total ',
    '$.a.',
    '$[0',
    '$.a[]',
    '@.total',
    '$.items[(@.length-1)]',
    '$.{constructor}',
  ])('refuses the path %j', (path) => {
    expect('problem' in parsePath(path)).toBe(true);
    expect(() =>
      compilePath(path, '$.graph.nodes[2].config.rules[0].conditions.all[1].path'),
    ).toThrow(EvaluationError);
  });

  it.each([
    '$.__proto__',
    '$.__proto__.polluted',
    '$.constructor',
    '$.constructor.prototype',
    '$.a.prototype',
    '$.items[0].__proto__',
  ])('refuses the reserved name in %j', (path) => {
    const parsed = parsePath(path);
    expect(parsed).toHaveProperty('problem');
    if ('problem' in parsed) expect(parsed.problem.en).toMatch(/reserved name/);
  });

  it('names where a refused path is, in both locales', () => {
    const at = '$.graph.nodes[2].config.rules[0].conditions.all[1].path';
    try {
      compilePath('$..x', at);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvaluationError);
      const err = e as EvaluationError;
      expect(err.code).toBe('condition.path');
      expect(err.path).toBe(at);
      expect(err.localized['zh-CN']).toContain('$..x');
      expect(err.localized.en).toContain('$..x');
    }
  });

  it('treats a __proto__ key from JSON.parse as plain data and pollutes nothing', () => {
    const fact = JSON.parse('{"__proto__": {"polluted": true, "total": 1}, "total": 2}') as unknown;
    expect(compilePath('$.total')(fact)).toBe(2);
    expect(compilePath('$.polluted')(fact)).toBeUndefined();
    expect(() => compilePath('$.__proto__.polluted')).toThrow(EvaluationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(fact)).toBe(Object.prototype);
  });

  it('reads an own property named like an Object.prototype member only when it is own', () => {
    const fact = JSON.parse('{"toString": 1, "hasOwnProperty": "x"}') as unknown;
    expect(compilePath('$.toString')(fact)).toBe(1);
    expect(compilePath('$.hasOwnProperty')(fact)).toBe('x');
  });
});

describe('createSafePathResolver', () => {
  it('resolves as compilePath does and compiles each path once', () => {
    const resolve = createSafePathResolver();
    const fact = { a: { b: [1, 2] } };
    expect(resolve(fact, '$.a.b[1]')).toBe(2);
    expect(resolve(fact, '$.a.b[1]')).toBe(2);
    expect(resolve(fact, '$.a.c')).toBeUndefined();
    expect(() => resolve(fact, '$.a[*]')).toThrow(EvaluationError);
  });
});

describe('parsePath and the pack schema', () => {
  it('regression, seed 314: both refuse a reserved name followed by an index', () => {
    // Seed 314 once found the schema accepting `$.constructor[0]`, which the resolver refuses.
    for (const path of ['$.constructor[0]', '$.a.__proto__[1]', '$.prototype[0].x']) {
      expect(parsePath(path)).toHaveProperty('problem');
      expect(JsonPathSchema.safeParse(path).success).toBe(false);
    }
  });

  it('accept exactly the same paths', () => {
    const piece = fc.constantFrom(
      '$',
      '.',
      'a',
      'Q1',
      'x-y',
      '_',
      '0',
      '12',
      '[',
      ']',
      '[0]',
      '[3]',
      '__proto__',
      'constructor',
      'prototype',
      '*',
      '..',
      '?',
      '@',
      "'",
      '"',
      ' ',
      '(',
      ')',
      ':',
      ',',
      '-1',
    );
    const candidate = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
      fc.array(piece, { maxLength: 8 }).map((p) => `$${p.join('')}`),
      fc
        .array(
          fc.constantFrom('.a', '.b-1', '[0]', '[10]', '.__proto__', '.constructor', '.prototypes'),
          { maxLength: 4 },
        )
        .map((p) => `$${p.join('')}`),
    );
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (path) => {
        const ours = 'keys' in parsePath(path);
        expect(ours).toBe(JsonPathSchema.safeParse(path).success);
        if (ours) accepted++;
      }),
      { seed: 314, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
