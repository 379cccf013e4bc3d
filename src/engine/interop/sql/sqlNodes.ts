import {
  lt,
  questionsOf,
  type NodeOfKind,
  type Question,
  type ShowIf,
} from '../../../domain/index.ts';
import { ruleFlags, ruleRunOrder } from '../../nodes/rules.ts';
import { dimensionsOf, knockoutFlags, maxPoints } from '../../questionnaire/scoring.ts';
import { condition } from './sqlConditions.ts';
import {
  has,
  sqlLiteral,
  sqlName,
  TEXT_TYPE,
  Unsupported,
  type Column,
  type QueryBuilder,
  type SqlType,
} from './sqlQuery.ts';

function answeredSql(q: Question): string {
  const col = sqlName(`answers.${q.id}`);
  return q.type === 'numeric' ? `(${col} IS NOT NULL)` : `(${col} IS NOT NULL AND ${col} <> '')`;
}

function showIfSql(s: ShowIf, b: QueryBuilder): string {
  const col = (id: string) => sqlName(`answers.${id}`);
  switch (s.op) {
    case 'all':
      return s.conditions.length === 0
        ? 'TRUE'
        : `(${s.conditions.map((x) => showIfSql(x, b)).join(' AND ')})`;
    case 'any':
      return s.conditions.length === 0
        ? 'FALSE'
        : `(${s.conditions.map((x) => showIfSql(x, b)).join(' OR ')})`;
    case 'not':
      return `(NOT ${showIfSql(s.condition, b)})`;
    case 'answered': {
      const q = b.index.questions.get(s.question)?.question;
      return q ? answeredSql(q) : 'FALSE';
    }
    case 'selected': {
      const q = b.index.questions.get(s.question)?.question;
      if (!q || q.type === 'numeric') return 'FALSE';
      if (q.type === 'multiple')
        return `COALESCE(${s.options.map((o) => has(col(s.question), o)).join(' OR ') || 'FALSE'}, FALSE)`;
      return `COALESCE(${col(s.question)} IN (${s.options.map(sqlLiteral).join(', ')}), FALSE)`;
    }
    case 'compare': {
      const q = b.index.questions.get(s.question)?.question;
      if (q?.type !== 'numeric') return 'FALSE';
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=' }[s.operator];
      return `COALESCE(${col(s.question)} ${op} ${sqlLiteral(s.value)}, FALSE)`;
    }
  }
}

function pointsSql(q: Question): string {
  const col = sqlName(`answers.${q.id}`);
  if (q.type === 'numeric')
    return `CASE ${q.bands.map((x) => `WHEN ${col} >= ${sqlLiteral(x.min)} AND ${col} <= ${sqlLiteral(x.max)} THEN ${sqlLiteral(x.points)}`).join(' ')} ELSE 0 END`;
  const byId = new Map(q.options.map((o) => [o.id, o.points]));
  if (q.type !== 'multiple')
    return `CASE ${col} ${[...byId].map(([id, p]) => `WHEN ${sqlLiteral(id)} THEN ${sqlLiteral(p)}`).join(' ')} ELSE 0 END`;
  const options = [...byId];
  if (q.scoring === 'sum')
    return `(0 ${options.map(([id, p]) => `+ CASE WHEN ${has(col, id)} THEN ${sqlLiteral(p)} ELSE 0 END`).join(' ')})`;
  const sorted = options.sort((x, y) => (q.scoring === 'max' ? y[1] - x[1] : x[1] - y[1]));
  return `CASE ${sorted.map(([id, p]) => `WHEN ${has(col, id)} THEN ${sqlLiteral(p)}`).join(' ')} ELSE 0 END`;
}

