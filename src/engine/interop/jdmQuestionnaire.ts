import { questionsOf, type Question, type Questionnaire, type ShowIf } from '../../domain/index.ts';
import { dimensionsOf, knockoutFlags, maxPoints } from '../questionnaire/scoring.ts';
import type { PackIndex } from '../packIndex.ts';
import {
  access,
  answered,
  chain,
  condition,
  isList,
  isNum,
  isStr,
  lit,
  self,
  type ConditionEnv,
  type JdmExpression,
} from './jdmExpr.ts';
import { namesWhere, type Report } from './jdmRules.ts';

const answerOf = (id: string) => access(['answers', id]);

function showIf(s: ShowIf): string {
  switch (s.op) {
    case 'all':
    case 'any':
      if (s.conditions.length === 0) return 'true';
      return `(${s.conditions.map(showIf).join(s.op === 'all' ? ' and ' : ' or ')})`;
    case 'not':
      return `(not ${showIf(s.condition)})`;
    case 'answered':
      return answered(answerOf(s.question));
    case 'selected': {
      const a = answerOf(s.question);
      const wanted = lit(s.options);
      return `(${isStr(a)} ? ${a} in ${wanted} : (${isList(a)} ? some(${a}, # in ${wanted}) : false))`;
    }
    case 'compare': {
      const op = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '==' }[s.operator];
      const a = answerOf(s.question);
      return `(${isNum(a)} ? ${a} ${op} ${s.value} : false)`;
    }
  }
}

/** Points of one chosen option id `x`, by the option table. */
const optionPoints = (q: Exclude<Question, { type: 'numeric' }>, x: string) =>
  chain(
    q.options.map((o) => [`${x} == ${lit(o.id)}`, String(o.points)] as const),
    '0',
  );

function points(q: Question): string {
  const a = answerOf(q.id);
  if (q.type === 'numeric')
    return chain(
      q.bands.map((b) => [`${a} >= ${b.min} and ${a} <= ${b.max}`, String(b.points)] as const),
      '0',
    );
  if (q.type !== 'multiple') return optionPoints(q, a);
  const fn = q.scoring === 'sum' ? 'sum' : q.scoring;
  return `${fn}(map(${a}, ${optionPoints(q, '#')}))`;
}

/** The value a binding gives the fact, or null; `max` / `min` follow the fact's scale. */
function binding(q: Question, index: PackIndex): string | undefined {
  const bind = q.bindFact;
  if (!bind) return undefined;
  const a = answerOf(q.id);
  if (q.type === 'numeric') return a;
  const fact = index.facts.get(bind.fact);
  const valueOf = (id: string) => {
    const o = q.options.find((x) => x.id === id);
    return o?.factValue ?? (fact?.type === 'boolean' && q.type === 'yesno' ? id === 'yes' : id);
  };
  const byOption = (x: string) =>
    chain(
      q.options.map((o) => [`${x} == ${lit(o.id)}`, lit(valueOf(o.id))] as const),
      'null',
    );
  if (q.type !== 'multiple') return byOption(a);
  if (bind.combine === 'list') return `map(${a}, ${byOption('#')})`;
  const ids =
    fact && (fact.type === 'enum' || fact.type === 'set')
      ? fact.scale
        ? (index.scales.get(fact.scale)?.ids ?? [])
        : (fact.values ?? []).map((v) => v.id)
      : [];
  const rank = (x: string) =>
    chain(
      q.options.map(
        (o) => [`${x} == ${lit(o.id)}`, String(ids.indexOf(String(valueOf(o.id))))] as const,
      ),
      '-1',
    );
  // The engine keeps the first of equal ranks; ranks map back to the scale's values.
  return `${lit(ids)}[${bind.combine}(map(${a}, ${rank('#')}))]`;
}

/**
 * A questionnaire node as the lines of one expression node: points per question, per dimension,
 * total, knock-out flags, missing questions and completeness, bound facts, expiry. Lines read
 * earlier ones through `$`.
 */
