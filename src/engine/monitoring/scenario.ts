import type {
  LocalizedText,
  Pack,
  Product,
  ProductSelector,
  Scenario,
} from '../../domain/index.ts';

/** A product whose risk level a scenario moved. */
export type Rerating = { product: string; from: string; to: string };

export type ScenarioOutcome =
  | { ok: true; pack: Pack; reratings: Rerating[] }
  | { ok: false; problems: { path: string; message: LocalizedText }[] };

function selects(select: ProductSelector, p: Product, risk: string): boolean {
  const given = [select.products, select.tags, select.varieties, select.risks];
  if (given.every((c) => c === undefined)) return false;
  return (
    (select.products === undefined || select.products.includes(p.id)) &&
    (select.tags === undefined || select.tags.every((t) => p.tags.includes(t))) &&
    (select.varieties === undefined ||
      (p.variety !== undefined && select.varieties.includes(p.variety))) &&
    (select.risks === undefined || select.risks.includes(risk))
  );
}

/** Names in a step that the pack does not know: each is a mistake, never a silent empty set. */
function unknownNames(pack: Pack, scenario: Scenario, scale: readonly string[]) {
  const problems: { path: string; message: LocalizedText }[] = [];
  const products = new Set(pack.products.items.map((p) => p.id));
  const varieties = new Set(
    pack.vocabulary.scales
      .find((s) => s.id === pack.products.varietyScale)
      ?.levels.map((l) => l.id) ?? [],
  );
  const unknown = (path: string, what: [string, string], id: string) =>
    problems.push({
      path,
      message: { 'zh-CN': `未知的${what[0]} ${id}`, en: `unknown ${what[1]} ${id}` },
    });
  scenario.rerate.forEach((step, i) => {
    const at = `$.rerate[${i}]`;
    step.select.products?.forEach((id, k) => {
      if (!products.has(id)) unknown(`${at}.select.products[${k}]`, ['产品', 'product'], id);
    });
    step.select.varieties?.forEach((id, k) => {
      if (!varieties.has(id)) unknown(`${at}.select.varieties[${k}]`, ['品种', 'variety'], id);
    });
    step.select.risks?.forEach((id, k) => {
      if (!scale.includes(id)) unknown(`${at}.select.risks[${k}]`, ['风险等级', 'risk level'], id);
    });
    if (step.to !== undefined && !scale.includes(step.to))
      unknown(`${at}.to`, ['风险等级', 'risk level'], step.to);
  });
  return problems;
}

/**
 * The pack as the scenario would have it: a copy whose catalogue carries the new risk levels, and
 * which products moved. The pack given is not touched (nor its hash: the copy is what runs, the
 * original is what is published).
 *
 * @example
 * const out = applyScenario(pack, {
 *   id: 'equity-up', name: { 'zh-CN': '权益基金上调', en: 'Equity funds up' },
 *   rerate: [{ select: { tags: ['fund', 'equity'] }, shift: 1 }],
 * });
 * if (out.ok) compilePack(out.pack); // out.reratings: [{ product: 'equity-fund', from: 'R3', to: 'R4' }, ...]
 */
export function applyScenario(pack: Pack, scenario: Scenario): ScenarioOutcome {
  const scale =
    pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale)?.levels.map((l) => l.id) ??
    [];
  const problems = unknownNames(pack, scenario, scale);
  if (problems.length > 0) return { ok: false, problems };
  const risk = new Map(pack.products.items.map((p) => [p.id, p.risk]));
  for (const step of scenario.rerate)
    for (const p of pack.products.items) {
      const now = risk.get(p.id) as string;
      if (!selects(step.select, p, now)) continue;
      if (step.to !== undefined) risk.set(p.id, step.to);
      else {
        const at = scale.indexOf(now);
        if (at === -1) continue;
        const moved = Math.min(scale.length - 1, Math.max(0, at + (step.shift ?? 0)));
        risk.set(p.id, scale[moved] as string);
      }
    }
  const reratings: Rerating[] = pack.products.items
    .filter((p) => risk.get(p.id) !== p.risk)
    .map((p) => ({ product: p.id, from: p.risk, to: risk.get(p.id) as string }));
  const items = pack.products.items.map((p) =>
    risk.get(p.id) === p.risk ? p : { ...p, risk: risk.get(p.id) as string },
  );
  return { ok: true, pack: { ...pack, products: { ...pack.products, items } }, reratings };
}
