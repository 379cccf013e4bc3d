import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../domain/index.ts';
import { catalogueView } from './catalogueView.ts';

const p = (id: string, risk: string, en: string, tags: string[] = []) =>
  ProductSchema.parse({ id, risk, name: { 'zh-CN': en, en }, tags });
const items = [
  p('P10', 'R3', 'Equity', ['fund']),
  p('P2', 'R1', 'Money'),
  p('P1', 'R2', 'Bond', ['fund']),
];
const scales = { risk: ['R1', 'R2', 'R3'], horizon: [], variety: [] };

describe('catalogueView', () => {
  it('sorts ids naturally and levels by scale order, keeping pack indices', () => {
    const byId = catalogueView(
      items,
      { text: '', risk: '' },
      { key: 'id', descending: false },
      scales,
    );
    expect(byId.map((r) => r.product.id)).toEqual(['P1', 'P2', 'P10']);
    expect(byId.map((r) => r.index)).toEqual([2, 1, 0]);
    const byRisk = catalogueView(
      items,
      { text: '', risk: '' },
      { key: 'risk', descending: true },
      scales,
    );
    expect(byRisk.map((r) => r.product.risk)).toEqual(['R3', 'R2', 'R1']);
  });

  it('filters by text over ids, names and tags, and by risk', () => {
    const fund = catalogueView(
      items,
      { text: 'FUND', risk: '' },
      { key: 'id', descending: false },
      scales,
    );
    expect(fund.map((r) => r.product.id)).toEqual(['P1', 'P10']);
    const r1 = catalogueView(
      items,
      { text: '', risk: 'R1' },
      { key: 'id', descending: false },
      scales,
    );
    expect(r1.map((r) => r.product.id)).toEqual(['P2']);
  });
});
