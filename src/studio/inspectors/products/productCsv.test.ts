import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ProductSchema, applyChange, type Pack, type Product } from '../../../domain/index.ts';
import miniPack from '../../../domain/fixtures/miniPack.json' with { type: 'json' };
import { PackSchema } from '../../../domain/index.ts';
import { importChange, parseProductsCsv, productsToCsv } from './productCsv.ts';
import { FORMULA_TEXTS } from '../../../testing/csvInjection.ts';

const scales = { risk: ['R1', 'R2', 'R3'], horizon: ['short', 'long'] };
const existing: Product[] = [
  ProductSchema.parse({ id: 'P1', name: { 'zh-CN': '货币', en: 'Money' }, risk: 'R1' }),
];

describe('parseProductsCsv', () => {
  it('reads good rows and reports bad ones with their line numbers', () => {
    const csv = [
      'id,name_zh,name_en,risk,horizon,complex,tags',
      'P9,新基金,New fund,R2,long,false,fund;bond',
      '',
      'P10,坏,Bad,R7,,maybe,',
      'P1,货币基金,Money fund,R1,short,yes,',
    ].join('\n');
    const { rows, fileErrors } = parseProductsCsv(csv, scales, existing);
    expect(fileErrors).toEqual([]);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, false],
      [5, true],
    ]);
    const [good, bad, update] = rows;
    expect(good?.ok && good.product).toMatchObject({
      id: 'P9',
      horizon: 'long',
      tags: ['fund', 'bond'],
      complex: false,
    });
    expect(bad?.ok === false && bad.errors.map((e) => e.en)).toEqual([
      'risk: "R7" is not on the scale (R1, R2, R3)',
      'complex should be true or false, not "maybe"',
    ]);
    expect(update?.ok && update.replaces).toBe(0);
    expect(update?.ok && update.product.complex).toBe(true);
  });

  it('counts lines inside quoted multi-line cells', () => {
    const csv = 'id,name_en,risk\n"P2","two\nlines",R1\nP3,x,R9\n';
    const { rows } = parseProductsCsv(csv, scales, []);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('rejects a header without the needed columns, and duplicate ids', () => {
    expect(parseProductsCsv('name,foo\nx,y', scales, []).fileErrors[0]?.en).toContain('id, risk');
    const { rows } = parseProductsCsv('id,name_en,risk\nA,a,R1\nA,b,R2', scales, []);
    expect(rows[1]?.ok === false && rows[1].errors[0]?.en).toBe('id A already on line 2');
  });

  it('rejects ids the pack format does not allow', () => {
    const { rows } = parseProductsCsv('id,name_en,risk\n__proto__,a,R1\nbad id,b,R1', scales, []);
    expect(rows.every((r) => !r.ok)).toBe(true);
  });
});

describe('importChange and productsToCsv', () => {
  const pack: Pack = PackSchema.parse(miniPack);

  it('applies valid rows as one batch: replacements in place, new ones at the end', () => {
    const csv = 'id,name_zh,name_en,risk\nP2,新债,New bond,R3\nP8,新,New,R1\nP9,x,x,R0';
    const { rows } = parseProductsCsv(csv, scales, pack.products.items);
    const change = importChange(pack, rows);
    expect(change.type).toBe('batch');
    const next = applyChange(pack, change);
    expect(next.products.items.map((p) => `${p.id}:${p.risk}`)).toEqual([
      'P1:R1',
      'P2:R3',
      'P3:R3',
      'P8:R1',
    ]);
  });

  it('round-trips the catalogue through CSV', () => {
    const products = [
      ...pack.products.items,
      ProductSchema.parse({
        id: 'P7',
        name: { 'zh-CN': '结构, "复杂"', en: 'Structured' },
        risk: 'R3',
        horizon: 'long',
        complex: true,
        tags: ['a', 'b'],
        attributes: { sri: 5, targets: ['x', 'y'], retail: false },
      }),
    ];
    const csv = productsToCsv(products);
    const { rows } = parseProductsCsv(csv, scales, []);
    expect(rows.map((r) => (r.ok ? r.product : r.errors))).toEqual(products);
  });

  it('exports names starting with an OWASP formula lead as text, and imports them back', () => {
    const products = FORMULA_TEXTS.map((text, i) =>
      ProductSchema.parse({ id: `F${i}`, name: { 'zh-CN': text, en: text }, risk: 'R1' }),
    );
    const csv = productsToCsv(products);
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    expect(cells.map((r) => r[1])).toEqual(FORMULA_TEXTS.map((t) => `'${t}`));
    const { rows } = parseProductsCsv(csv, scales, []);
    expect(rows.map((r) => (r.ok ? r.product.name.en : r.errors))).toEqual(
      FORMULA_TEXTS.map((t) => t.trim()),
    );
  });
});
