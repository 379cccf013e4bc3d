import { lt, type NodeConfig, type Reason, type Rule } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import { compileCondition } from '../conditions.ts';
import type { Scope } from '../types.ts';
import { enterScope, scopeFacts } from '../scopeFacts.ts';

type Test = ReturnType<typeof compileCondition>;

export type RulesConfig = NodeConfig<'rules'>;

/** What a rules node outputs besides its declared outputs and flags. */
export const RULES_RESERVED_KEYS = ['cap', 'floor', 'capReason', 'floorReason', 'reasons', 'fired'];

export type RulesOutput = {
  [name: string]: unknown;
  cap: string | null;
  floor: string | null;
  capReason: Reason | null;
  floorReason: Reason | null;
  reasons: Reason[];
  fired: string[];
};

/** json-rules-engine runs higher priority first (default 1), then document order. */
export function ruleRunOrder(rules: readonly Rule[]): Rule[] {
  return rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.i - b.i)
    .map((x) => x.rule);
}

/** Flag names the node's events raise, in document order. */
export function ruleFlags(config: RulesConfig): string[] {
  const names = new Set<string>();
  for (const r of config.rules) if (r.event.type === 'flag') names.add(r.event.params.name);
  return [...names];
}

function makeApplier(config: RulesConfig, levels: readonly string[]) {
  const order = ruleRunOrder(config.rules);
  const rank = new Map(levels.map((id, i) => [id, i]));
  // Every key in place, built in one go and cloned per call (see recordTemplate.ts): the reserved
  // keys, each declared output at its default, each flag false.
  const template = Object.fromEntries([
    ...RULES_RESERVED_KEYS.map((k) => [k, null]),
    ...config.outputs.map((o) => [o.name, o.default]),
    ...ruleFlags(config).map((f) => [f, false]),
  ]) as RulesOutput;
  /** `fired[i]` says whether the i-th rule in run order fired. */
  return (fired: readonly boolean[]): RulesOutput => {
    const out: RulesOutput = { ...template };
    out.reasons = [];
    out.fired = [];
    for (let i = 0; i < order.length; i++) {
      if (!fired[i]) continue;
      const rule = order[i] as Rule;
      out.fired.push(rule.name);
      const e = rule.event;
      if (e.type === 'flag') {
        out[e.params.name] = true;
        if (e.params.reason) out.reasons.push(e.params.reason);
      } else if (e.type === 'set') out[e.params.name] = e.params.value;
      else if (e.type === 'reason') out.reasons.push(e.params);
      else {
        const r = rank.get(e.params.level) ?? -1;
        if (e.type === 'cap' && (out.cap === null || r < (rank.get(out.cap) ?? -1))) {
          out.cap = e.params.level;
          out.capReason = e.params.reason ?? null;
        }
        if (e.type === 'floor' && (out.floor === null || r > (rank.get(out.floor) ?? -1))) {
          out.floor = e.params.level;
          out.floorReason = e.params.reason ?? null;
        }
        if (e.params.reason) out.reasons.push(e.params.reason);
      }
    }
    return out;
  };
}

const appliers = new WeakMap<RulesConfig, Map<string, ReturnType<typeof makeApplier>>>();

/**
 * Shapes a rules node's output from the names of the rules that fired, in any order: the compiled
 * path and the json-rules-engine reference mode both end here, so they cannot disagree on effects.
 * `levels` is the node's `scale` (lowest first): the lowest cap and the highest floor win.
 *
 * @example applyRuleEvents(node.config, ['age-over-70'], ['C1', 'C2', 'C3']).cap // 'C2'
 */
export function applyRuleEvents(
  config: RulesConfig,
  firedRuleNames: readonly string[],
  levels: readonly string[] = [],
): RulesOutput {
  let byLevels = appliers.get(config);
  if (!byLevels) {
    byLevels = new Map();
    appliers.set(config, byLevels);
  }
  const key = levels.join('\n');
  let apply = byLevels.get(key);
  if (!apply) {
    apply = makeApplier(config, levels);
    byLevels.set(key, apply);
  }
  const names = new Set(firedRuleNames);
  return apply(ruleRunOrder(config.rules).map((r) => names.has(r.name)));
}

const OUTPUT_TYPES: Record<string, ValueType> = {
  boolean: T.boolean,
  number: T.number,
  string: T.string,
};