export function questionnaireSql(
  node: NodeOfKind<'questionnaire'>,
  b: QueryBuilder,
  path: string,
): void {
  const entry = b.index.questionnaires.get(node.config.questionnaire);
  if (!entry) return;
  const qn = entry.questionnaire;
  const questions = questionsOf(qn);
  const shown = (q: Question) =>
    `(${q.showIf ? showIfSql(q.showIf, b) : 'TRUE'} AND ${answeredSql(q)})`;
  const byQuestion = questions.map((q) =>
    b.define(
      `${node.id}.byQuestion.${q.id}`,
      `CASE WHEN ${shown(q)} THEN (${pointsSql(q)}) * ${sqlLiteral(q.weight)} ELSE 0 END`,
      'number',
    ),
  );
  const chosen = (q: Question, option: string) => {
    const col = sqlName(`answers.${q.id}`);
    return q.type === 'multiple' ? has(col, option) : `${col} = ${sqlLiteral(option)}`;
  };
  const flagSql = (flag: string) => {
    const parts = questions.flatMap((q) =>
      q.type === 'numeric'
        ? []
        : q.options
            .filter((o) => o.knockout?.flag === flag)
            .map((o) => `(${shown(q)} AND ${chosen(q, o.id)})`),
    );
    return parts.length === 0 ? 'FALSE' : `COALESCE(${parts.join(' OR ')}, FALSE)`;
  };
  const flags = knockoutFlags(qn).map((f) =>
    b.define(`${node.id}.flags.${f}`, flagSql(f), 'boolean'),
  );
  const knockedOut = b.define(
    `${node.id}.knockedOut`,
    flags.length === 0 ? 'FALSE' : `(${flags.join(' OR ')})`,
    'boolean',
  );
  // Bound facts: the last answered question that binds a fact wins, as the engine's loop does.
  const bound = new Map<string, string[]>();
  questions.forEach((q) => {
    if (!q.bindFact) return;
    const fact = b.index.facts.get(q.bindFact.fact);
    const at = `${b.index.questions.get(q.id)?.path ?? path}.bindFact`;
    if (q.bindFact.combine === 'list')
      throw new Unsupported(
        at,
        lt('绑定为列表的事实不导出为 SQL', 'a fact bound as a list has no SQL column'),
      );
    const col = sqlName(`answers.${q.id}`);
    const valueOf = (o: { id: string; factValue?: unknown }): unknown =>
      o.factValue ?? (fact?.type === 'boolean' && q.type === 'yesno' ? o.id === 'yes' : o.id);
    let value: string;
    if (q.type === 'numeric') value = col;
    else if (q.type !== 'multiple')
      value = `CASE ${col} ${q.options.map((o) => `WHEN ${sqlLiteral(o.id)} THEN ${sqlLiteral(valueOf(o))}`).join(' ')} END`;
    else {
      const ids =
        fact && (fact.type === 'enum' || fact.type === 'set')
          ? fact.scale
            ? (b.index.scales.get(fact.scale)?.ids ?? [])
            : (fact.values ?? []).map((v) => v.id)
          : [];
      const rank = (v: unknown) =>
        ids.length > 0 ? ids.indexOf(v as string) : typeof v === 'number' ? v : Number.NaN;
      const max = q.bindFact.combine !== 'min';
      const order = q.options.map((o, i) => ({ o, i, r: rank(valueOf(o)) }));
      if (order.some((x) => Number.isNaN(x.r)))
        throw new Unsupported(at, lt('无法排序的绑定值', 'bound values that cannot be ordered'));
      order.sort((x, y) => (max ? y.r - x.r : x.r - y.r) || x.i - y.i);
      value = `CASE ${order.map(({ o }) => `WHEN ${has(col, o.id)} THEN ${sqlLiteral(valueOf(o))}`).join(' ')} END`;
    }
    const list = bound.get(q.bindFact.fact) ?? [];
    list.unshift(`CASE WHEN ${shown(q)} THEN ${value} END`);
    bound.set(q.bindFact.fact, list);
  });
  for (const [fact, values] of bound) {
    const f = b.index.facts.get(fact);
    b.define(
      `${node.id}.facts.${fact}`,
      values.length === 1 ? (values[0] as string) : `COALESCE(${values.join(', ')})`,
      f ? TEXT_TYPE(f) : 'text',
    );
  }
  const missing = questions
    .filter((q) => q.required)
    .map((q) => `(${q.showIf ? showIfSql(q.showIf, b) : 'TRUE'} AND NOT ${answeredSql(q)})`);
  // Whether this client must answer it (its requiredWhen over the scope); if not, none is missing.
  const required = qn.requiredWhen
    ? condition(
        b,
        qn.requiredWhen,
        `$.questionnaires[${b.index.pack.questionnaires.indexOf(qn)}].requiredWhen`,
      )
    : 'TRUE';
  b.define(`${node.id}.required`, required, 'boolean');
  b.define(
    `${node.id}.complete`,
    missing.length === 0 ? 'TRUE' : `NOT (${required} AND (${missing.join(' OR ')}))`,
    'boolean',
  );
  const assessment = b.define(
    `${node.id}.assessmentDate`,
    'COALESCE("assessmentDate", "evaluationDate")',
    'text',
  );
  b.define(
    `${node.id}.maxTotal`,
    sqlLiteral(questions.reduce((s, q) => s + q.weight * maxPoints(q), 0)),
    'number',
  );
  b.stage();
  const sum = `(0 + ${byQuestion.join(' + ')})`;
  b.define(
    `${node.id}.total`,
    node.config.knockoutZeroesScore ? `CASE WHEN ${knockedOut} THEN 0 ELSE ${sum} END` : sum,
    'number',
  );
  for (const d of dimensionsOf(qn)) {
    const parts = questions
      .filter((q) => q.dimensions.includes(d))
      .map((q) => sqlName(`${node.id}.byQuestion.${q.id}`));
    b.define(`${node.id}.byDimension.${d}`, `(0 + ${parts.join(' + ')})`, 'number');
  }
  const expires = b.define(
    `${node.id}.expiresOn`,
    b.addMonths(assessment, qn.validityMonths),
    'text',
  );
  b.stage();
  // Civil Code Art. 203 (dates.ts periodOver): the last day counts, over from the next day on.
  b.define(`${node.id}.expired`, `("evaluationDate" > ${expires})`, 'boolean');
}