export function questionnaireExpressions(
  questionnaire: Questionnaire,
  index: PackIndex,
  knockoutZeroesScore: boolean,
  env: ConditionEnv,
  report: Report,
): JdmExpression[] {
  const out: JdmExpression[] = [];
  let required = 'true';
  if (questionnaire.requiredWhen) {
    const t = condition(questionnaire.requiredWhen, env);
    if ('unsupported' in t)
      report('config', t.unsupported, `无法导出问卷的 requiredWhen：${t.unsupported}`);
    else required = t.expr;
  }
  out.push({ key: 'required', value: required });
  const questions = questionsOf(questionnaire);
  const visible = new Map(questions.map((q) => [q.id, q.showIf ? showIf(q.showIf) : 'true']));
  const counts = (q: Question) => {
    const v = visible.get(q.id) as string;
    const a = answered(answerOf(q.id));
    return v === 'true' ? a : `(${v} and ${a})`;
  };
  for (const q of questions) {
    out.push({ key: `counts.${q.id}`, value: counts(q) });
    const scored = q.weight === 1 ? points(q) : `(${points(q)}) * ${q.weight}`;
    out.push({ key: `byQuestion.${q.id}`, value: `(${self('counts', q.id)} ? ${scored} : 0)` });
  }
  for (const d of dimensionsOf(questionnaire)) {
    const terms = questions
      .filter((q) => q.dimensions.includes(d))
      .map((q) => self('byQuestion', q.id));
    out.push({ key: `byDimension.${d}`, value: terms.join(' + ') || '0' });
  }
  for (const flag of knockoutFlags(questionnaire)) {
    const hits: string[] = [];
    for (const q of questions) {
      if (q.type === 'numeric') continue;
      const ids = q.options.filter((o) => o.knockout?.flag === flag).map((o) => o.id);
      if (ids.length === 0) continue;
      const a = answerOf(q.id);
      const chosen = q.type === 'multiple' ? `some(${a}, # in ${lit(ids)})` : `${a} in ${lit(ids)}`;
      hits.push(`(${self('counts', q.id)} and ${chosen})`);
    }
    out.push({ key: `flags.${flag}`, value: hits.join(' or ') || 'false' });
  }
  const flags = knockoutFlags(questionnaire).map((f) => self('flags', f));
  out.push({ key: 'knockedOut', value: flags.join(' or ') || 'false' });
  const sum = questions.map((q) => self('byQuestion', q.id)).join(' + ') || '0';
  out.push({ key: 'total', value: knockoutZeroesScore ? `($.knockedOut ? 0 : ${sum})` : sum });
  out.push({
    key: 'maxTotal',
    value: String(questions.reduce((s, q) => s + q.weight * maxPoints(q), 0)),
  });
  // Visible required questions left unanswered: rules read the list (e.g. "a knowledge question
  // is missing"), and the questionnaire is complete when it is empty.
  const missing = questions
    .filter((q) => q.required)
    .map((q) => {
      const v = visible.get(q.id) as string;
      const unanswered = `(${self('required')} and not ${answered(answerOf(q.id))})`;
      return [q.id, v === 'true' ? unanswered : `(${v} and ${unanswered})`] as const;
    });
  out.push({ key: 'missing', value: namesWhere(missing) });
  out.push({ key: 'complete', value: `len(${self('missing')}) == 0` });
  for (const q of questions) {
    const value = binding(q, index);
    if (value && q.bindFact)
      out.push({
        key: `facts.${q.bindFact.fact}`,
        value: `(${self('counts', q.id)} ? ${value} : null)`,
      });
  }
  out.push({ key: 'assessmentDate', value: 'context.assessmentDate' });
  // The engine's periodLastDay and periodOver (Civil Code Arts. 201-203): valid through the
  // corresponding day, over from the next.
  out.push({
    key: 'expiresOn',
    value: `d(context.assessmentDate).add(${questionnaire.validityMonths}, "M").format("%Y-%m-%d")`,
  });
  out.push({ key: 'expired', value: 'date(context.evaluationDate) > date($.expiresOn)' });
  return out;
}
