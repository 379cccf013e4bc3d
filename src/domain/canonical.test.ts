import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from './canonical.ts';
import { hashPack, sha256Hex } from './hash.ts';

/** The same value with every object's keys in reverse insertion order. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse())
      out[key] = reorder((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace and prints numbers the ES way', () => {
    expect(canonicalJson({ b: [1, 'x', null], a: { d: true, c: 1e21 }, é: 0.1 })).toBe(
      '{"a":{"c":1e+21,"d":true},"b":[1,"x",null],"é":0.1}',
    );
    expect(canonicalJson({ skip: undefined, n: -0 })).toBe('{"n":0}');
    expect(canonicalJson('line\n"q"\u2028')).toBe(JSON.stringify('line\n"q"\u2028'));
  });

  it('orders keys by UTF-16 code units as RFC 8785 does', () => {
    // RFC 8785 section 3.2.3 example keys, in the order the RFC gives.
    const keys = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const obj = Object.fromEntries([...keys].reverse().map((k, i) => [k, i]));
    expect(Object.keys(JSON.parse(canonicalJson(obj)) as object)).toEqual(
      // Integer-like keys come first in any JS object; the text order is what matters.
      Object.keys(JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:0`).join(',')}}`) as object),
    );
    const text = canonicalJson(obj);
    const positions = keys.map((k) => text.indexOf(JSON.stringify(k)));
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('rejects values JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(/\$\.a\[1\]/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('serialize -> parse gives back the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

describe('hashPack', () => {
  it('is SHA-256 of the canonical text', () => {
    expect(sha256Hex('abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashPack({ b: 1, a: 2 })).toBe(sha256Hex('{"a":2,"b":1}'));
  });

  it('ignores key order and the integrity block (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.jsonValue(),
        (content, integrity) => {
          const { integrity: _drop, ...base } = content;
          expect(hashPack(reorder(base) as object)).toBe(hashPack(base));
          expect(hashPack({ ...base, integrity })).toBe(hashPack(base));
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('changes when any value changes', () => {
    expect(hashPack({ a: { b: 1 } })).not.toBe(hashPack({ a: { b: 2 } }));
    expect(hashPack({ a: ['x', 'y'] })).not.toBe(hashPack({ a: ['y', 'x'] }));
  });
});
