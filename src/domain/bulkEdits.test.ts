import { describe, expect, it } from 'vitest';
import { bulkDuplicate, bulkRemove, type BulkList } from './bulkEdits.ts';
import { applyChange, invertChange } from './changes.ts';
import { lt } from './localized.ts';
import { blankPack } from './newPack.ts';
import type { Pack } from './pack.ts';
import type { Product } from './products.ts';

const base = blankPack({ id: 'p', title: lt('包', 'Pack'), jurisdiction: 'CN' });
const product = (id: string): Product => ({
  id,
  name: lt(id, id),
  risk: 'R1',
  complex: false,
  attributes: {},
  tags: [],
});
const pack: Pack = {
  ...base,
  products: { ...base.products, items: ['a', 'b', 'c', 'd'].map(product) },
};
const products = (p: Pack): BulkList<Product> => ({
  path: ['products', 'items'],
  items: p.products.items,
  noun: lt('产品', 'products'),
});
const ids = (p: Pack) => p.products.items.map((i) => i.id);

describe('bulk edits', () => {
  it('remove the selected items in one step, undone in one step', () => {
    const change = bulkRemove(products(pack), new Set(['b', 'd']));
    const after = applyChange(pack, change);
    expect(ids(after)).toEqual(['a', 'c']);
    expect(change).toMatchObject({
      label: 'bulk remove',
      text: { en: 'removed 2 products: b, d' },
    });
    expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  });

  it('duplicate each selected item right after it, under a fresh id', () => {
    const once = applyChange(pack, bulkDuplicate(products(pack), new Set(['a', 'c'])));
    expect(ids(once)).toEqual(['a', 'a-copy', 'b', 'c', 'c-copy', 'd']);
    const twice = applyChange(once, bulkDuplicate(products(once), new Set(['a'])));
    expect(ids(twice)).toEqual(['a', 'a-copy-2', 'a-copy', 'b', 'c', 'c-copy', 'd']);
    expect(twice.products.items[1]).toEqual({ ...product('a'), id: 'a-copy-2' });
  });

  it('name at most five items in the history', () => {
    const many = {
      ...pack,
      products: { ...pack.products, items: 'abcdefg'.split('').map(product) },
    };
    const change = bulkRemove(products(many), new Set('abcdefg'.split('')));
    expect(change.type === 'batch' && change.text?.en).toBe(
      'removed 7 products: a, b, c, d, e and 2 more',
    );
  });
});
