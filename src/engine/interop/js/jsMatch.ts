import {
  canonicalJson,
  isPolicyEnabled,
  type MatchDimension,
  type Product,
} from '../../../domain/index.ts';
import { conditionFacts } from '../../conditions.ts';
import { PASS, SEVERITY, clientRef, productField } from '../../match/dimensions.ts';
import { foldProduct } from '../../match/foldProduct.ts';
import { own } from '../../scope.ts';
import { emitCondition } from './jsConditions.ts';
import type { JsEmitter, NodeEnv } from './jsEnv.ts';
import { idLit, objectOf, prop } from './jsLiteral.ts';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const missing = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0);

function rankMap(env: NodeEnv, scaleId: string): Map<string, number> {
  return new Map((env.index.scales.get(scaleId)?.ids ?? []).map((id, i) => [id, i]));
}

/** What the client's value becomes once per evaluation (match/dimensions.ts `prepare`). */
function prepare(d: MatchDimension, env: NodeEnv): string {
  const ref = clientRef(d);
  const client = ref ? env.ref(ref) : 'undefined';
  const ranks = (scale: string) => env.constant(Object.fromEntries(rankMap(env, scale)));
  switch (d.kind) {
    case 'matrix':
      return `rankOr(${ranks(d.clientScale)}, ${client}, -1)`;
    case 'compare':
      return `rankOr(${ranks(d.scale)}, ${client}, undefined)`;
    case 'contains':
      return `prepareList(${client})`;
    case 'condition':
      return 'undefined';
  }
}

/** Where a leftover condition's result is kept, by condition and product (see outcomeMemo.ts). */
type Residuals = (
  folded: Exclude<ReturnType<typeof foldProduct>, boolean>,
  product: Product,
  dim: number,
) => number;

/** One product's check of one dimension, reading the prepared client value `c[i]`. */
function check(
  d: MatchDimension,
  i: number,
  product: Product,
  env: NodeEnv,
  residual: Residuals,
): string {
  const fail = SEVERITY[d.onFail];
  const c = `c[${i}]`;
  switch (d.kind) {
    case 'matrix': {
      const column = [...rankMap(env, d.clientScale).keys()].map((level) => {
        const cell = own(own(d.cells, level), product.risk);
        return cell === 'allowed'
          ? PASS
          : typeof cell === 'string' && Object.hasOwn(SEVERITY, cell)
            ? SEVERITY[cell as 'warn']
            : fail;
      });
      return `(${env.constant(column)}[${c}] ?? ${fail})`;
    }
    case 'compare': {
      const whenMissing = d.whenMissing === 'pass' ? PASS : fail;
      const p = rankMap(env, d.scale).get(productField(product, d.productField) as string);
      if (p === undefined) return String(whenMissing);
      const holds = d.rule === 'productAtMostClient' ? `${p} <= ${c}` : `${p} >= ${c}`;
      return `(${c} === undefined ? ${whenMissing} : ${holds} ? ${PASS} : ${fail})`;
    }
    case 'contains': {
      const whenMissing = d.whenMissing === 'pass' ? PASS : fail;
      const value = productField(product, d.productField);
      if (missing(value)) return String(whenMissing);
      const values = env.constant(asList(value));
      const [subject, object] = d.rule === 'clientInProduct' ? [c, values] : [values, c];
      return `(${c} === undefined ? ${whenMissing} : allIn(${subject}, ${object}, ${fail}))`;
    }
    case 'condition': {
      const folded = foldProduct(d.when, product);
      if (folded === true) return String(PASS);
      if (folded === false) return String(fail);
      return `(r[${residual(folded, product, i)}] === 1 ? ${PASS} : ${fail})`;
    }
  }
}

/**
 * The match node, straight-line per product (nodes/match.ts): each product's checks are resolved
 * at export time to a lookup or a comparison, its policies to a few tests.
 */
