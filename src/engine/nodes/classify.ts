import { lt, type Reason } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import { EvaluationError, type Scope } from '../types.ts';
import type { RulesOutput } from './rules.ts';

export type ClassifyOutput = {
  level: string;
  levelIndex: number;
  score: number;
  /** The level of the band the score fell in, before caps and floors. */
  band: string;
  capped: boolean;
  floored: boolean;
  flags: Record<string, boolean>;
  reasons: Reason[];
};

export type Limit = {
  when: (s: Scope) => unknown;
  rank: number;
  flag?: string | undefined;
  reason: Reason;
};

/**
 * The floors, caps and rules nodes' limits that apply in `scope`, as the lowest cap and highest
 * floor rank (±Infinity when none); raises the limits' flags and collects their reasons. Shared by
 * the classify node and the threshold what-if, which must limit levels exactly alike.
 */
export function applyLevelLimits(
  scope: Scope,
  limits: { floors: readonly Limit[]; caps: readonly Limit[]; rulesNodes: readonly string[] },
  rank: ReadonlyMap<string, number>,
  flags: Record<string, boolean>,
  reasons: Reason[],
): { floor: number; cap: number } {
  let cap = Infinity;
  let floor = -Infinity;
  for (const l of limits.floors)
    if (l.when(scope) === true) {
      floor = Math.max(floor, l.rank);
      if (l.flag) flags[l.flag] = true;
      reasons.push(l.reason);
    }
  for (const l of limits.caps)
    if (l.when(scope) === true) {
      cap = Math.min(cap, l.rank);
      if (l.flag) flags[l.flag] = true;
      reasons.push(l.reason);
    }
  for (const id of limits.rulesNodes) {
    const out = scope[id] as RulesOutput;
    if (out.floor !== null && (rank.get(out.floor) ?? -1) > floor)
      floor = rank.get(out.floor) ?? floor;
    if (out.cap !== null && (rank.get(out.cap) ?? Infinity) < cap) cap = rank.get(out.cap) ?? cap;
    if (out.floorReason) reasons.push(out.floorReason);
    if (out.capReason) reasons.push(out.capReason);
  }
  return { floor, cap };
}

export const classifyKind: NodeKindDef<'classify'> = {
  kind: 'classify',
  outputs(node) {
    const c = node.config;
    const flags: Record<string, ValueType> = {};
    for (const l of [...c.caps, ...c.floors]) if (l.flag) flags[l.flag] = T.boolean;
    return {
      level: T.level(c.scale),
      levelIndex: T.number,
      score: T.number,
      band: T.level(c.scale),
      capped: T.boolean,
      floored: T.boolean,
      flags: T.record(flags),
      reasons: T.list(),
    };
  },
  validate(node, ctx) {
    const c = node.config;
    ctx.ref(c.input, 'config.input', T.number);
    const scale = ctx.scale(c.scale, 'config.scale');
    c.bands.forEach((b, i) => {
      ctx.level(scale, b.level, `config.bands[${i}].level`);
      if (b.min > b.max)
        ctx.error(
          'band.empty',
          `config.bands[${i}]`,
          lt(`分段下限 ${b.min} 大于上限 ${b.max}`, `band min ${b.min} is above its max ${b.max}`),
        );
    });
    // Gaps and overlaps between bands are the pack lint's (engine/lint), which knows the score's range.
    for (const [list, name] of [
      [c.caps, 'caps'],
      [c.floors, 'floors'],
    ] as const)
      list.forEach((l, i) => {
        ctx.ref(l.when, `config.${name}[${i}].when`, T.boolean);
        ctx.level(scale, l.level, `config.${name}[${i}].level`);
      });
    c.rulesLimits.forEach((id, i) => {
      const rules = ctx.index.nodes.get(id)?.node;
      if (rules && rules.kind !== 'rules') {
        ctx.error(
          'classify.rulesLimits',
          `config.rulesLimits[${i}]`,
          lt(`“${id}”不是规则节点`, `"${id}" is not a rules node`),
        );
        return;
      }
      ctx.ref(`${id}.cap`, `config.rulesLimits[${i}]`);
      if (rules?.kind === 'rules' && rules.config.scale !== c.scale)
        ctx.error(
          'classify.rulesScale',
          `config.rulesLimits[${i}]`,
          lt(
            `规则节点“${id}”的量表与本节点不同`,
            `rules node "${id}" limits levels of another scale`,
          ),
        );
    });
    return ctx.problems;
  },
  reads: (node) => [
    node.config.input,
    ...node.config.caps.map((l) => l.when),
    ...node.config.floors.map((l) => l.when),
    ...node.config.rulesLimits.flatMap((id) => [`${id}.cap`, `${id}.floor`]),
  ],
  compile(node, ctx) {
    const c = node.config;
    const levels = ctx.index.scales.get(c.scale)?.ids ?? [];
    const rank = new Map(levels.map((id, i) => [id, i]));
    const input = ctx.getter(c.input);
    const bands = c.bands.map((b) => ({ ...b, rank: rank.get(b.level) ?? 0 }));
    const limit = (l: (typeof c.caps)[number]): Limit => ({
      when: ctx.getter(l.when),
      rank: rank.get(l.level) ?? 0,
      reason: l.reason,
      ...(l.flag ? { flag: l.flag } : {}),
    });
    const caps = c.caps.map(limit);
    const floors = c.floors.map(limit);
    const limits = { floors, caps, rulesNodes: c.rulesLimits };
    const flagNames = [...caps, ...floors].flatMap((l) => (l.flag ? [l.flag] : []));
    return (scope): ClassifyOutput => {
      const score = input(scope);
      if (typeof score !== 'number' || Number.isNaN(score))
        throw new EvaluationError(
          'classify.notNumber',
          lt(
            `分级输入“${c.input}”不是数字（${String(score)}）`,
            `classify input "${c.input}" is not a number (${String(score)})`,
          ),
          `${ctx.path}.config.input`,
          node.id,
        );
      const band = bands.find((b) => score >= b.min && score <= b.max);
      if (!band)
        throw new EvaluationError(
          'classify.noBand',
          lt(
            `分数 ${score} 不在“${node.id}”的任何分段内`,
            `score ${score} falls in no band of "${node.id}"`,
          ),
          `${ctx.path}.config.bands`,
          node.id,
        );
      const flags: Record<string, boolean> = {};
      for (const f of flagNames) flags[f] = false;
      const reasons: Reason[] = [];
      const { floor, cap } = applyLevelLimits(scope, limits, rank, flags, reasons);
      let r = band.rank;
      const floored = floor > r;
      if (floored) r = floor;
      const capped = cap < r;
      if (capped) r = cap;
      return {
        level: levels[r] as string,
        levelIndex: r,
        score,
        band: band.level,
        capped,
        floored,
        flags,
        reasons,
      };
    };
  },
  fired(_node, output) {
    const o = output as ClassifyOutput;
    const f = [o.band];
    if (o.floored) f.push(`floor:${o.level}`);
    if (o.capped) f.push(`cap:${o.level}`);
    for (const [k, v] of Object.entries(o.flags)) if (v) f.push(k);
    return f;
  },
};
