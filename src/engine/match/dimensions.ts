import {
  canonicalJson,
  type MatchDimension,
  type Product,
  type Verdict,
} from '../../domain/index.ts';
import { compileCondition, conditionFacts } from '../conditions.ts';
import { foldProduct } from './foldProduct.ts';
import type { CompileContext } from '../nodes/kind.ts';
import { own } from '../scope.ts';
import { enterScope, scopeFacts } from '../scopeFacts.ts';
import type { Scope } from '../types.ts';

/** Verdicts by severity: the hot path compares numbers, not strings. */
export const BY_SEVERITY: readonly Verdict[] = ['allowed', 'warn', 'prohibited'];
export const SEVERITY: Record<Verdict, number> = { allowed: 0, warn: 1, prohibited: 2 };
/** What a check returns when the dimension passes. */
export const PASS = -1;

/**
 * A dimension's outcome for one product: PASS, or the severity of its failing verdict. `client` is
 * what the dimension's `prepare` made of the client's value, once per evaluation.
 */
export type DimensionCheck = (scope: Scope, client: unknown) => number;

/**
 * A condition left over after the product's own facts were folded in: the only part of a check that
 * reads the client beyond the dimension's prepared value. `key` is the same for every product whose
 * leftover condition is the same and reads nothing of the product, so it is tested once per client.
 */
export type Residual = { key: string; test: (scope: Scope) => boolean };

export type ProductCheck = { check: DimensionCheck; residual?: Residual };

export type CompiledDimension = {
  /** Turns the client's value into what every product's check reads (a rank, a list). */
  prepare: (clientValue: unknown) => unknown;
  forProduct: (product: Product) => ProductCheck;
};

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
 * Compiles one dimension: what is known about each product is resolved once, here; at evaluation
 * the client's value is prepared once and each product's check is a lookup or a comparison.
 */
export function compileDimension(
  dim: MatchDimension,
  ctx: CompileContext,
  /** JSON path of the dimension, for errors raised while evaluating its condition. */
  at: string,
): CompiledDimension {
  const fail = SEVERITY[dim.onFail];
  const rankOf = (scaleId: string) =>
    new Map((ctx.index.scales.get(scaleId)?.ids ?? []).map((id, i) => [id, i]));
  switch (dim.kind) {
    case 'matrix': {
      const clientRank = rankOf(dim.clientScale);
      return {
        prepare: (client) => clientRank.get(client as string) ?? -1,
        forProduct(product) {
          // Severity per client rank for this product's risk; a missing cell fails.
          const column = [...clientRank.keys()].map((level) => {
            const cell = own(own(dim.cells, level), product.risk) as Verdict | undefined;
            return cell === 'allowed' ? PASS : cell ? SEVERITY[cell] : fail;
          });
          return { check: (_s, rank) => column[rank as number] ?? fail };
        },
      };
    }
    case 'compare': {
      const rank = rankOf(dim.scale);
      const whenMissing = dim.whenMissing === 'pass' ? PASS : fail;
      const atMost = dim.rule === 'productAtMostClient';
      return {
        prepare: (client) => rank.get(client as string),
        forProduct(product) {
          const p = rank.get(productField(product, dim.productField) as string);
          return {
            check: (_s, c) => {
              if (p === undefined || c === undefined) return whenMissing;
              return (atMost ? p <= (c as number) : p >= (c as number)) ? PASS : fail;
            },
          };
        },
      };
    }
    case 'contains': {
      const whenMissing = dim.whenMissing === 'pass' ? PASS : fail;
      const clientInProduct = dim.rule === 'clientInProduct';
      return {
        prepare: (client) => (missing(client) ? undefined : asList(client)),
        forProduct(product) {
          const value = productField(product, dim.productField);
          const productValues = missing(value) ? undefined : asList(value);
          return {
            check: (_s, client) => {
              if (!productValues || client === undefined) return whenMissing;
              const [subject, object] = clientInProduct
                ? [client as unknown[], productValues]
                : [productValues, client as unknown[]];
              for (const x of subject) if (!object.includes(x)) return fail;
              return PASS;
            },
          };
        },
      };
    }
    case 'condition': {
      return {
        prepare: () => undefined,
        forProduct(product) {
          // What the condition asks of the product is answered now; often nothing is left.
          const folded = foldProduct(dim.when, product);
          if (folded === true) return { check: () => PASS };
          if (folded === false) return { check: () => fail };
          const compiled = compileCondition(folded, `${at}.when`);
          const test = (scope: Scope) => {
            enterScope(scope, product);
            return compiled(scopeFacts);
          };
          const readsProduct = conditionFacts(folded).includes('product');
          const key = `${at}:${readsProduct ? `product ${product.id}` : canonicalJson(folded)}`;
          return { check: (scope) => (test(scope) ? PASS : fail), residual: { key, test } };
        },
      };
    }
  }
}

/** The reference a dimension reads the client's value from, if any. */
export function clientRef(dim: MatchDimension): string | undefined {
  return dim.kind === 'condition' ? undefined : dim.client;
}