export function rulesSql(node: NodeOfKind<'rules'>, b: QueryBuilder, path: string): void {
  const c = node.config;
  const order = ruleRunOrder(c.rules);
  const fired = order.map((r, i) =>
    b.define(
      `${node.id}._rule${i}`,
      condition(b, r.conditions, `${path}.config.rules[${c.rules.indexOf(r)}].conditions`),
      'boolean',
    ),
  );
  b.stage();
  const firing = (test: (r: (typeof order)[number]) => boolean) =>
    order.flatMap((r, i) => (test(r) ? [fired[i] as string] : []));
  for (const f of ruleFlags(c)) {
    const by = firing((r) => r.event.type === 'flag' && r.event.params.name === f);
    b.define(`${node.id}.${f}`, by.length === 0 ? 'FALSE' : `(${by.join(' OR ')})`, 'boolean');
  }
  for (const o of c.outputs) {
    // The last rule in run order that sets the output wins.
    const setters = order
      .flatMap((r, i) =>
        r.event.type === 'set' && r.event.params.name === o.name
          ? [{ f: fired[i] as string, v: r.event.params.value }]
          : [],
      )
      .reverse();
    const fallback = o.default === null ? 'NULL' : sqlLiteral(o.default);
    const type: SqlType =
      o.type === 'number' ? 'number' : o.type === 'boolean' ? 'boolean' : 'text';
    b.define(
      `${node.id}.${o.name}`,
      setters.length === 0
        ? fallback
        : `CASE ${setters.map((s) => `WHEN ${s.f} THEN ${s.v === null ? 'NULL' : sqlLiteral(s.v)}`).join(' ')} ELSE ${fallback} END`,
      type,
    );
  }
  const levels = c.scale ? (b.index.scales.get(c.scale)?.ids ?? []) : [];
  for (const kind of ['cap', 'floor'] as const) {
    const limits = order
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.event.type === kind)
      .map(({ r, i }) => ({
        f: fired[i] as string,
        level: (r.event.params as { level: string }).level,
        i,
      }));
    limits.sort(
      (x, y) =>
        (kind === 'cap'
          ? levels.indexOf(x.level) - levels.indexOf(y.level)
          : levels.indexOf(y.level) - levels.indexOf(x.level)) || x.i - y.i,
    );
    b.define(
      `${node.id}.${kind}`,
      limits.length === 0
        ? 'CAST(NULL AS VARCHAR)'
        : `CASE ${limits.map((l) => `WHEN ${l.f} THEN ${sqlLiteral(l.level)}`).join(' ')} END`,
      'text',
    );
  }
}

export function scoreSql(node: NodeOfKind<'score'>, b: QueryBuilder, path: string): void {
  const { combine, normalize, round } = node.config;
  const terms = node.config.terms.map((t, i) => {
    const col = b.ref(t.ref, `${path}.config.terms[${i}].ref`);
    if (col.type !== 'number')
      throw new Unsupported(
        `${path}.config.terms[${i}].ref`,
        lt('评分项不是数字列', 'a score term that is not a number column'),
      );
    b.errors.push({ when: `${col.sql} IS NULL`, code: 'score.notNumber' });
    return `(${col.sql} * ${sqlLiteral(t.weight)})`;
  });
  let acc =
    combine === 'weightedSum'
      ? `(0 + ${terms.join(' + ')})`
      : `${combine === 'max' ? 'GREATEST' : 'LEAST'}(${terms.join(', ')})`;
  if (normalize) {
    const n = normalize;
    acc = `((${acc} - ${sqlLiteral(n.fromMin)}) / (${sqlLiteral(n.fromMax)} - ${sqlLiteral(n.fromMin)}) * (${sqlLiteral(n.toMax)} - ${sqlLiteral(n.toMin)}) + ${sqlLiteral(n.toMin)})`;
  }
  const rounded =
    round === 'none'
      ? acc
      : round === 'round'
        ? `FLOOR(${acc} + 0.5)`
        : `${round.toUpperCase()}(${acc})`;
  b.define(`${node.id}.value`, `CAST(${rounded} AS DOUBLE PRECISION)`, 'number');
}

