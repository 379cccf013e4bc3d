import type { Product } from '../../../domain/index.ts';

export type SortKey = 'id' | 'name' | 'risk' | 'horizon' | 'variety' | 'complex';
export type Sort = { key: SortKey; descending: boolean };
export type ScaleOrder = {
  risk: readonly string[];
  horizon: readonly string[];
  variety: readonly string[];
};

/**
 * The rows the catalogue table shows: filtered by text (id, names, tags) and risk level, sorted by a
 * column (levels by their scale order, not alphabetically). Each keeps its index in the pack.
 */
export function catalogueView(
  items: readonly Product[],
  filter: { text: string; risk: string },
  sort: Sort,
  scales: ScaleOrder,
): { product: Product; index: number }[] {
  const text = filter.text.trim().toLowerCase();
  const rows = items
    .map((product, index) => ({ product, index }))
    .filter(({ product: p }) => {
      if (filter.risk && p.risk !== filter.risk) return false;
      if (!text) return true;
      return [p.id, p.name['zh-CN'], p.name.en, ...p.tags].some((s) =>
        s.toLowerCase().includes(text),
      );
    });
  const rank = (list: readonly string[], v: string | undefined) =>
    v === undefined ? -1 : list.indexOf(v);
  const key = (p: Product): string | number => {
    switch (sort.key) {
      case 'id':
        return p.id;
      case 'name':
        return p.name.en || p.name['zh-CN'];
      case 'risk':
        return rank(scales.risk, p.risk);
      case 'horizon':
        return rank(scales.horizon, p.horizon);
      case 'variety':
        return rank(scales.variety, p.variety);
      case 'complex':
        return p.complex ? 1 : 0;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const ka = key(a.product);
    const kb = key(b.product);
    const c =
      typeof ka === 'number' && typeof kb === 'number'
        ? ka - kb
        : String(ka).localeCompare(String(kb), 'en', { numeric: true });
    return c !== 0 ? sign * c : a.index - b.index;
  });
}
