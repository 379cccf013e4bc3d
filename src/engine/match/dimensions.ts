import type { MatchDimension, Product, Verdict } from '../../domain/index.ts';
import { compileCondition } from '../conditions.ts';
import type { CompileContext } from '../nodes/kind.ts';
import { own } from '../scope.ts';
import { enterScope, scopeFacts } from '../scopeFacts.ts';
import type { Scope } from '../types.ts';

/** A dimension's outcome for one product: undefined when it passes, else the failing verdict. */
export type DimensionCheck = (scope: Scope, clientValue: unknown) => Verdict | undefined;

export const SEVERITY: Record<Verdict, number> = { allowed: 0, warn: 1, prohibited: 2 };

/** Reads `risk`, `horizon`, `variety` or `attributes.<name>` of a product. */
export function productField(product: Product, field: string): unknown {
  if (field.startsWith('attributes.')) return own(product.attributes, field.slice(11));
  if (field === 'risk' || field === 'horizon' || field === 'variety') return product[field];
  return undefined;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const missing = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * Compiles one dimension against one product. Everything about the product is resolved here, once;
 * at evaluation only the client's value varies.
 */
export function compileDimension(
  dim: MatchDimension,
  product: Product,
  ctx: CompileContext,
): DimensionCheck {
  const fail = dim.onFail;
  switch (dim.kind) {
    case 'matrix': {
      const column = new Map<string, Verdict>();
      for (const [level, row] of Object.entries(dim.cells)) {
        const cell = own(row, product.risk) as Verdict | undefined;
        if (cell) column.set(level, cell);
      }
      return (_s, client) => {
        const cell = column.get(client as string);
        if (cell === 'allowed') return undefined;
        return cell ?? fail;
      };
    }
    case 'compare': {
      const rank = new Map((ctx.index.scales.get(dim.scale)?.ids ?? []).map((id, i) => [id, i]));
      const p = rank.get(productField(product, dim.productField) as string);
      const whenMissing = dim.whenMissing === 'pass' ? undefined : fail;
      const atMost = dim.rule === 'productAtMostClient';
      return (_s, client) => {
        const c = rank.get(client as string);
        if (p === undefined || c === undefined) return whenMissing;
        return (atMost ? p <= c : p >= c) ? undefined : fail;
      };
    }
    case 'contains': {
      const value = productField(product, dim.productField);
      const productValues = asList(value);
      const whenMissing = dim.whenMissing === 'pass' ? undefined : fail;
      const clientInProduct = dim.rule === 'clientInProduct';
      return (_s, client) => {
        if (missing(value) || missing(client)) return whenMissing;
        const [subject, object] = clientInProduct
          ? [asList(client), productValues]
          : [productValues, asList(client)];
        return subject.every((x) => object.includes(x)) ? undefined : fail;
      };
    }
    case 'condition': {
      const test = compileCondition(dim.when);
      return (scope) => {
        enterScope(scope, product);
        return test(scopeFacts) ? undefined : fail;
      };
    }
  }
}

/** The reference a dimension reads the client's value from, if any. */
export function clientRef(dim: MatchDimension): string | undefined {
  return dim.kind === 'condition' ? undefined : dim.client;
}
