import {
  questionsOf,
  type NodeKind,
  type Option,
  type Question,
  type ShowIf,
} from '../../../domain/index.ts';
import { ruleFlags, ruleRunOrder, RULES_RESERVED_KEYS } from '../../nodes/rules.ts';
import { dimensionsOf, knockoutFlags, maxPoints } from '../../questionnaire/scoring.ts';
import { columnType } from '../../table/columns.ts';
import { parseUnaryCell, type UnaryBuilder } from '../../table/unaryTests.ts';
import { emitCondition } from './jsConditions.ts';
import type { JsEmitter, NodeEnv } from './jsEnv.ts';
import { idLit, lit, objectOf, prop } from './jsLiteral.ts';

const num = (n: number) => `(${lit(n)})`;

function showIf(s: ShowIf, env: NodeEnv): string {
  switch (s.op) {
    case 'all':
      return s.conditions.length === 0
        ? 'true'
        : `(${s.conditions.map((c) => showIf(c, env)).join(' && ')})`;
    case 'any':
      return s.conditions.length === 0
        ? 'false'
        : `(${s.conditions.map((c) => showIf(c, env)).join(' || ')})`;
    case 'not':
      return `!${showIf(s.condition, env)}`;
    case 'answered':
      return `answered(answerOf(A, ${idLit(s.question)}))`;
    case 'selected':
      return `selected(answerOf(A, ${idLit(s.question)}), ${env.constant(s.options)})`;
    case 'compare':
      return `compareAnswer(answerOf(A, ${idLit(s.question)}), ${lit(s.operator)}, ${num(s.value)})`;
  }
}

/** The points of an answer `a` to question `q`, before its weight (scoring.ts `pointsOf`). */
function points(q: Question, env: NodeEnv): string {
  if (q.type === 'numeric')
    return q.bands.reduceRight(
      (rest, b) => `(a >= ${num(b.min)} && a <= ${num(b.max)} ? ${num(b.points)} : ${rest})`,
      '0',
    );
  const byId = new Map(q.options.map((o) => [o.id, o.points]));
  if (q.type !== 'multiple')
    return [...byId].reduceRight(
      (rest, [id, p]) => `(a === ${idLit(id)} ? ${num(p)} : ${rest})`,
      '0',
    );
  const table = env.constant(Object.fromEntries(byId));
  const init = q.scoring === 'sum' ? '0' : q.scoring === 'max' ? '-Infinity' : 'Infinity';
  const fold =
    q.scoring === 'sum'
      ? 'acc += p'
      : q.scoring === 'max'
        ? 'acc = p > acc ? p : acc'
        : 'acc = p < acc ? p : acc';
  return `((list) => { if (list.length === 0) return 0; let acc = ${init}; for (const id of list) { const p = own(${table}, id) ?? 0; ${fold}; } return acc; })(a)`;
}

function binding(q: Question, env: NodeEnv): string | undefined {
  if (!q.bindFact) return undefined;
  if (q.type === 'numeric') return 'a';
  const fact = env.index.facts.get(q.bindFact.fact);
  const valueOf = Object.fromEntries(
    q.options.map((o: Option) => [
      o.id,
      o.factValue ?? (fact?.type === 'boolean' && q.type === 'yesno' ? o.id === 'yes' : o.id),
    ]),
  );
  const values = env.constant(valueOf);
  if (q.type !== 'multiple') return `own(${values}, a)`;
  const list = `a.map((id) => own(${values}, id))`;
  const combine = q.bindFact.combine;
  if (combine === 'list') return list;
  let rank = '(v) => (typeof v === "number" ? v : Number.NaN)';
  if (fact && (fact.type === 'enum' || fact.type === 'set')) {
    const ids = fact.scale
      ? (env.index.scales.get(fact.scale)?.ids ?? [])
      : (fact.values ?? []).map((v) => v.id);
    rank = `(v) => rankOr(${env.constant(Object.fromEntries(ids.map((id, i) => [id, i])))}, v, -1)`;
  }
  return `bindBest(${list}, ${combine === 'max'}, ${rank})`;
}

