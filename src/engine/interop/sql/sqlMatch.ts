import { isPolicyEnabled, lt, type NodeOfKind, type Product } from '../../../domain/index.ts';
import { PASS, SEVERITY, productField } from '../../match/dimensions.ts';
import { foldProduct } from '../../match/foldProduct.ts';
import { own } from '../../scope.ts';
import { condition } from './sqlConditions.ts';
import { sqlLiteral, Unsupported, type QueryBuilder } from './sqlQuery.ts';

export function matchSql(node: NodeOfKind<'match'>, b: QueryBuilder, path: string): void {
  const { dimensions, policies } = node.config;
  const rankCase = (col: string, scale: string, otherwise: string) =>
    `CASE ${col} ${(b.index.scales.get(scale)?.ids ?? []).map((l, i) => `WHEN ${sqlLiteral(l)} THEN ${i}`).join(' ')} ELSE ${otherwise} END`;
  const applies = dimensions.map((d, i) =>
    d.appliesWhen
      ? `${b.ref(d.appliesWhen, `${path}.config.dimensions[${i}].appliesWhen`).sql} IS TRUE`
      : 'TRUE',
  );
  // A policy switched off (`enabled: false`) is not run, as nodes/match.ts: its `when` is not read.
  const active = policies.map((p, j) =>
    !isPolicyEnabled(p)
      ? 'FALSE'
      : p.when
        ? `${b.ref(p.when, `${path}.config.policies[${j}].when`).sql} IS TRUE`
        : 'TRUE',
  );
  /** A product's severity on one dimension (-1: passes), as nodes/match.ts and match/dimensions.ts. */
  const check = (product: Product, i: number): string => {
    const d = dimensions[i] as (typeof dimensions)[number];
    const at = `${path}.config.dimensions[${i}]`;
    const fail = SEVERITY[d.onFail];
    switch (d.kind) {
      case 'matrix': {
        const client = b.ref(d.client, `${at}.client`).sql;
        const cells = (b.index.scales.get(d.clientScale)?.ids ?? []).map((level) => {
          const cell = own(own(d.cells, level), product.risk);
          const sev =
            cell === 'allowed'
              ? PASS
              : typeof cell === 'string' && Object.hasOwn(SEVERITY, cell)
                ? SEVERITY[cell as 'warn']
                : fail;
          return `WHEN ${sqlLiteral(level)} THEN ${sev}`;
        });
        return `CASE ${client} ${cells.join(' ')} ELSE ${fail} END`;
      }
      case 'compare': {
        const whenMissing = d.whenMissing === 'pass' ? PASS : fail;
        const ids = b.index.scales.get(d.scale)?.ids ?? [];
        const p = ids.indexOf(productField(product, d.productField) as string);
        if (p < 0) return String(whenMissing);
        const c = rankCase(b.ref(d.client, `${at}.client`).sql, d.scale, 'NULL');
        const holds = d.rule === 'productAtMostClient' ? `${p} <= ${c}` : `${p} >= ${c}`;
        return `CASE WHEN ${c} IS NULL THEN ${whenMissing} WHEN ${holds} THEN ${PASS} ELSE ${fail} END`;
      }
      case 'contains':
        throw new Unsupported(
          at,
          lt('“包含”维度不导出为 SQL', 'a contains dimension has no SQL form'),
        );
      case 'condition': {
        const folded = foldProduct(d.when, product);
        if (folded === true) return String(PASS);
        if (folded === false) return String(fail);
        return `CASE WHEN ${condition(b, folded, `${at}.when`, product)} THEN ${PASS} ELSE ${fail} END`;
      }
    }
  };
  const items = b.index.pack.products.items;
  const severityOf = (product: Product, dims: number[]) =>
    dims.length === 0
      ? '0'
      : `GREATEST(0, ${dims.map((i) => `CASE WHEN ${applies[i]} THEN ${check(product, i)} ELSE ${PASS} END`).join(', ')})`;
  const all = dimensions.map((_, i) => i);
  let v = items.map((p) => b.define(`${node.id}._v.${p.id}`, severityOf(p, all), 'number'));
  let blocked = '0';
  /** Whether an exempt policy before the current one is active: exemptable dimensions are then skipped. */
  let exempted = 'FALSE';
  policies.forEach((p, j) => {
    if (p.kind === 'flag' || !isPolicyEnabled(p)) return;
    b.stage();
    const s = p.kind === 'blockAll' ? SEVERITY[p.verdict] : 0;
    v = items.map((product, k) => {
      const before = v[k] as string;
      let next: string;
      if (p.kind === 'blockAll')
        next = `CASE WHEN ${active[j]} THEN GREATEST(${before}, ${s}) ELSE ${before} END`;
      else if (p.kind === 'escalate') {
        // Limited to some dimensions: only when one of them failed (applies, did not pass, and
        // was not skipped by an exemption before), as nodes/match.ts reads its checks.
        const only = (p.dimensions ?? []).map((id) => dimensions.findIndex((d) => d.id === id));
        const failedOne =
          only.length === 0
            ? 'TRUE'
            : `(${only
                .map((i) => {
                  const d = dimensions[i];
                  if (!d) return 'FALSE';
                  const waived = d.exemptable ? ` AND NOT (${exempted})` : '';
                  return `(${applies[i]} AND (${check(product, i)}) <> ${PASS}${waived})`;
                })
                .join(' OR ')})`;
        next = `CASE WHEN ${active[j]} AND ${before} = ${SEVERITY[p.from]} AND ${failedOne} THEN ${SEVERITY[p.to]} ELSE ${before} END`;
      } else {
        const kept = all.filter((i) => !(dimensions[i] as (typeof dimensions)[number]).exemptable);
        next = `CASE WHEN ${active[j]} THEN GREATEST(${blocked}, ${severityOf(product, kept)}) ELSE ${before} END`;
      }
      return b.define(`${node.id}._v${j}.${product.id}`, next, 'number');
    });
    if (p.kind === 'blockAll')
      blocked = `GREATEST(${blocked}, CASE WHEN ${active[j]} THEN ${s} ELSE 0 END)`;
    if (p.kind === 'exempt') exempted = `(${exempted} OR ${active[j]})`;
  });
  b.stage();
  items.forEach((product, k) =>
    b.define(
      `${node.id}.products.${product.id}.verdict`,
      `CASE ${v[k]} WHEN 0 THEN 'allowed' WHEN 1 THEN 'warn' ELSE 'prohibited' END`,
      'text',
    ),
  );
}