export const rulesKind: NodeKindDef<'rules'> = {
  kind: 'rules',
  outputs(node) {
    const c = node.config;
    const level = c.scale ? T.level(c.scale) : T.string;
    const out: Record<string, ValueType> = {};
    for (const o of c.outputs) out[o.name] = OUTPUT_TYPES[o.type] ?? T.any;
    for (const f of ruleFlags(c)) out[f] = T.boolean;
    return {
      ...out,
      cap: level,
      floor: level,
      capReason: T.any,
      floorReason: T.any,
      reasons: T.list(),
      fired: T.list(T.string),
    };
  },
  validate(node, ctx) {
    const c = node.config;
    const scale = c.scale ? ctx.scale(c.scale, 'config.scale') : undefined;
    const declared = new Map(c.outputs.map((o) => [o.name, o]));
    const seenOutputs = new Set<string>();
    c.outputs.forEach((o, i) => {
      if (seenOutputs.has(o.name) || RULES_RESERVED_KEYS.includes(o.name))
        ctx.error(
          'rules.outputName',
          `config.outputs[${i}].name`,
          lt(`输出名“${o.name}”重复或为保留名`, `output name "${o.name}" is repeated or reserved`),
        );
      seenOutputs.add(o.name);
      if (o.default !== null && typeof o.default !== o.type)
        ctx.error(
          'rules.outputType',
          `config.outputs[${i}].default`,
          lt(`默认值不是 ${o.type}`, `default is not a ${o.type}`),
        );
    });
    const names = new Set<string>();
    c.rules.forEach((rule, i) => {
      const at = `config.rules[${i}]`;
      if (names.has(rule.name))
        ctx.error(
          'rules.duplicateName',
          `${at}.name`,
          lt(`规则名“${rule.name}”重复`, `rule name "${rule.name}" is used twice`),
        );
      names.add(rule.name);
      ctx.condition(rule.conditions, `${at}.conditions`);
      const e = rule.event;
      if (
        e.type === 'flag' &&
        (declared.has(e.params.name) || RULES_RESERVED_KEYS.includes(e.params.name))
      )
        ctx.error(
          'rules.flagName',
          `${at}.event.params.name`,
          lt(
            `标志名“${e.params.name}”与输出重名`,
            `flag "${e.params.name}" clashes with an output`,
          ),
        );
      if (e.type === 'set') {
        const o = declared.get(e.params.name);
        if (!o)
          ctx.error(
            'rules.undeclaredOutput',
            `${at}.event.params.name`,
            lt(
              `输出“${e.params.name}”未在 outputs 中声明`,
              `output "${e.params.name}" is not declared in outputs`,
            ),
          );
        else if (e.params.value !== null && typeof e.params.value !== o.type)
          ctx.error(
            'rules.outputType',
            `${at}.event.params.value`,
            lt(`输出“${o.name}”需要 ${o.type}`, `output "${o.name}" takes a ${o.type}`),
          );
      }
      if (e.type === 'cap' || e.type === 'floor') {
        if (!c.scale)
          ctx.error(
            'rules.noScale',
            `${at}.event`,
            lt(
              'cap / floor 事件需要在节点上设置 scale',
              "cap / floor events need the node's scale",
            ),
          );
        else ctx.level(scale, e.params.level, `${at}.event.params.level`);
      }
    });
    return ctx.problems;
  },
  reads(node) {
    const refs = new Set<string>();
    const walk = (c: unknown): void => {
      if (!c || typeof c !== 'object') return;
      const o = c as Record<string, unknown>;
      if (typeof o['fact'] === 'string') refs.add(o['fact']);
      for (const k of ['all', 'any']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(walk);
      walk(o['not']);
      walk(o['value']);
    };
    node.config.rules.forEach((r) => walk(r.conditions));
    return [...refs];
  },
  compile(node, ctx) {
    const levels = node.config.scale ? (ctx.index.scales.get(node.config.scale)?.ids ?? []) : [];
    const apply = makeApplier(node.config, levels);
    const tests = ruleRunOrder(node.config.rules).map((r) =>
      compileCondition(
        r.conditions,
        `${ctx.path}.config.rules[${node.config.rules.indexOf(r)}].conditions`,
        ctx.conditionTypes(r.conditions),
      ),
    );
    // Reused across evaluations: evaluation is synchronous, and apply copies what it keeps.
    const fired: boolean[] = tests.map(() => false);
    return (scope: Scope) => {
      enterScope(scope);
      for (let i = 0; i < tests.length; i++) fired[i] = (tests[i] as Test)(scopeFacts);
      return apply(fired);
    };
  },
  fired: (_node, output) => (output as RulesOutput).fired,
};