export const emitMatch: JsEmitter<'match'> = (node, env) => {
  const { dimensions } = node.config;
  // A policy switched off (`enabled: false`) stays in the pack, not in the run (nodes/match.ts).
  const policies = node.config.policies.filter(isPolicyEnabled);
  const items = env.index.pack.products.items;
  const riskRank = rankMap(env, env.index.pack.products.riskScale);
  // Each leftover condition once, in the order the products first ask for it, tested once per
  // client before any product: its result is part of the memo key, as in the engine.
  const residualKeys = new Map<string, number>();
  const residualTests: string[] = [];
  const residual: Residuals = (folded, product, dim) => {
    const at = `${env.path}.config.dimensions[${dim}]`;
    const readsProduct = conditionFacts(folded).includes('product');
    const key = `${at}:${readsProduct ? `product ${product.id}` : canonicalJson(folded)}`;
    const known = residualKeys.get(key);
    if (known !== undefined) return known;
    const test = emitCondition(folded, `${at}.when`, env.withProduct(env.constant(product)));
    residualTests.push(`ap[${dim}] ? (${test} ? 1 : 0) : -1`);
    residualKeys.set(key, residualTests.length - 1);
    return residualTests.length - 1;
  };
  const memo = env.state(
    `new OutcomeMemo(${Math.min(4096, Math.max(16, Math.floor(131_072 / Math.max(1, items.length))))})`,
  );
  const fns: string[] = [];
  const out: string[] = [
    `const ap = [${dimensions.map((d) => (d.appliesWhen ? `${env.ref(d.appliesWhen)} === true` : 'true')).join(', ')}];`,
    `const c = [${dimensions.map((d, i) => `ap[${i}] ? ${prepare(d, env)} : undefined`).join(', ')}];`,
    `const act = [${policies.map((p) => (p.when ? `${env.ref(p.when)} === true` : 'true')).join(', ')}];`,
  ];
  const exempts = policies.some((p) => p.kind === 'exempt');
  for (const product of items) {
    const block = [
      'let v = 0;',
      `const checks = ${objectOf(dimensions.map((d) => [d.id, "'pass'"]))};`,
      'let reasons = [];',
    ];
    if (exempts) block.push(`const failed = [${dimensions.map(() => PASS).join(', ')}];`);
    dimensions.forEach((d, i) => {
      const key = prop('checks', d.id);
      block.push(
        `if (ap[${i}]) { const x = ${check(d, i, product, env, residual)};${exempts ? ` failed[${i}] = x;` : ''} if (x !== ${PASS}) { ${key} = 'fail'; if (x > v) v = x; reasons.push(${env.object(d.reason)}); } } else { ${key} = 'skipped'; }`,
      );
    });
    block.push('let blocked = 0;', 'const flags = [];');
    const risk = riskRank.get(product.risk) ?? -1;
    policies.forEach((p, j) => {
      const reason = env.object(p.reason);
      const active = `act[${j}]`;
      if (p.kind === 'blockAll') {
        const s = SEVERITY[p.verdict];
        block.push(
          `if (${active}) { if (${s} > blocked) blocked = ${s}; if (${s} > v) v = ${s}; reasons.push(${reason}); }`,
        );
      } else if (p.kind === 'exempt') {
        // Judged only on what cannot be waived; the waived dimensions' reasons go.
        const body = ['v = blocked;', 'const dropped = [];'];
        dimensions.forEach((d, i) => {
          if (d.exemptable)
            body.push(
              `if (failed[${i}] !== ${PASS}) dropped.push(${env.object(d.reason)}); ${prop('checks', d.id)} = 'skipped';`,
            );
          else body.push(`if (failed[${i}] > v) v = failed[${i}];`);
        });
        body.push(
          'reasons = reasons.filter((r) => !dropped.includes(r));',
          `reasons.push(${reason});`,
        );
        block.push(`if (${active}) { ${body.join(' ')} }`);
      } else if (p.kind === 'escalate') {
        // Limited to some dimensions: only when one of them failed (still failed after any exempt).
        const onlyIf = (p.dimensions ?? []).map((id) => `${prop('checks', id)} === 'fail'`);
        const failedOne = onlyIf.length === 0 ? '' : ` && (${onlyIf.join(' || ')})`;
        block.push(
          `if (${active} && v === ${SEVERITY[p.from]}${failedOne}) { v = ${SEVERITY[p.to]}; reasons.push(${reason}); }`,
        );
      } else {
        const atLeast = p.productRiskAtLeast ? (riskRank.get(p.productRiskAtLeast) ?? 0) : -1;
        if (risk < atLeast) return;
        const verdicts = p.verdicts.map((x) => `v === ${SEVERITY[x]}`).join(' || ') || 'false';
        block.push(
          `if (${active} && (${verdicts})) { if (!flags.includes(${idLit(p.flag)})) flags.push(${idLit(p.flag)}); reasons.push(${reason}); }`,
        );
      }
    });
    block.push(
      'const verdict = BY_SEVERITY[v];',
      'counts[verdict]++;',
      'return { verdict, reasons, checks, flags };',
    );
    // One function per product: the node's own stays small enough for V8 to optimize.
    const fn = env.helper('ap, c, act, r, counts', block.join('\n'));
    fns.push(`${prop('products', product.id)} = ${fn}(ap, c, act, r, counts);`);
  }
  out.push(
    `const r = [${residualTests.join(', ')}];`,
    'let key = outcomeKey(ap, c, act);',
    "if (key !== undefined) key += r.map((x) => (x === -1 ? '-' : x)).join('');",
    `const known = key === undefined ? undefined : ${memo}.get(key);`,
    'if (known) return known;',
    'const products = {};',
    'const counts = { allowed: 0, warn: 0, prohibited: 0 };',
    ...fns,
    'const outcome = { products, counts };',
    `if (key !== undefined && ${memo}.admit(key)) ${memo}.set(key, outcome);`,
    'return outcome;',
  );
  return out.join('\n');
};
