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

/** Scope roots by name; `product` is the product being matched, inside match conditions. */
export const scopeFacts: FactSource = (name) =>
  name === 'product' ? currentProduct : Object.hasOwn(current, name) ? current[name] : undefined;
