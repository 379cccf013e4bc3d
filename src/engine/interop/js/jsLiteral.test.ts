import { describe, expect, it } from 'vitest';
import { idLit, lit, objectOf, prop } from './jsLiteral.ts';

const HOSTILE = [
  '"); process.exit(1); ("',
  "'; throw new Error('x'); '",
  '`${process.exit(1)}`',
  '*/ throw 1; /*',
  '</script><script>alert(1)</script>',
  'line\u2028separator\u2029paragraph',
  '\\"\\\\\n\r\t\0',
  '\ud800 lone surrogate',
  '中文 ✓ 🙂',
];

/** Reads a generated literal back the way a JSON reader would: it must be data, never code. */
const readBack = (text: string) => JSON.parse(text) as unknown;

describe('literals in generated code', () => {
  it.each(HOSTILE)('writes %j as a literal that reads back as itself', (text) => {
    expect(readBack(lit(text))).toBe(text);
    expect(readBack(lit({ text, list: [text] }))).toEqual({ text, list: [text] });
  });

  it('keeps -0 and refuses what JSON cannot hold', () => {
    expect(lit(-0)).toBe('-0');
    expect(() => lit(Number.NaN)).toThrow();
    expect(() => lit(Infinity)).toThrow();
    expect(() => lit(undefined)).toThrow();
    expect(() => lit(() => 1)).toThrow();
  });

  it.each([...HOSTILE, '__proto__', 'constructor', 'prototype', 'a.b', '', '-a', 'a b'])(
    'refuses %j as an id',
    (id) => {
      expect(() => idLit(id)).toThrow(/not a pack id/);
      expect(() => prop('o', id)).toThrow();
      expect(() => objectOf([[id, '1']])).toThrow();
    },
  );

  it('writes ids only as bracketed string keys', () => {
    expect(prop('o', 'toString')).toBe('o["toString"]');
    expect(objectOf([['0-_', '1']])).toBe('{ "0-_": 1 }');
  });
});