const questionnaire: JsEmitter<'questionnaire'> = (node, env) => {
  const entry = env.index.questionnaires.get(node.config.questionnaire);
  if (!entry) throw new Error(`questionnaire ${node.config.questionnaire} missing`);
  const qn = entry.questionnaire;
  const dimensions = dimensionsOf(qn);
  const questions = questionsOf(qn);
  const maxTotal = questions.reduce((s, q) => s + q.weight * maxPoints(q), 0);
  // Whether this client must answer it (its requiredWhen over the scope); if not, nothing is missing.
  const at = `$.questionnaires[${env.index.pack.questionnaires.indexOf(qn)}].requiredWhen`;
  const out: string[] = [
    `const required = ${qn.requiredWhen ? emitCondition(qn.requiredWhen, at, env) : 'true'};`,
    'let total = 0;',
    'let knockedOut = false;',
    `const byQuestion = ${objectOf(questions.map((q) => [q.id, '0']))};`,
    `const flags = ${objectOf(knockoutFlags(qn).map((f) => [f, 'false']))};`,
    'const missing = [];',
    'const knockouts = [];',
    'const facts = {};',
    ...dimensions.map((_, d) => `let d${d} = 0;`),
  ];
  for (const q of questions) {
    const id = idLit(q.id);
    const visible = q.showIf ? showIf(q.showIf, env) : 'true';
    out.push(`{`, `const a = answerOf(A, ${id});`, `const visible = ${visible};`);
    out.push(
      `if (!visible || !answered(a)) {${q.required ? ` if (required && visible) missing.push(${id});` : ''} } else {`,
    );
    out.push(
      `const p = ${points(q, env)} * ${num(q.weight)};`,
      `byQuestion[${id}] = p;`,
      'total += p;',
    );
    for (const d of q.dimensions) out.push(`d${dimensions.indexOf(d)} += p;`);
    if (q.type !== 'numeric') {
      const kos = new Map(
        q.options.flatMap((o) => (o.knockout ? [[o.id, o.knockout] as const] : [])),
      );
      if (kos.size > 0) {
        out.push('for (const id of Array.isArray(a) ? a : [a]) {');
        const branches = [...kos].map(
          ([option, ko]) =>
            `if (id === ${idLit(option)}) { knockedOut = true; ${prop('flags', ko.flag)} = true; knockouts.push({ question: ${id}, option: id, flag: ${idLit(ko.flag)}, reason: ${env.object(ko.reason)} }); }`,
        );
        out.push(branches.join(' else '), '}');
      }
    }
    const bind = binding(q, env);
    if (bind && q.bindFact) out.push(`${prop('facts', q.bindFact.fact)} = ${bind};`);
    out.push('}', '}');
  }
  const assessment = 'C.assessmentDate ?? C.evaluationDate';
  out.push(
    `const assessmentDate = ${assessment};`,
    `const expiresOn = periodLastDay(assessmentDate, ${num(qn.validityMonths)});`,
    'return {',
    `total: ${node.config.knockoutZeroesScore ? 'knockedOut ? 0 : total' : 'total'},`,
    `maxTotal: ${num(maxTotal)},`,
    'byQuestion,',
    `byDimension: ${objectOf(dimensions.map((d, i) => [d, `d${i}`]))},`,
    'complete: missing.length === 0,',
    'missing, knockedOut, knockouts, flags, facts, required, assessmentDate, expiresOn,',
    'expired: periodOver(expiresOn, C.evaluationDate),',
    '};',
  );
  return out.join('\n');
};

const score: JsEmitter<'score'> = (node, env) => {
  const { combine, normalize, round } = node.config;
  const out = [
    `let acc = ${combine === 'weightedSum' ? '0' : combine === 'max' ? '-Infinity' : 'Infinity'};`,
  ];
  node.config.terms.forEach((t, i) => {
    out.push(
      '{',
      `const v = ${env.ref(t.ref)};`,
      `if (typeof v !== 'number' || Number.isNaN(v)) notNumber('score.notNumber', '评分项', 'score term', ${lit(t.ref)}, v, ${lit(`${env.path}.config.terms[${i}].ref`)}, ${idLit(env.nodeId)});`,
      `const x = v * ${num(t.weight)};`,
      combine === 'weightedSum'
        ? 'acc += x;'
        : combine === 'max'
          ? 'acc = x > acc ? x : acc;'
          : 'acc = x < acc ? x : acc;',
      '}',
    );
  });
  if (normalize) {
    const n = normalize;
    out.push(
      `acc = ((acc - ${num(n.fromMin)}) / (${num(n.fromMax)} - ${num(n.fromMin)})) * (${num(n.toMax)} - ${num(n.toMin)}) + ${num(n.toMin)};`,
    );
  }
  const rounded = round === 'none' ? 'acc' : `Math.${round}(acc)`;
  out.push(`return { value: ${rounded} };`);
  return out.join('\n');
};

