import type { MatchDimension, Reason, Verdict } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T } from '../valueTypes.ts';
import type { ProductVerdict, Scope } from '../types.ts';
import { SEVERITY, clientRef, compileDimension, type DimensionCheck } from '../match/dimensions.ts';
import { validateMatch } from '../match/validateMatch.ts';
import { compileGetter } from '../scope.ts';

export type MatchOutput = {
  products: Record<string, ProductVerdict>;
  counts: Record<Verdict, number>;
};

type Dimension = MatchDimension;

const worse = (a: Verdict, b: Verdict): Verdict => (SEVERITY[b] > SEVERITY[a] ? b : a);

export const matchKind: NodeKindDef<'match'> = {
  kind: 'match',
  outputs(_node, pack) {
    const verdict = T.record({
      verdict: T.string,
      reasons: T.list(),
      checks: T.record(undefined, T.string),
      flags: T.list(T.string),
    });
    const products = Object.fromEntries(pack.products.items.map((p) => [p.id, verdict]));
    return {
      products: T.record(products),
      counts: T.record({ allowed: T.number, warn: T.number, prohibited: T.number }),
    };
  },
  validate(node, ctx) {
    validateMatch(node, ctx);
    return ctx.problems;
  },
  reads: (node) => [
    ...node.config.dimensions.flatMap((d) => clientRef(d) ?? []),
    ...node.config.policies.flatMap((p) => p.when ?? []),
  ],
  compile(node, ctx) {
    const { dimensions, policies } = node.config;
    const clients = dimensions.map((d) => {
      const ref = clientRef(d);
      return ref ? ctx.getter(ref) : () => undefined;
    });
    const riskRank = new Map(
      (ctx.index.scales.get(ctx.index.pack.products.riskScale)?.ids ?? []).map((id, i) => [id, i]),
    );
    const products = ctx.index.pack.products.items.map((product) => ({
      id: product.id,
      risk: riskRank.get(product.risk) ?? -1,
      checks: dimensions.map((d) => compileDimension(d, product, ctx)) as DimensionCheck[],
    }));
    const compiledPolicies = policies.map((p) => ({
      p,
      when: p.when ? ctx.getter(p.when) : () => true,
      atLeast:
        p.kind === 'flag' && p.productRiskAtLeast ? (riskRank.get(p.productRiskAtLeast) ?? 0) : -1,
    }));
    const n = dimensions.length;
    const clientValues: unknown[] = new Array(n);
    const failed: (Verdict | undefined)[] = new Array(n);
    const dropped = new Set<Reason>();

    return (scope: Scope): MatchOutput => {
      for (let i = 0; i < n; i++) clientValues[i] = (clients[i] as (s: Scope) => unknown)(scope);
      const active = compiledPolicies.filter((x) => x.when(scope) === true);
      const out: Record<string, ProductVerdict> = {};
      const counts = { allowed: 0, warn: 0, prohibited: 0 };
      for (const product of products) {
        let verdict: Verdict = 'allowed';
        const checks: Record<string, 'pass' | 'fail' | 'skipped'> = {};
        let reasons: Reason[] = [];
        for (let i = 0; i < n; i++) {
          const v = (product.checks[i] as DimensionCheck)(scope, clientValues[i]);
          const d = dimensions[i] as Dimension;
          failed[i] = v;
          checks[d.id] = v ? 'fail' : 'pass';
          if (v) {
            verdict = worse(verdict, v);
            reasons.push(d.reason);
          }
        }
        let blocked: Verdict = 'allowed';
        const flags: string[] = [];
        for (const { p, atLeast } of active) {
          if (p.kind === 'blockAll') {
            blocked = worse(blocked, p.verdict);
            verdict = worse(verdict, p.verdict);
            reasons.push(p.reason);
          } else if (p.kind === 'exempt') {
            // Exempt clients are judged only on the dimensions that cannot be waived (and on
            // any blockAll before this policy); the waived dimensions' reasons go.
            verdict = blocked;
            const kept: Reason[] = [];
            for (let i = 0; i < n; i++) {
              const d = dimensions[i] as Dimension;
              if (d.exemptable) {
                if (failed[i]) dropped.add(d.reason);
                checks[d.id] = 'skipped';
              } else if (failed[i]) verdict = worse(verdict, failed[i] as Verdict);
            }
            for (const r of reasons) if (!dropped.has(r)) kept.push(r);
            dropped.clear();
            kept.push(p.reason);
            reasons = kept;
          } else if (p.kind === 'escalate') {
            if (verdict === p.from) {
              verdict = p.to;
              reasons.push(p.reason);
            }
          } else if (p.verdicts.includes(verdict) && product.risk >= atLeast) {
            if (!flags.includes(p.flag)) flags.push(p.flag);
            reasons.push(p.reason);
          }
        }
        counts[verdict]++;
        out[product.id] = { verdict, reasons, checks, flags };
      }
      return { products: out, counts };
    };
  },
  fired(node, _output, scope, pack) {
    const matrix = node.config.dimensions.find((d) => d.kind === 'matrix');
    if (!matrix || matrix.kind !== 'matrix') return [];
    const client = String(compileGetter(matrix.client)(scope));
    return [...new Set(pack.products.items.map((p) => `${client}x${p.risk}`))];
  },
};
