import { lt, type NodeOfKind } from '../../domain/index.ts';
import type { ValidateContext } from '../nodes/kind.ts';
import { T, type ValueType } from '../valueTypes.ts';

/** The type of a product as a `condition` dimension sees it under the fact `product`. */
export function productType(ctx: ValidateContext): ValueType {
  const c = ctx.index.pack.products;
  const level = (s: string | undefined) => (s ? T.level(s) : T.string);
  return T.record({
    id: T.string,
    name: T.any,
    risk: level(c.riskScale),
    horizon: level(c.horizonScale),
    variety: level(c.varietyScale),
    complex: T.boolean,
    attributes: T.record(),
    tags: T.list(T.string),
  });
}

/** The scale a product field's levels are on, per the catalogue; undefined for attributes. */
function fieldScale(ctx: ValidateContext, field: string, at: string): string | undefined {
  const c = ctx.index.pack.products;
  if (field === 'risk') return c.riskScale;
  if (field === 'horizon' || field === 'variety') {
    const s = field === 'horizon' ? c.horizonScale : c.varietyScale;
    if (!s)
      ctx.error(
        'match.productField',
        at,
        lt(`产品目录未设置 ${field}Scale`, `the catalogue has no ${field}Scale`),
      );
    return s;
  }
  if (!/^attributes\.[A-Za-z0-9_-]+$/.test(field))
    ctx.error(
      'match.productField',
      at,
      lt(
        `产品字段“${field}”应为 risk、horizon、variety 或 attributes.<名称>`,
        `product field "${field}" must be risk, horizon, variety or attributes.<name>`,
      ),
    );
  return undefined;
}

export function validateMatch(node: NodeOfKind<'match'>, ctx: ValidateContext): void {
  const riskScale = ctx.index.scales.get(ctx.index.pack.products.riskScale);
  const ids = new Set<string>();
  node.config.dimensions.forEach((d, i) => {
    const at = `config.dimensions[${i}]`;
    if (ids.has(d.id))
      ctx.error(
        'match.duplicateDimension',
        `${at}.id`,
        lt(`维度“${d.id}”重复`, `dimension "${d.id}" is used twice`),
      );
    ids.add(d.id);
    if (d.appliesWhen) ctx.ref(d.appliesWhen, `${at}.appliesWhen`, T.boolean);
    if (d.kind === 'matrix') {
      const scale = ctx.scale(d.clientScale, `${at}.clientScale`);
      ctx.ref(d.client, `${at}.client`, T.level(d.clientScale));
      for (const [level, row] of Object.entries(d.cells)) {
        ctx.level(scale, level, `${at}.cells.${level}`);
        for (const risk of Object.keys(row))
          ctx.level(riskScale, risk, `${at}.cells.${level}.${risk}`);
      }
      for (const level of scale?.ids ?? [])
        for (const risk of riskScale?.ids ?? [])
          if (!d.cells[level]?.[risk])
            ctx.warn(
              'match.cellMissing',
              `${at}.cells`,
              lt(
                `矩阵缺少 ${level}x${risk}，视为不通过（${d.onFail}）`,
                `matrix has no cell ${level}x${risk}; it counts as a fail (${d.onFail})`,
              ),
            );
    } else if (d.kind === 'compare') {
      ctx.scale(d.scale, `${at}.scale`);
      ctx.ref(d.client, `${at}.client`, T.level(d.scale));
      const s = fieldScale(ctx, d.productField, `${at}.productField`);
      if (s && s !== d.scale)
        ctx.error(
          'match.scale',
          `${at}.scale`,
          lt(
            `产品字段 ${d.productField} 使用量表 ${s}，而不是 ${d.scale}`,
            `product field ${d.productField} is on scale ${s}, not ${d.scale}`,
          ),
        );
    } else if (d.kind === 'contains') {
      ctx.ref(d.client, `${at}.client`);
      fieldScale(ctx, d.productField, `${at}.productField`);
    } else ctx.condition(d.when, `${at}.when`, { product: productType(ctx) });
  });
  node.config.policies.forEach((p, i) => {
    const at = `config.policies[${i}]`;
    if (p.when) ctx.ref(p.when, `${at}.when`, T.boolean);
    if (p.kind === 'escalate')
      p.dimensions?.forEach((id, j) => {
        if (!ids.has(id))
          ctx.error(
            'match.unknownDimension',
            `${at}.dimensions[${j}]`,
            lt(`没有维度“${id}”`, `there is no dimension "${id}"`),
          );
      });
    if (p.kind === 'flag' && p.productRiskAtLeast)
      ctx.level(riskScale, p.productRiskAtLeast, `${at}.productRiskAtLeast`);
  });
}
