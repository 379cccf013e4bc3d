import {
  isPolicyEnabled,
  VERDICTS,
  type MatchDimension,
  type NodeConfig,
  type Product,
} from '../../domain/index.ts';
import { productField, SEVERITY } from '../match/dimensions.ts';
import type { PackIndex } from '../packIndex.ts';
import { access, condition, isList, lit, ref, self, type ConditionEnv } from './jdmExpr.ts';
import type { JdmExpression } from './jdmExpr.ts';
import { namesWhere, rankOf, type Report } from './jdmRules.ts';

/**
 * One dimension for one product, as a number: -1 passes, otherwise the severity of the failing
 * verdict (0 allowed, 1 warn, 2 prohibited). Everything about the product is folded in now.
 */
function dimensionCode(
  dim: MatchDimension,
  i: number,
  product: Product,
  ctx: { index: PackIndex; env: ConditionEnv; matrixKey: (i: number) => string; report: Report },
): string {
  const fail = String(SEVERITY[dim.onFail]);
  const client = self('client', `d${i}`);
  switch (dim.kind) {
    case 'matrix': {
      const cell = access([ctx.matrixKey(i), product.risk]);
      return `(${cell} == "allowed" ? -1 : (${cell} == "warn" ? 1 : (${cell} == "prohibited" ? 2 : ${fail})))`;
    }
    case 'compare': {
      const ids = ctx.index.scales.get(dim.scale)?.ids ?? [];
      const p = ids.indexOf(productField(product, dim.productField) as string);
      const missing = dim.whenMissing === 'pass' ? '-1' : fail;
      if (p === -1) return missing;
      const op = dim.rule === 'productAtMostClient' ? '<=' : '>=';
      return `(${client} == null ? ${missing} : (${p} ${op} ${client} ? -1 : ${fail}))`;
    }
    case 'contains': {
      const value = productField(product, dim.productField);
      const missing = dim.whenMissing === 'pass' ? '-1' : fail;
      const list = Array.isArray(value) ? value : [value];
      if (value === undefined || value === null || list.length === 0) return missing;
      const p = lit(list);
      const asList = `(${isList(client)} ? ${client} : [${client}])`;
      const holds =
        dim.rule === 'clientInProduct' ? `all(${asList}, # in ${p})` : `all(${p}, # in ${asList})`;
      const absent = `(${client} == null or (${isList(client)} and len(${client}) == 0))`;
      return `(${absent} ? ${missing} : (${holds} ? -1 : ${fail}))`;
    }
    case 'condition': {
      const t = condition(dim.when, {
        ...ctx.env,
        product: product as unknown as Record<string, unknown>,
      });
      if ('unsupported' in t) {
        ctx.report(
          `config.dimensions[${i}].when`,
          t.unsupported,
          `无法导出的条件：${t.unsupported}`,
        );
        return '-1';
      }
      return `(${t.expr} ? -1 : ${fail})`;
    }
  }
}

/**
 * A match node as one expression node: the client's values once, the policies' switches once,
 * then per product each dimension, each verdict-changing policy step, the verdict, checks and flags.
 * Policies run in order as in the engine: blockAll, exempt (back to the blocked verdict and the
 * dimensions that cannot be waived), escalate, flag. Reasons are text and are not exported.
 */
