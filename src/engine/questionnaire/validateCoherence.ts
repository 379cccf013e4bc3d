import {
  lt,
  questionsOf,
  type Condition,
  type FactCondition,
  type Question,
  type Questionnaire,
} from '../../domain/index.ts';
import { conditionProblems } from '../conditions.ts';
import type { PackIndex } from '../packIndex.ts';
import { answerType, factType } from '../refTypes.ts';
import type { Problem } from '../types.ts';
import { duplicates, problem } from '../validateContext.ts';
import type { ValueType } from '../valueTypes.ts';

/** `$.Q6` names question Q6; anything deeper or shallower names no question. */
export function answerQuestionId(path: string | undefined): string | undefined {
  const m = path ? /^\$\.([A-Za-z0-9_-]+)$/.exec(path) : null;
  return m?.[1];
}

function forEachFactCondition(
  c: Condition,
  at: string,
  visit: (c: FactCondition, at: string) => void,
) {
  if ('all' in c) c.all.forEach((x, i) => forEachFactCondition(x, `${at}.all[${i}]`, visit));
  else if ('any' in c) c.any.forEach((x, i) => forEachFactCondition(x, `${at}.any[${i}]`, visit));
  else if ('not' in c) forEachFactCondition(c.not, `${at}.not`, visit);
  else visit(c, at);
}

/**
 * Coherence rules of each questionnaire: unique ids; conditions that read only `answers` (one
 * question of this questionnaire each, `$.<question>`) and client facts; option ids that exist.
 * An unknown question or option would make a rule that silently never fires, so each is an error
 * at its JSON path.
 */
export function validateCoherence(index: PackIndex, problems: Problem[]): void {
  index.pack.questionnaires.forEach((qn, qi) => validateRules(index, qn, qi, problems));
}

function validateRules(index: PackIndex, qn: Questionnaire, qi: number, problems: Problem[]) {
  const rules = qn.coherence ?? [];
  const base = `$.questionnaires[${qi}].coherence`;
  const err = (code: string, path: string, zh: string, en: string) =>
    problems.push(problem(code, path, lt(`${path}：${zh}`, `${path}: ${en}`)));
  const questions = new Map(questionsOf(qn).map((q) => [q.id, q]));
  duplicates(
    rules,
    (r) => r.id,
    (r, i) =>
      err(
        'coherence.duplicateId',
        `${base}[${i}].id`,
        `一致性规则“${r.id}”重复`,
        `coherence rule "${r.id}" is defined twice`,
      ),
  );
  rules.forEach((rule, ri) => {
    const at = `${base}[${ri}].when`;
    const types = new Map<FactCondition, { fact?: ValueType; value?: ValueType }>();
    const typeOf = (
      fact: string,
      path: string | undefined,
      where: string,
    ): ValueType | undefined => {
      if (fact === 'answers') {
        const id = answerQuestionId(path);
        const q = id === undefined ? undefined : questions.get(id);
        if (!q) {
          err(
            'coherence.unknownQuestion',
            `${where}.path`,
            `须用 $.题号 指明本问卷的一道题（“${path ?? ''}”不是）`,
            `name one question of this questionnaire as $.<question id> ("${path ?? ''}" is not one)`,
          );
          return undefined;
        }
        return answerType(q);
      }
      const f = index.facts.get(fact);
      if (f && !path) return factType(f);
      err(
        'coherence.unknownFact',
        `${where}.fact`,
        `一致性规则只读取 answers 和客户事实，“${fact}${path ?? ''}”不是`,
        `coherence rules read answers and client facts only; "${fact}${path ?? ''}" is neither`,
      );
      return undefined;
    };
    forEachFactCondition(rule.when, at, (c, p) => {
      const found: { fact?: ValueType; value?: ValueType } = {};
      const fact = typeOf(c.fact, c.path, p);
      if (fact) found.fact = fact;
      const v = c.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const value = typeOf(v.fact, v.path, `${p}.value`);
        if (value) found.value = value;
      } else if (c.fact === 'answers') {
        const q = questions.get(answerQuestionId(c.path) ?? '');
        if (q) checkOptions(q, v, `${p}.value`, err);
      }
      types.set(c, found);
    });
    for (const p of conditionProblems(rule.when, at, (x) => types.get(x) ?? {})) problems.push(p);
  });
}

function checkOptions(
  q: Question,
  value: unknown,
  at: string,
  err: (code: string, path: string, zh: string, en: string) => void,
) {
  if (q.type === 'numeric') return;
  const ids = q.options.map((o) => o.id);
  const check = (x: unknown, path: string) => {
    if (typeof x === 'string' && !ids.includes(x))
      err(
        'coherence.unknownOption',
        path,
        `“${x}”不是题目“${q.id}”的选项（${ids.join('、')}）`,
        `"${x}" is not an option of question "${q.id}" (${ids.join(', ')})`,
      );
  };
  if (Array.isArray(value)) value.forEach((x, i) => check(x, `${at}[${i}]`));
  else check(value, at);
}
