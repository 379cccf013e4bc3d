import type { FactSource } from './conditions.ts';
import type { Scope } from './types.ts';

// One fact source for every compiled condition, pointed at the scope being evaluated. Evaluation
// is synchronous, so this is safe, and the hot path then creates no closure per rule or product.
let current: Scope = {};
let currentProduct: unknown = undefined;

export function enterScope(scope: Scope, product?: unknown): void {
  current = scope;
  currentProduct = product;
}

/**
 * Scope roots by name; `product` is the product being matched, inside match conditions. Validation
 * admits only facts, node ids, `answers` and `context` as condition facts, and the evaluator sets
 * each of those as an own property of the scope, so no inherited name can be read here.
 */
export const scopeFacts: FactSource = (name) =>
  name === 'product' ? currentProduct : current[name];
