import type { Pack } from '../../domain/index.ts';
import { compilePack, type CompiledPack } from '../compilePack.ts';
import { same } from '../diffText.ts';
import { PackInvalidError } from '../types.ts';

/** The parts of a pack that do not take part in an evaluation. */
const evaluated = (p: Pack) => ({
  ...p,
  version: '',
  status: 'draft',
  changelog: [],
  title: null,
  description: null,
  tests: [],
  sampleClients: [],
  scenarios: null,
  integrity: null,
  products: { ...p.products, items: [] },
});

/**
 * When two versions differ only in some catalogue entries (a re-rating), a client's level, flags
 * and the other products' verdicts are the same under both: the previous version then need only
 * match the products that differ. Returns that previous version cut down to them (compiled), an
 * empty list when nothing evaluated differs, or undefined when more than the catalogue changed.
 * Verdicts are product by product in the match node, so the cut changes no verdict it keeps.
 */
export function ratingOnlyBaseline(
  before: Pack,
  after: Pack,
): { compiled: CompiledPack | undefined; products: string[] } | undefined {
  const ids = (p: Pack) => p.products.items.map((i) => i.id);
  if (!same(ids(before), ids(after)) || !same(evaluated(before), evaluated(after)))
    return undefined;
  const next = new Map(after.products.items.map((p) => [p.id, p]));
  const items = before.products.items.filter((p) => !same(p, next.get(p.id)));
  if (items.length === 0) return { compiled: undefined, products: [] };
  try {
    const compiled = compilePack({ ...before, products: { ...before.products, items } });
    return { compiled, products: items.map((p) => p.id) };
  } catch (e) {
    if (e instanceof PackInvalidError) return undefined;
    throw e;
  }
}