/** The lower of two nullable ranks (NULL: no limit), or the higher. */
const pickRank = (a: string, x: string, lower: boolean) =>
  `CASE WHEN ${a} IS NULL THEN ${x} WHEN ${x} IS NULL THEN ${a} WHEN ${x} ${lower ? '<' : '>'} ${a} THEN ${x} ELSE ${a} END`;

export function classifySql(node: NodeOfKind<'classify'>, b: QueryBuilder, path: string): void {
  const c = node.config;
  const levels = b.index.scales.get(c.scale)?.ids ?? [];
  const rank = (l: string) => Math.max(0, levels.indexOf(l));
  const score = b.ref(c.input, `${path}.config.input`);
  if (score.type !== 'number')
    throw new Unsupported(
      `${path}.config.input`,
      lt('分级输入不是数字列', 'the classify input is not a number column'),
    );
  const id = node.id;
  const band = b.define(
    `${id}._band`,
    `CASE ${c.bands.map((x) => `WHEN ${score.sql} >= ${sqlLiteral(x.min)} AND ${score.sql} <= ${sqlLiteral(x.max)} THEN ${rank(x.level)}`).join(' ')} END`,
    'number',
  );
  b.errors.push({ when: `${score.sql} IS NULL`, code: 'classify.notNumber' });
  b.errors.push({ when: `${band} IS NULL`, code: 'classify.noBand' });
  const limitSql = (list: typeof c.caps, kind: 'caps' | 'floors', lower: boolean) => {
    const sorted = list
      .map((l, i) => ({ l, i, when: b.ref(l.when, `${path}.config.${kind}[${i}].when`) }))
      .sort((x, y) =>
        lower ? rank(x.l.level) - rank(y.l.level) : rank(y.l.level) - rank(x.l.level),
      );
    return sorted.length === 0
      ? 'CAST(NULL AS INTEGER)'
      : `CASE ${sorted.map((x) => `WHEN ${x.when.sql} IS TRUE THEN ${rank(x.l.level)}`).join(' ')} END`;
  };
  let cap = limitSql(c.caps, 'caps', true);
  let floor = limitSql(c.floors, 'floors', false);
  c.rulesLimits.forEach((rulesId, i) => {
    const at = `${path}.config.rulesLimits[${i}]`;
    const toRank = (col: Column) =>
      `CASE ${col.sql} ${levels.map((l, r) => `WHEN ${sqlLiteral(l)} THEN ${r}`).join(' ')} END`;
    cap = pickRank(cap, toRank(b.ref(`${rulesId}.cap`, at)), true);
    floor = pickRank(floor, toRank(b.ref(`${rulesId}.floor`, at)), false);
  });
  const capCol = b.define(`${id}._cap`, cap, 'number');
  const floorCol = b.define(`${id}._floor`, floor, 'number');
  for (const flag of new Set([...c.caps, ...c.floors].flatMap((l) => (l.flag ? [l.flag] : [])))) {
    const whens = [
      ...c.caps.map((l, i) => ({ l, at: `${path}.config.caps[${i}].when` })),
      ...c.floors.map((l, i) => ({ l, at: `${path}.config.floors[${i}].when` })),
    ]
      .filter((x) => x.l.flag === flag)
      .map((x) => `${b.ref(x.l.when, x.at).sql} IS TRUE`);
    b.define(`${id}.flags.${flag}`, `(${whens.join(' OR ')})`, 'boolean');
  }
  b.define(`${id}.score`, score.sql, 'number');
  b.define(
    `${id}.band`,
    `CASE ${band} ${levels.map((l, r) => `WHEN ${r} THEN ${sqlLiteral(l)}`).join(' ')} END`,
    'text',
  );
  b.stage();
  const floored = b.define(`${id}.floored`, `COALESCE(${floorCol} > ${band}, FALSE)`, 'boolean');
  const afterFloor = `CASE WHEN ${floored} THEN ${floorCol} ELSE ${band} END`;
  b.stage();
  const capped = b.define(`${id}.capped`, `COALESCE(${capCol} < ${afterFloor}, FALSE)`, 'boolean');
  b.stage();
  const r = b.define(
    `${id}.levelIndex`,
    `CASE WHEN ${capped} THEN ${capCol} ELSE ${afterFloor} END`,
    'number',
  );
  b.stage();
  b.define(
    `${id}.level`,
    `CASE ${r} ${levels.map((l, i) => `WHEN ${i} THEN ${sqlLiteral(l)}`).join(' ')} END`,
    'text',
  );
}