export function matchExpressions(
  config: NodeConfig<'match'>,
  index: PackIndex,
  env: ConditionEnv,
  matrixKey: (i: number) => string,
  report: Report,
): JdmExpression[] {
  const out: JdmExpression[] = [];
  const { dimensions } = config;
  const policies = config.policies.filter(isPolicyEnabled);
  dimensions.forEach((d, i) => {
    if (d.kind === 'compare')
      out.push({
        key: `client.d${i}`,
        value: rankOf(ref(d.client), index.scales.get(d.scale)?.ids ?? []),
      });
    else if (d.kind === 'contains') out.push({ key: `client.d${i}`, value: ref(d.client) });
  });
  policies.forEach((p, k) =>
    out.push({ key: `policy.k${k}`, value: p.when ? `${ref(p.when)} == true` : 'true' }),
  );
  // The blocked verdict (blockAll so far) does not depend on the product.
  let blocked = '0';
  policies.forEach((p, k) => {
    if (p.kind !== 'blockAll') return;
    const on = self('policy', `k${k}`);
    out.push({
      key: `blocked.k${k}`,
      value: `(${on} ? max([${blocked}, ${SEVERITY[p.verdict]}]) : ${blocked})`,
    });
    blocked = self('blocked', `k${k}`);
  });
  const exemptOn = policies.flatMap((p, k) =>
    p.kind === 'exempt' ? [self('policy', `k${k}`)] : [],
  );
  const riskIds = index.scales.get(index.pack.products.riskScale)?.ids ?? [];
  const severities: string[] = [];
  index.pack.products.items.forEach((product, j) => {
    const pj = `p${j}`;
    const dim = (i: number) => self('v', pj, `d${i}`);
    dimensions.forEach((d, i) => {
      const code = dimensionCode(d, i, product, { index, env, matrixKey, report });
      // A dimension that does not apply passes (-1) and shows as skipped.
      const value = d.appliesWhen ? `(${ref(d.appliesWhen)} == true ? ${code} : -1)` : code;
      out.push({ key: `v.${pj}.d${i}`, value });
    });
    let s = `max([0, ${dimensions.map((_, i) => dim(i)).join(', ')}])`;
    let blockedSoFar = '0';
    const flags: [string, string][] = [];
    policies.forEach((p, k) => {
      const on = self('policy', `k${k}`);
      let next: string | undefined;
      if (p.kind === 'blockAll') {
        next = `(${on} ? max([${s}, ${SEVERITY[p.verdict]}]) : ${s})`;
        blockedSoFar = self('blocked', `k${k}`);
      } else if (p.kind === 'exempt') {
        const kept = dimensions.flatMap((d, i) => (d.exemptable ? [] : [dim(i)]));
        next = `(${on} ? max([${[blockedSoFar, ...kept].join(', ')}]) : ${s})`;
      } else if (p.kind === 'escalate') {
        // Limited to some dimensions: one of them failed and no earlier exemption waived it.
        const waived = policies
          .slice(0, k)
          .flatMap((q, j) => (q.kind === 'exempt' ? [self('policy', `k${j}`)] : []));
        const failedOne = (p.dimensions ?? []).flatMap((id) => {
          const i = dimensions.findIndex((d) => d.id === id);
          const d = dimensions[i];
          if (!d) return [];
          const kept = d.exemptable && waived.length > 0 ? ` and not (${waived.join(' or ')})` : '';
          return [`(${dim(i)} >= 0${kept})`];
        });
        const limit = p.dimensions ? ` and (${failedOne.join(' or ') || 'false'})` : '';
        next = `((${on} and ${s} == ${SEVERITY[p.from]}${limit}) ? ${SEVERITY[p.to]} : ${s})`;
      } else {
        const atLeast = p.productRiskAtLeast ? riskIds.indexOf(p.productRiskAtLeast) : -1;
        if (riskIds.indexOf(product.risk) >= atLeast) {
          const at = lit(p.verdicts.map((v) => SEVERITY[v]));
          const existing = flags.find(([f]) => f === p.flag);
          const c = `(${on} and ${s} in ${at})`;
          if (existing) existing[1] = `(${existing[1]} or ${c})`;
          else flags.push([p.flag, c]);
        }
      }
      if (next) {
        out.push({ key: `v.${pj}.s${k}`, value: next });
        s = self('v', pj, `s${k}`);
      }
    });
    severities.push(s);
    const key = `products.${product.id}`;
    out.push({ key: `${key}.verdict`, value: `${lit(VERDICTS)}[${s}]` });
    dimensions.forEach((d, i) => {
      const checked = `(${dim(i)} >= 0 ? "fail" : "pass")`;
      const skipWhen = d.exemptable ? [...exemptOn] : [];
      if (d.appliesWhen) skipWhen.push(`${ref(d.appliesWhen)} != true`);
      const skip = skipWhen.length > 0 ? `(${skipWhen.join(' or ')})` : '';
      out.push({
        key: `${key}.checks.${d.id}`,
        value: skip ? `(${skip} ? "skipped" : ${checked})` : checked,
      });
    });
    out.push({ key: `${key}.flags`, value: namesWhere(flags) });
  });
  VERDICTS.forEach((v, sev) =>
    out.push({ key: `counts.${v}`, value: `len(filter([${severities.join(', ')}], # == ${sev}))` }),
  );
  return out;
}
