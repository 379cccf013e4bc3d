import type { NodeConfig } from '../../domain/index.ts';
import { ruleRunOrder, ruleFlags } from '../nodes/rules.ts';
import { chain, condition, lit, ref, self, type ConditionEnv } from './jdmExpr.ts';
import type { JdmExpression } from './jdmExpr.ts';

/** Says that part of a node could not be exported; `path` is relative to the node. */
export type Report = (path: string, en: string, zh: string) => void;

/** `map(filter([["a", c1], ["b", c2]], #[1]), #[0])`: the names whose condition holds, in order. */
export function namesWhere(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '[]';
  return `map(filter([${pairs.map(([n, c]) => `[${lit(n)}, ${c}]`).join(', ')}], #[1]), #[0])`;
}

/** `(C1 ? 0 : (C2 ? 1 : ...))`: the rank of a level id on a scale, null when it is not on it. */
export const rankOf = (x: string, levels: readonly string[]) =>
  chain(
    levels.map((id, i) => [`${x} == ${lit(id)}`, String(i)] as const),
    'null',
  );

/**
 * A rules node: one boolean per rule (`rule.<name>`), then flags, declared outputs (the last rule
 * to fire in run order wins, as in the engine), cap (lowest), floor (highest) and `fired`.
 */
export function rulesExpressions(
  config: NodeConfig<'rules'>,
  levels: readonly string[],
  env: ConditionEnv,
  report: Report,
): JdmExpression[] {
  const order = ruleRunOrder(config.rules);
  const out: JdmExpression[] = [];
  const fired = (name: string) => self('rule', name);
  order.forEach((rule) => {
    const t = condition(rule.conditions, env);
    const at = `config.rules[${config.rules.indexOf(rule)}].conditions`;
    if ('unsupported' in t) report(at, t.unsupported, `无法导出的条件：${t.unsupported}`);
    out.push({ key: `rule.${rule.name}`, value: 'expr' in t ? t.expr : 'false' });
  });
  for (const flag of ruleFlags(config)) {
    const by = order.filter((r) => r.event.type === 'flag' && r.event.params.name === flag);
    out.push({ key: flag, value: by.map((r) => fired(r.name)).join(' or ') });
  }
  for (const o of config.outputs) {
    const sets = order.filter((r) => r.event.type === 'set' && r.event.params.name === o.name);
    const cases = sets
      .reverse()
      .map(
        (r) => [fired(r.name), lit(r.event.type === 'set' ? r.event.params.value : null)] as const,
      );
    out.push({ key: o.name, value: chain(cases, lit(o.default)) });
  }
  const limit = (type: 'cap' | 'floor') => {
    const byLevel = levels.map((level) => {
      const rules = order.filter((r) => r.event.type === type && r.event.params.level === level);
      return [rules.map((r) => fired(r.name)).join(' or '), lit(level)] as const;
    });
    const cases = byLevel.filter(([c]) => c !== '');
    return chain(type === 'cap' ? cases : cases.reverse(), 'null');
  };
  out.push({ key: 'cap', value: limit('cap') });
  out.push({ key: 'floor', value: limit('floor') });
  out.push({ key: 'fired', value: namesWhere(order.map((r) => [r.name, fired(r.name)] as const)) });
  if (
    config.rules.some(
      (r) => r.event.type === 'reason' || ('reason' in r.event.params && r.event.params.reason),
    )
  )
    report('config.rules', 'reasons are not exported (text only)', '原因文本不导出');
  return out;
}

const ROUND = { none: '', floor: 'floor', round: 'round', ceil: 'ceil' } as const;

/** A score node: weighted terms combined, normalised and rounded. */
export function scoreExpressions(config: NodeConfig<'score'>, report: Report): JdmExpression[] {
  const terms = config.terms.map((t) =>
    t.weight === 1 ? ref(t.ref) : `${ref(t.ref)} * ${t.weight}`,
  );
  let acc =
    config.combine === 'weightedSum'
      ? `(${terms.join(' + ')})`
      : `${config.combine}([${terms.join(', ')}])`;
  const n = config.normalize;
  if (n)
    acc = `((${acc} - ${n.fromMin}) / ${n.fromMax - n.fromMin} * ${n.toMax - n.toMin} + ${n.toMin})`;
  if (config.round === 'round')
    report(
      'config.round',
      'ZEN rounds -2.5 to -3, JavaScript to -2',
      'ZEN 把 -2.5 舍入为 -3，JavaScript 为 -2',
    );
  const fn = ROUND[config.round];
  return [{ key: 'value', value: fn ? `${fn}(${acc})` : acc }];
}

/** A classify node after its band table: floors, then caps (caps win), flags, the level. */
export function classifyExpressions(
  config: NodeConfig<'classify'>,
  nodeId: string,
  levels: readonly string[],
): JdmExpression[] {
  const rank = (id: string) => levels.indexOf(id);
  const band = ref(`${nodeId}.bandRank`);
  const floors = config.floors.map((l) => `(${ref(l.when)} == true ? ${rank(l.level)} : -1)`);
  const caps = config.caps.map((l) => `(${ref(l.when)} == true ? ${rank(l.level)} : 99)`);
  for (const id of config.rulesLimits) {
    floors.push(`(${rankOf(ref(`${id}.floor`), levels)} ?? -1)`);
    caps.push(`(${rankOf(ref(`${id}.cap`), levels)} ?? 99)`);
  }
  const out: JdmExpression[] = [
    { key: 'score', value: ref(config.input) },
    { key: 'floorRank', value: `max([-1, ${floors.join(', ')}])`.replace(', ]', ']') },
    { key: 'capRank', value: `min([99, ${caps.join(', ')}])`.replace(', ]', ']') },
    { key: 'floored', value: `${self('floorRank')} > ${band}` },
    { key: 'raised', value: `(${self('floored')} ? ${self('floorRank')} : ${band})` },
    { key: 'capped', value: `${self('capRank')} < ${self('raised')}` },
    { key: 'levelIndex', value: `(${self('capped')} ? ${self('capRank')} : ${self('raised')})` },
    { key: 'level', value: `${lit(levels)}[${self('levelIndex')}]` },
  ];
  const flags = new Map<string, string[]>();
  for (const l of [...config.caps, ...config.floors])
    if (l.flag) flags.set(l.flag, [...(flags.get(l.flag) ?? []), `${ref(l.when)} == true`]);
  for (const [flag, whens] of flags) out.push({ key: `flags.${flag}`, value: whens.join(' or ') });
  return out;
}
