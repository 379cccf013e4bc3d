import {
  isPolicyEnabled,
  type MatchDimension,
  type Reason,
  type Verdict,
} from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T } from '../valueTypes.ts';
import type { ProductVerdict, Scope } from '../types.ts';
import {
  BY_SEVERITY,
  PASS,
  SEVERITY,
  clientRef,
  compileDimension,
  type CompiledDimension,
  type DimensionCheck,
} from '../match/dimensions.ts';
import { OutcomeMemo, outcomeKey, uniqueResiduals } from '../match/outcomeMemo.ts';
import { validateMatch } from '../match/validateMatch.ts';
import { recordTemplate } from '../recordTemplate.ts';
import { compileGetter } from '../scope.ts';

export type MatchOutput = {
  products: Record<string, ProductVerdict>;
  counts: Record<Verdict, number>;
};

type Dimension = MatchDimension;

/** A remembered outcome is shared by every client with its key: nobody may change it. */
function freezeOutcome(outcome: MatchOutput): MatchOutput {
  for (const v of Object.values(outcome.products)) {
    Object.freeze(v.reasons);
    Object.freeze(v.checks);
    Object.freeze(v.flags);
    Object.freeze(v);
  }
  Object.freeze(outcome.products);
  Object.freeze(outcome.counts);
  return Object.freeze(outcome);
}

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
    ...node.config.dimensions.flatMap((d) => d.appliesWhen ?? []),
    ...node.config.policies.flatMap((p) => p.when ?? []),
  ],
  compile(node, ctx) {
    const { dimensions, policies } = node.config;
    const compiled = dimensions.map((d, i) =>
      compileDimension(d, ctx, `${ctx.path}.config.dimensions[${i}]`),
    );
    const clients = dimensions.map((d) => {
      const ref = clientRef(d);
      return ref ? ctx.getter(ref) : () => undefined;
    });
    const appliesWhen = dimensions.map((d) => (d.appliesWhen ? ctx.getter(d.appliesWhen) : null));
    const riskRank = new Map(
      (ctx.index.scales.get(ctx.index.pack.products.riskScale)?.ids ?? []).map((id, i) => [id, i]),
    );
    const products = ctx.index.pack.products.items.map((product) => {
      const checks = compiled.map((d) => d.forProduct(product));
      return {
        id: product.id,
        risk: riskRank.get(product.risk) ?? -1,
        checks: checks.map((c) => c.check),
        residuals: checks.map((c) => c.residual),
      };
    });
    const residuals = uniqueResiduals(products);
    // A policy switched off (`enabled: false`) stays in the pack for the author, not in the run.
    const compiledPolicies = policies.filter(isPolicyEnabled).map((p) => ({
      p,
      when: p.when ? ctx.getter(p.when) : () => true,
      atLeast:
        p.kind === 'flag' && p.productRiskAtLeast ? (riskRank.get(p.productRiskAtLeast) ?? 0) : -1,
      verdict: p.kind === 'blockAll' ? SEVERITY[p.verdict] : 0,
      from: p.kind === 'escalate' ? SEVERITY[p.from] : 0,
      to: p.kind === 'escalate' ? SEVERITY[p.to] : 0,
      /** For an escalation limited to some dimensions: their positions; empty means any. */
      onlyIf:
        p.kind === 'escalate'
          ? (p.dimensions ?? []).map((id) => dimensions.findIndex((d) => d.id === id))
          : [],
      verdicts: p.kind === 'flag' ? p.verdicts.map((v) => SEVERITY[v]) : [],
    }));
    const n = dimensions.length;
    const ids = dimensions.map((d) => d.id);
    const prepared: unknown[] = new Array(n);
    /** Whether each dimension applies to this client (its `appliesWhen` is exactly true). */
    const applies: boolean[] = new Array(n);
    const failed: number[] = new Array(n);
    const dropped = new Set<Reason>();
    // Cloned from templates with every key in place: V8 copies a known shape quickly, while adding
    // keys one by one to an empty object walks its slow, dictionary path.
    const checksTemplate = recordTemplate<'pass' | 'fail' | 'skipped'>(ids, 'pass');
    // V8 keeps at most ~1,020 named properties in fast layout: past that the template is a
    // dictionary, and cloning one then setting every key costs more than filling an empty one.
    const bigCatalogue = products.length > 1000;
    const productsTemplate = recordTemplate(
      products.map((p) => p.id),
      undefined as unknown as ProductVerdict,
    );
    const isActive: boolean[] = compiledPolicies.map(() => false);
    // Clients with the same levels, horizon, variety, flags and leftover-condition results get the
    // same outcome for every product: most of a population shares a few hundred of them.
    // Bounded by product verdicts held (~128k, some tens of MB), not by outcomes: an outcome of a
    // 3,000-product catalogue is a hundred times the size of one of 30.
    const memoOn = ctx.memo;
    const memo = new OutcomeMemo<MatchOutput>(
      Math.min(4096, Math.max(16, Math.floor(131_072 / Math.max(1, products.length)))),
    );

    return (scope: Scope): MatchOutput => {
      for (let i = 0; i < n; i++) {
        const when = appliesWhen[i];
        applies[i] = when ? when(scope) === true : true;
        prepared[i] = applies[i]
          ? (compiled[i] as CompiledDimension).prepare((clients[i] as (s: Scope) => unknown)(scope))
          : undefined;
      }
      for (let j = 0; j < compiledPolicies.length; j++)
        isActive[j] =
          (compiledPolicies[j] as (typeof compiledPolicies)[number]).when(scope) === true;
      const key = memoOn ? outcomeKey(scope, applies, prepared, isActive, residuals) : undefined;
      const known = key === undefined ? undefined : memo.get(key);
      if (known) return known;
      const active = compiledPolicies.filter((_, j) => isActive[j]);
      const out: Record<string, ProductVerdict> = bigCatalogue ? {} : { ...productsTemplate };
      const counts = { allowed: 0, warn: 0, prohibited: 0 };
      for (const product of products) {
        let verdict = 0;
        const checks = { ...checksTemplate };
        let reasons: Reason[] = [];
        for (let i = 0; i < n; i++) {
          if (!applies[i]) {
            failed[i] = PASS;
            checks[ids[i] as string] = 'skipped';
            continue;
          }
          const v = (product.checks[i] as DimensionCheck)(scope, prepared[i]);
          failed[i] = v;
          if (v !== PASS) {
            checks[ids[i] as string] = 'fail';
            if (v > verdict) verdict = v;
            reasons.push((dimensions[i] as Dimension).reason);
          }
        }
        let blocked = 0;
        const flags: string[] = [];
        for (const x of active) {
          const p = x.p;
          if (p.kind === 'blockAll') {
            if (x.verdict > blocked) blocked = x.verdict;
            if (x.verdict > verdict) verdict = x.verdict;
            reasons.push(p.reason);
          } else if (p.kind === 'exempt') {
            // Exempt clients are judged only on the dimensions that cannot be waived (and on
            // any blockAll before this policy); the waived dimensions' reasons go.
            verdict = blocked;
            for (let i = 0; i < n; i++) {
              const d = dimensions[i] as Dimension;
              const v = failed[i] as number;
              if (d.exemptable) {
                if (v !== PASS) dropped.add(d.reason);
                checks[d.id] = 'skipped';
              } else if (v > verdict) verdict = v;
            }
            const kept: Reason[] = [];
            for (const r of reasons) if (!dropped.has(r)) kept.push(r);
            dropped.clear();
            kept.push(p.reason);
            reasons = kept;
          } else if (p.kind === 'escalate') {
            if (
              verdict === x.from &&
              (x.onlyIf.length === 0 || x.onlyIf.some((i) => checks[ids[i] as string] === 'fail'))
            ) {
              verdict = x.to;
              reasons.push(p.reason);
            }
          } else if (x.verdicts.includes(verdict) && product.risk >= x.atLeast) {
            if (!flags.includes(p.flag)) flags.push(p.flag);
            reasons.push(p.reason);
          }
        }
        const name = BY_SEVERITY[verdict] as Verdict;
        counts[name]++;
        out[product.id] = { verdict: name, reasons, checks, flags };
      }
      const outcome = { products: out, counts };
      if (key !== undefined && memo.admit(key)) memo.set(key, freezeOutcome(outcome));
      return outcome;
    };
  },
  fired(node, _output, scope, pack) {
    const matrix = node.config.dimensions.find(
      (d) =>
        d.kind === 'matrix' && (!d.appliesWhen || compileGetter(d.appliesWhen)(scope) === true),
    );
    if (!matrix || matrix.kind !== 'matrix') return [];
    const client = String(compileGetter(matrix.client)(scope));
    return [...new Set(pack.products.items.map((p) => `${client}x${p.risk}`))];
  },
};
