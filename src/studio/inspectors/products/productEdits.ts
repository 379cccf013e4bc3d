import type { PackChange, Product } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { intent } from '../common/paths.ts';

/** The product catalogue's edits as named intents (`pack.products.items`). */

const ITEMS = ['products', 'items'] as const;

export function addProduct(items: readonly Product[], product: Product): PackChange {
  return intent('add product', lt(`添加产品 ${product.id}`, `added product ${product.id}`), {
    type: 'insert',
    path: ITEMS,
    index: items.length,
    value: product,
  });
}

/** Removes `product`, found at `index` of the catalogue. */
export function removeProduct(product: Product, index: number): PackChange {
  const { id } = product;
  return intent('remove product', lt(`删除产品 ${id}`, `removed product ${id}`), {
    type: 'remove',
    path: ITEMS,
    index,
  });
}

/** One field of `product`, found at `index`; `undefined` removes an optional field. */
export function setProductField<K extends keyof Product>(
  product: Product,
  index: number,
  key: K,
  value: Product[K] | undefined,
): PackChange {
  const { id } = product;
  return intent(
    `product ${key}`,
    lt(`修改产品 ${id} 的 ${key}`, `changed ${key} of product ${id}`),
    {
      type: 'set',
      path: [...ITEMS, index, key],
      value,
    },
  );
}