const rules: JsEmitter<'rules'> = (node, env) => {
  const c = node.config;
  const levels = c.scale ? (env.index.scales.get(c.scale)?.ids ?? []) : [];
  const rank = (level: string) => {
    const i = levels.indexOf(level);
    return i < 0 ? -1 : i;
  };
  const order = ruleRunOrder(c.rules);
  const template = objectOf([
    ...RULES_RESERVED_KEYS.map(
      (k) => [k, k === 'reasons' || k === 'fired' ? '[]' : 'null'] as const,
    ),
    ...c.outputs.map((o) => [o.name, lit(o.default)] as const),
    ...ruleFlags(c).map((f) => [f, 'false'] as const),
  ]);
  const out = [
    `const o = ${template};`,
    'let capRank = -1;',
    'let floorRank = -1;',
    // Every condition runs before any event applies: a later one that fails still fails the node.
    ...order.map(
      (r, i) =>
        `const f${i} = ${emitCondition(r.conditions, `${env.path}.config.rules[${c.rules.indexOf(r)}].conditions`, env, env.conditionTypes(r.conditions))};`,
    ),
  ];
  order.forEach((rule, i) => {
    const body = [`o.fired.push(${lit(rule.name)});`];
    const e = rule.event;
    const reason = (r: object | undefined) => (r ? [`o.reasons.push(${env.object(r)});`] : []);
    if (e.type === 'flag')
      body.push(`${prop('o', e.params.name)} = true;`, ...reason(e.params.reason));
    else if (e.type === 'set') body.push(`${prop('o', e.params.name)} = ${lit(e.params.value)};`);
    else if (e.type === 'reason') body.push(...reason(e.params));
    else {
      const r = rank(e.params.level);
      const why = e.params.reason ? env.object(e.params.reason) : 'null';
      const [key, better] =
        e.type === 'cap' ? ['cap', `${r} < capRank`] : ['floor', `${r} > floorRank`];
      body.push(
        `if (o.${key} === null || ${better}) { o.${key} = ${idLit(e.params.level)}; ${key}Rank = ${r}; o.${key}Reason = ${why}; }`,
        ...reason(e.params.reason),
      );
    }
    out.push(`if (f${i}) { ${body.join(' ')} }`);
  });
  out.push('return o;');
  return out.join('\n');
};

/** Unary tests as expressions over `x<k>` (table/unaryTests.ts `closureBuilder`). */
function unaryBuilder(
  key: string,
  column: ReturnType<typeof columnType>,
  env: NodeEnv,
): UnaryBuilder<string> {
  const k =
    column.type === 'number'
      ? `num(${key})`
      : column.type === 'level'
        ? `rankOr(${env.constant(Object.fromEntries(column.levels.map((l, i) => [l, i])))}, ${key}, Number.NaN)`
        : 'Number.NaN';
  return {
    compare: (op, bound) =>
      op === '!=' ? `neq(${k}, ${num(bound)})` : `(${k} ${op === '=' ? '===' : op} ${num(bound)})`,
    interval: (low, lowIn, high, highIn) =>
      `within(${k}, ${num(low)}, ${lowIn}, ${num(high)}, ${highIn})`,
    equals: (value) =>
      typeof value === 'string' ? `eqText(${key}, ${lit(value)})` : `(${key} === ${lit(value)})`,
    or: (items) => `(${items.join(' || ')})`,
    not: (inner) => `!${inner}`,
  };
}

