import type { Pack, Product, Rule } from '../../src/domain/index.ts';

/**
 * Larger catalogues made from the real one: copies of its products with new ids, their risk,
 * horizon and variety shifted along their scales so that the larger catalogue still spreads over
 * every matrix column. `size` below the real catalogue takes its first products.
 */
export function withCatalogueSize(pack: Pack, size: number): Pack {
  const real = pack.products.items;
  const scale = (id: string | undefined) =>
    pack.vocabulary.scales.find((s) => s.id === id)?.levels.map((l) => l.id) ?? [];
  const risks = scale(pack.products.riskScale);
  const horizons = scale(pack.products.horizonScale);
  const varieties = scale(pack.products.varietyScale);
  const shift = (ids: string[], id: string | undefined, by: number) =>
    id === undefined || ids.length === 0 ? id : ids[(ids.indexOf(id) + by) % ids.length];
  const items: Product[] = [];
  for (let i = 0; i < size; i++) {
    const p = real[i % real.length] as Product;
    const copy = Math.floor(i / real.length);
    if (copy === 0) {
      items.push(p);
      continue;
    }
    const item: Product = {
      ...p,
      id: `${p.id}-x${copy}`,
      risk: shift(risks, p.risk, copy) as string,
    };
    const horizon = shift(horizons, p.horizon, copy);
    const variety = shift(varieties, p.variety, copy + 1);
    if (horizon) item.horizon = horizon;
    if (variety) item.variety = variety;
    items.push(item);
  }
  return { ...pack, products: { ...pack.products, items } };
}

/**
 * More rules in the CSRC `policy` node: `extra` rules of the shapes the pack already uses (a
 * threshold on a number fact and an answer, an initiator test), each raising its own flag.
 */
export function withExtraRules(pack: Pack, nodeId: string, extra: number): Pack {
  const nodes = pack.graph.nodes.map((n) => {
    if (n.id !== nodeId || n.kind !== 'rules') return n;
    const rules: Rule[] = [...n.config.rules];
    for (let i = 0; i < extra; i++) {
      const q = `Q${(i % 20) + 1}`;
      rules.push({
        name: `extra${i}`,
        conditions: {
          all: [
            { fact: 'age', operator: 'greaterThanInclusive', value: 20 + (i % 60) },
            { fact: 'answers', path: `$.${q}`, operator: 'equal', value: 'ABCDE'[i % 5] as string },
            {
              any: [
                { fact: 'financialAssets', operator: 'lessThan', value: 10_000 * (1 + (i % 50)) },
                { fact: 'context', path: '$.initiator', operator: 'equal', value: 'firm' },
              ],
            },
          ],
        },
        event: { type: 'flag', params: { name: `extraFlag${i}` } },
      });
    }
    return { ...n, config: { ...n.config, rules } };
  });
  return { ...pack, graph: { ...pack.graph, nodes } };
}
