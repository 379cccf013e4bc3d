import { DATE_OPERATORS, copyJson, lt } from '../../domain/index.ts';
import type {
  Condition,
  DateOperator,
  GraphNode,
  LocalizedText,
  NodeKind,
  Pack,
  Rule,
  TopLevelCondition,
  Verdict,
} from '../../domain/index.ts';
import { customOperatorDefinition } from './jreOperators.ts';

/** A rule as json-rules-engine's own JSON: `new Engine(rules)` takes these as they are. */
export type JreRule = {
  name: string;
  priority: number;
  conditions: TopLevelCondition;
  event: { type: string; params: Record<string, unknown> };
};

/** A fact a rule set reads, where its value comes from, and the paths read inside it. */
export type JreFactNeed = {
  id: string;
  /** clientFact: `input.facts.<id>`; node: the output of that node of the pack; product: the product matched. */
  source: 'clientFact' | 'answers' | 'context' | 'node' | 'product' | 'unknown';
  nodeKind?: NodeKind;
  paths: string[];
};

/** One rules node of the pack. */
export type JreRuleSet = {
  nodeId: string;
  label?: LocalizedText;
  rules: JreRule[];
  facts: JreFactNeed[];
  /** Declared outputs with their defaults: a `set` event overrides them, a `flag` sets true. */
  outputs: { name: string; type: string; default: unknown }[];
  /** The scale `cap` / `floor` events name levels of, lowest first. */
  scale?: { id: string; levels: string[] };
};

/** One `condition` dimension of a match node, as a one-rule set run once per product. */
export type JreMatchCondition = {
  nodeId: string;
  dimensionId: string;
  label: LocalizedText;
  /** Verdict for a product when the rule does not fire. */
  onFail: Verdict;
  rules: [JreRule];
  facts: JreFactNeed[];
};

/** An operator the rule sets use that json-rules-engine does not have: register it before running. */
export type JreCustomOperator = { name: DateOperator; definition: LocalizedText };

export type JreExport = {
  format: 'json-rules-engine';
  engineVersion: '7';
  pack: { id: string; version: string; hash?: string };
  /** Options to construct every engine with (plus a safe `pathResolver`, see notes). */
  engineOptions: { allowUndefinedFacts: true };
  notes: LocalizedText[];
  /** The custom operators the rule sets use (possibly none), each defined in words. */
  customOperators: JreCustomOperator[];
  ruleSets: JreRuleSet[];
  matchConditions: JreMatchCondition[];
};

const NOTES: LocalizedText[] = [
  lt(
    '用 new Engine(rules, { allowUndefinedFacts: true, pathResolver }) 运行每个规则集。path 只使用 $.a.b 与 $.a[0] 形式；请使用只读取自有属性、拒绝 __proto__ / constructor / prototype 的解析器（例如本项目的 createSafePathResolver），不要用会执行过滤器和脚本的默认 JSONPath 解析器处理不可信的规则包。',
    'Run each rule set with new Engine(rules, { allowUndefinedFacts: true, pathResolver }). Paths only take the forms $.a.b and $.a[0]; use a resolver that reads own properties only and refuses __proto__ / constructor / prototype (such as this project’s createSafePathResolver), not the default JSONPath resolver, which also runs filters and scripts, on packs you do not trust.',
  ),
  lt(
    'json-rules-engine 会并发触发同一优先级的规则。请按优先级从高到低、再按 rules 中的顺序应用事件：flag 把同名输出设为 true，set 设置已声明的输出，cap 取最低等级、floor 取最高等级（按 scale 顺序），reason 追加原因。',
    'json-rules-engine fires rules of the same priority concurrently. Apply events by priority, highest first, then in the order of `rules`: flag sets the output of that name to true, set sets a declared output, cap keeps the lowest level and floor the highest (in scale order), reason adds a reason.',
  ),
  lt(
    'facts 列出每个规则集读取的事实及其来源。来源为 node 的事实是本规则包其他节点的输出，只有本项目的引擎会计算它们；单独运行时需由调用方提供。',
    'facts lists what each rule set reads and where it comes from. Facts whose source is node are outputs of other nodes of this pack, which only this project’s engine computes; run on their own, the caller must supply them.',
  ),
  lt(
    'matchConditions 中的规则对每个产品运行一次，事实 product 为该产品；规则触发即该维度通过，否则得到 onFail 结论。',
    'Rules in matchConditions run once per product, with the fact product set to that product; the dimension passes when the rule fires and gives its onFail verdict otherwise.',
  ),
  lt(
    '规则可以使用本项目的日期运算符 dateBefore、dateOnOrBefore、dateAfter、dateOnOrAfter，它们不是 json-rules-engine 自带的：运行前必须用 engine.addOperator(name, fn) 在每个 Engine 上注册（customOperators 列出本导出用到的运算符及其定义；本项目的 addPackOperators 会全部注册）。未注册时 json-rules-engine 会因未知运算符而失败。',
    'Rules may use this project’s date operators dateBefore, dateOnOrBefore, dateAfter and dateOnOrAfter, which json-rules-engine does not have: register them on every Engine with engine.addOperator(name, fn) before running (customOperators lists those this export uses, with their definitions; this project’s addPackOperators registers them all). Unregistered, json-rules-engine fails on the unknown operator.',
  ),
  lt(
    '一次运行失败后 json-rules-engine 会在稍后把引擎标记为已结束，因此失败后的下一次运行请新建 Engine。',
    'After a failed run json-rules-engine marks the engine finished a moment later, so create a new Engine for the run that follows a failure.',
  ),
];