const table: JsEmitter<'table'> = (node, env) => {
  const c = node.config;
  const types = c.inputs.map((col) => columnType(col, env.index));
  const rowValue = (cells: readonly unknown[]) =>
    c.outputs.length === 1
      ? (cells[0] ?? null)
      : Object.fromEntries(c.outputs.map((o, i) => [o.id, cells[i] ?? null]));
  const out = [...c.inputs.map((col, k) => `const x${k} = ${env.ref(col.ref)};`), 'const m = [];'];
  for (const row of c.rows) {
    const tests: string[] = [];
    row.inputs.forEach((cell, k) => {
      const type = types[k] ?? { type: 'string' as const };
      const parsed = parseUnaryCell(cell, type, unaryBuilder(`x${k}`, type, env));
      if (!parsed.ok) throw new Error(parsed.error.en);
      if (!parsed.any) tests.push(parsed.value);
    });
    const constant = env.constant({ id: row.id, cells: row.outputs, value: rowValue(row.outputs) });
    out.push(`if (${tests.length === 0 ? 'true' : tests.join(' && ')}) m.push(${constant});`);
  }
  const id = idLit(node.id);
  const rowsPath = lit(`${env.path}.config.rows`);
  const listed = c.outputs[0]?.values;
  const hit = (rows: string) => {
    switch (c.hitPolicy) {
      case 'unique':
        return `hitUnique(${rows}, ${id}, ${rowsPath})`;
      case 'any':
        return `hitAny(${rows}, ${id}, ${rowsPath})`;
      case 'priority':
        return listed ? `hitPriority(${rows}, ${env.constant(listed)})` : `${rows}[0]?.value`;
      case 'first':
        return `${rows}[0]?.value`;
      case 'ruleOrder':
        return `${rows}.map((r) => r.value)`;
      case 'collect':
        if (c.aggregation === 'list') return `${rows}.map((r) => r.value)`;
        if (c.aggregation === 'count') return `${rows}.length`;
        return `hitAggregate(${rows}, ${lit(c.aggregation)})`;
    }
  };
  const fallback = c.defaultOutput
    ? `return { result: ${hit(`[${env.constant({ id: 'default', cells: c.defaultOutput, value: rowValue(c.defaultOutput) })}]`)}, matched: [] };`
    : `noRow(${id}, ${rowsPath}, ${env.constant(c.inputs.map((col) => col.ref))}, [${c.inputs.map((_, k) => `x${k}`).join(', ')}]);`;
  out.push(
    `if (m.length === 0) { ${fallback} }`,
    `return { result: ${hit('m')}, matched: m.map((r) => r.id) };`,
  );
  return out.join('\n');
};

const classify: JsEmitter<'classify'> = (node, env) => {
  const c = node.config;
  const levels = env.index.scales.get(c.scale)?.ids ?? [];
  const rankOf = (level: string) => {
    const i = levels.indexOf(level);
    return i < 0 ? undefined : i;
  };
  const ranks = env.constant(Object.fromEntries(levels.map((l, i) => [l, i])));
  const id = idLit(node.id);
  const out = [
    `const score = ${env.ref(c.input)};`,
    `if (typeof score !== 'number' || Number.isNaN(score)) notNumber('classify.notNumber', '分级输入', 'classify input', ${lit(c.input)}, score, ${lit(`${env.path}.config.input`)}, ${id});`,
    'let r;',
    'let band;',
    [
      ...c.bands.map(
        (b) =>
          `if (score >= ${num(b.min)} && score <= ${num(b.max)}) { r = ${rankOf(b.level) ?? 0}; band = ${idLit(b.level)}; }`,
      ),
      `noBand(score, ${id}, ${lit(`${env.path}.config.bands`)});`,
    ].join(' else '),
    `const flags = ${objectOf([...c.caps, ...c.floors].flatMap((l) => (l.flag ? [[l.flag, 'false'] as const] : [])))};`,
    'const reasons = [];',
    'let cap = Infinity;',
    'let floor = -Infinity;',
  ];
  const limit = (l: (typeof c.caps)[number], kind: 'floor' | 'cap') =>
    `if (${env.ref(l.when)} === true) { ${kind} = Math.${kind === 'floor' ? 'max' : 'min'}(${kind}, ${rankOf(l.level) ?? 0}); ${l.flag ? `${prop('flags', l.flag)} = true; ` : ''}reasons.push(${env.object(l.reason)}); }`;
  for (const l of c.floors) out.push(limit(l, 'floor'));
  for (const l of c.caps) out.push(limit(l, 'cap'));
  for (const rulesId of c.rulesLimits)
    out.push(
      '{',
      `const o = ${env.root(rulesId)};`,
      `const fr = rankOr(${ranks}, o.floor, undefined);`,
      `const cr = rankOr(${ranks}, o.cap, undefined);`,
      'if (o.floor !== null && (fr ?? -1) > floor) floor = fr ?? floor;',
      'if (o.cap !== null && (cr ?? Infinity) < cap) cap = cr ?? cap;',
      'if (o.floorReason) reasons.push(o.floorReason);',
      'if (o.capReason) reasons.push(o.capReason);',
      '}',
    );
  out.push(
    'const floored = floor > r;',
    'if (floored) r = floor;',
    'const capped = cap < r;',
    'if (capped) r = cap;',
    `return { level: ${env.constant(levels)}[r], levelIndex: r, score, band, capped, floored, flags, reasons };`,
  );
  return out.join('\n');
};

export const JS_EMITTERS_PART: Pick<
  { [K in NodeKind]: JsEmitter<K> },
  'questionnaire' | 'score' | 'rules' | 'table' | 'classify'
> = { questionnaire, score, rules, table, classify };