// Rules are JSON, so a JSON round trip is a faithful deep copy (and needs no DOM or Node API).

/** The rule JSON json-rules-engine runs for one of our rules: priority made explicit, a deep copy. */
export function toJreRule(rule: Rule): JreRule {
  return {
    name: rule.name,
    priority: rule.priority ?? 1,
    conditions: copyJson(rule.conditions),
    event: { type: rule.event.type, params: copyJson(rule.event.params) },
  };
}

function collectOperators(c: Condition, into: Set<DateOperator>): void {
  if ('any' in c) c.any.forEach((x) => collectOperators(x, into));
  else if ('all' in c) c.all.forEach((x) => collectOperators(x, into));
  else if ('not' in c) collectOperators(c.not, into);
  else if ((DATE_OPERATORS as readonly string[]).includes(c.operator))
    into.add(c.operator as DateOperator);
}

function collectPaths(c: Condition, into: Map<string, Set<string>>): void {
  const note = (fact: string, path: string | undefined) => {
    let paths = into.get(fact);
    if (!paths) into.set(fact, (paths = new Set()));
    if (path) paths.add(path);
  };
  if ('any' in c) c.any.forEach((x) => collectPaths(x, into));
  else if ('all' in c) c.all.forEach((x) => collectPaths(x, into));
  else if ('not' in c) collectPaths(c.not, into);
  else {
    note(c.fact, c.path);
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) note(v.fact, v.path);
  }
}

/** What each fact of the conditions is, with the paths read inside it, in first-use order. */
function factNeeds(pack: Pack, conditions: TopLevelCondition[], product = false): JreFactNeed[] {
  const paths = new Map<string, Set<string>>();
  for (const c of conditions) collectPaths(c, paths);
  const clientFacts = new Set(pack.vocabulary.facts.map((f) => f.id));
  const nodes = new Map<string, GraphNode>(pack.graph.nodes.map((n) => [n.id, n]));
  const sourceOf = (id: string): JreFactNeed['source'] => {
    if (product && id === 'product') return 'product';
    if (clientFacts.has(id)) return 'clientFact';
    if (id === 'answers' || id === 'context') return id;
    return nodes.has(id) ? 'node' : 'unknown';
  };
  return [...paths].map(([id, p]) => {
    const need: JreFactNeed = { id, source: sourceOf(id), paths: [...p].sort() };
    const node = nodes.get(id);
    if (node && need.source === 'node') need.nodeKind = node.kind;
    return need;
  });
}

/**
 * Exports a pack's `rules` nodes and `condition` match dimensions as json-rules-engine 7 rule sets,
 * for teams that run json-rules-engine already. The result is plain JSON.
 *
 * @example
 * const { ruleSets, engineOptions } = exportJsonRulesEngine(pack);
 * const engine = addPackOperators(
 *   new Engine(ruleSets[0].rules, { ...engineOptions, pathResolver: createSafePathResolver() }),
 * );
 */
export function exportJsonRulesEngine(pack: Pack): JreExport {
  const ruleSets: JreRuleSet[] = [];
  const matchConditions: JreMatchCondition[] = [];
  const scales = new Map(pack.vocabulary.scales.map((s) => [s.id, s.levels.map((l) => l.id)]));
  for (const node of pack.graph.nodes) {
    if (node.kind === 'rules') {
      const { rules, outputs, scale } = node.config;
      const set: JreRuleSet = {
        nodeId: node.id,
        rules: rules.map(toJreRule),
        facts: factNeeds(
          pack,
          rules.map((r) => r.conditions),
        ),
        outputs: outputs.map((o) => ({ name: o.name, type: o.type, default: o.default })),
      };
      if (node.label) set.label = node.label;
      if (scale) set.scale = { id: scale, levels: scales.get(scale) ?? [] };
      ruleSets.push(set);
    } else if (node.kind === 'match') {
      for (const d of node.config.dimensions) {
        if (d.kind !== 'condition') continue;
        const rule: JreRule = {
          name: `${node.id}.${d.id}`,
          priority: 1,
          conditions: copyJson(d.when),
          event: { type: 'pass', params: { node: node.id, dimension: d.id } },
        };
        matchConditions.push({
          nodeId: node.id,
          dimensionId: d.id,
          label: d.label,
          onFail: d.onFail,
          rules: [rule],
          facts: factNeeds(pack, [d.when], true),
        });
      }
    }
  }
  const used = new Set<DateOperator>();
  for (const set of ruleSets) for (const r of set.rules) collectOperators(r.conditions, used);
  for (const m of matchConditions) collectOperators(m.rules[0].conditions, used);
  const customOperators = DATE_OPERATORS.filter((name) => used.has(name)).map((name) => ({
    name,
    definition: customOperatorDefinition(name),
  }));
  const hash = pack.integrity?.hash;
  return {
    format: 'json-rules-engine',
    engineVersion: '7',
    pack: hash
      ? { id: pack.id, version: pack.version, hash }
      : { id: pack.id, version: pack.version },
    engineOptions: { allowUndefinedFacts: true },
    notes: NOTES.map((n) => ({ ...n })),
    customOperators,
    ruleSets,
    matchConditions,
  };
}
