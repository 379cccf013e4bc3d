import { lt, type Fact, type Question } from '../domain/index.ts';
import { isDate } from './dates.ts';
import { compileCondition, type FactSource } from './conditions.ts';
import type { PackIndex } from './packIndex.ts';
import { EvaluationError } from './types.ts';

type Check = (value: unknown, path: string) => void;

const EMPTY: Record<string, unknown> = {};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** The path of a list element, built only when there is an error to report. */
const at = (path: string, i: number | undefined) => (i === undefined ? path : `${path}[${i}]`);

/** Answers hold a handful of options: a double loop beats building a Set for each. */
function hasRepeat(list: readonly unknown[]): boolean {
  for (let i = 1; i < list.length; i++)
    for (let j = 0; j < i; j++) if (list[i] === list[j]) return true;
  return false;
}

function fail(code: string, path: string, zh: string, en: string): never {
  throw new EvaluationError(code, lt(`${path}：${zh}`, `${path}: ${en}`), path);
}

function knownValues(fact: Fact, index: PackIndex): Set<string> {
  if (fact.type !== 'enum' && fact.type !== 'set') return new Set();
  const ids = fact.scale ? index.scales.get(fact.scale)?.ids : fact.values?.map((v) => v.id);
  return new Set(ids ?? []);
}

function factCheck(fact: Fact, index: PackIndex): Check {
  switch (fact.type) {
    case 'number':
      return (v, path) => {
        if (typeof v !== 'number' || !Number.isFinite(v))
          fail(
            'input.factType',
            path,
            `应为数字，实际是 ${show(v)}`,
            `expected a number, got ${show(v)}`,
          );
        if (fact.integer && !Number.isInteger(v))
          fail('input.factType', path, `应为整数，实际是 ${v}`, `expected an integer, got ${v}`);
        if ((fact.min !== undefined && v < fact.min) || (fact.max !== undefined && v > fact.max))
          fail(
            'input.factRange',
            path,
            `${v} 超出范围 [${fact.min ?? '-∞'}, ${fact.max ?? '∞'}]`,
            `${v} is outside [${fact.min ?? '-inf'}, ${fact.max ?? 'inf'}]`,
          );
      };
    case 'enum':
    case 'set': {
      const known = knownValues(fact, index);
      const one = (v: unknown, path: string, i?: number) => {
        if (typeof v !== 'string' || !known.has(v))
          fail(
            'input.unknownValue',
            at(path, i),
            `${show(v)} 不是可选值（${[...known].join('、')}）`,
            `${show(v)} is not one of ${[...known].join(', ')}`,
          );
      };
      if (fact.type === 'enum') return one;
      return (v, path) => {
        if (!Array.isArray(v))
          fail(
            'input.factType',
            path,
            `应为列表，实际是 ${show(v)}`,
            `expected a list, got ${show(v)}`,
          );
        for (let i = 0; i < v.length; i++) one(v[i], path, i);
      };
    }
    case 'boolean':
      return (v, path) => {
        if (typeof v !== 'boolean')
          fail(
            'input.factType',
            path,
            `应为 true 或 false，实际是 ${show(v)}`,
            `expected true or false, got ${show(v)}`,
          );
      };
    case 'date':
      return (v, path) => {
        if (!isDate(v))
          fail(
            'input.factType',
            path,
            `应为日期 YYYY-MM-DD，实际是 ${show(v)}`,
            `expected a date YYYY-MM-DD, got ${show(v)}`,
          );
      };
    case 'string':
      return (v, path) => {
        if (typeof v !== 'string')
          fail(
            'input.factType',
            path,
            `应为文本，实际是 ${show(v)}`,
            `expected text, got ${show(v)}`,
          );
      };
  }
}

function answerCheck(q: Question): Check {
  if (q.type === 'numeric')
    return (v, path) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail(
          'input.answerType',
          path,
          `应为数字，实际是 ${show(v)}`,
          `expected a number, got ${show(v)}`,
        );
      if (q.integer && !Number.isInteger(v))
        fail('input.answerType', path, `应为整数，实际是 ${v}`, `expected an integer, got ${v}`);
      if (v < q.min || v > q.max)
        fail(
          'input.answerRange',
          path,
          `${v} 超出范围 [${q.min}, ${q.max}]`,
          `${v} is outside [${q.min}, ${q.max}]`,
        );
    };
  const options = new Set(q.options.map((o) => o.id));
  const list = [...options].join(q.type === 'multiple' ? ', ' : ' / ');
  const one = (v: unknown, path: string, i?: number) => {
    if (typeof v !== 'string' || !options.has(v))
      fail(
        'input.unknownOption',
        at(path, i),
        `${show(v)} 不是本题的选项（${list}）`,
        `${show(v)} is not an option of this question (${list})`,
      );
  };
  if (q.type !== 'multiple') return one;
  return (v, path) => {
    if (!Array.isArray(v))
      fail(
        'input.answerType',
        path,
        `多选题的答案应为选项列表，实际是 ${show(v)}`,
        `a multiple-choice answer is a list of options, got ${show(v)}`,
      );
    for (let i = 0; i < v.length; i++) one(v[i], path, i);
    if (hasRepeat(v))
      fail('input.answerType', path, '同一选项选了两次', 'an option is chosen twice');
    if (
      v.length > 0 &&
      (v.length < q.minSelected || (q.maxSelected !== undefined && v.length > q.maxSelected))
    )
      fail(
        'input.selectionCount',
        path,
        `选了 ${v.length} 项，应为 ${q.minSelected}-${q.maxSelected ?? '不限'} 项`,
        `${v.length} options chosen, ${q.minSelected} to ${q.maxSelected ?? 'any'} allowed`,
      );
  };
}

/** What a `requiredWhen` reads: a fact by its id, or `context` (dates and initiator). */
function factsOf(given: Record<string, unknown>, input: InputShape): FactSource {
  return (name) =>
    name === 'context'
      ? {
          evaluationDate: input.evaluationDate,
          assessmentDate: input.assessmentDate ?? input.evaluationDate,
          initiator: input.initiator ?? 'client',
          clientId: input.clientId,
        }
      : Object.hasOwn(given, name)
        ? given[name]
        : undefined;
}

/**
 * Whether a fact must be given for this input: `required`, or its `requiredWhen` holds over the
 * input's facts and context. The input check and the studio's forms both ask here.
 *
 * @example
 * factRequiredFor(fullCivilCapacity, { facts: { investorType: 'natural-person' }, evaluationDate }); // true
 */
export function factRequiredFor(fact: Fact, input: InputShape): boolean {
  if (fact.required) return true;
  if (!fact.requiredWhen) return false;
  return compileCondition(fact.requiredWhen)(factsOf(input.facts ?? EMPTY, input));
}

export type InputShape = {
  facts?: Record<string, unknown>;
  answers?: Record<string, unknown>;
  evaluationDate?: unknown;
  assessmentDate?: unknown;
  initiator?: unknown;
  clientId?: unknown;
};

/**
 * Compiles the input check of a pack's vocabulary and questionnaires. Throws an EvaluationError
 * at the first bad value, with its JSON path in the input (`$.facts.age`, `$.answers.Q3`).
 */
export function compileInputCheck(index: PackIndex): (input: InputShape) => void {
  // Paths are built once here: the hot path allocates no string unless it reports an error.
  const facts = index.pack.vocabulary.facts.map((f, i) => ({
    id: f.id,
    required: f.required,
    requiredWhen: f.requiredWhen
      ? compileCondition(f.requiredWhen, `$.vocabulary.facts[${i}].requiredWhen`)
      : undefined,
    path: `$.facts.${f.id}`,
    check: factCheck(f, index),
  }));
  const answers = new Map(
    [...index.questions].map(([id, e]) => [
      id,
      { path: `$.answers.${id}`, check: answerCheck(e.question) },
    ]),
  );
  return (input) => {
    // Inputs come from files and forms: the shape itself is checked before any value.
    if (!isRecord(input)) fail('input.type', '$', '输入应为对象', 'the input must be an object');
    for (const key of ['facts', 'answers'] as const)
      if (input[key] !== undefined && input[key] !== null && !isRecord(input[key]))
        fail('input.type', `$.${key}`, '应为对象', 'expected an object');
    if (!isDate(input.evaluationDate))
      fail(
        'input.date',
        '$.evaluationDate',
        `应为日期 YYYY-MM-DD，实际是 ${show(input.evaluationDate)}`,
        `expected a date YYYY-MM-DD, got ${show(input.evaluationDate)}`,
      );
    if (input.assessmentDate !== undefined && !isDate(input.assessmentDate))
      fail(
        'input.date',
        '$.assessmentDate',
        `应为日期 YYYY-MM-DD，实际是 ${show(input.assessmentDate)}`,
        `expected a date YYYY-MM-DD, got ${show(input.assessmentDate)}`,
      );
    // An assessment cannot be dated after the sale it is used for: such an input is a clerical
    // error, and accepting it would also push the profile's validity out.
    if (typeof input.assessmentDate === 'string' && input.assessmentDate > input.evaluationDate)
      fail(
        'input.dateOrder',
        '$.assessmentDate',
        `测评日期 ${input.assessmentDate} 晚于评估日期 ${input.evaluationDate}`,
        `the assessment date ${input.assessmentDate} is after the evaluation date ${input.evaluationDate}`,
      );
    if (input.initiator !== undefined && input.initiator !== 'firm' && input.initiator !== 'client')
      fail(
        'input.initiator',
        '$.initiator',
        `应为 firm 或 client，实际是 ${show(input.initiator)}`,
        `expected firm or client, got ${show(input.initiator)}`,
      );
    const given = input.facts ?? EMPTY;
    let present = 0;
    for (const f of facts) {
      const has = Object.hasOwn(given, f.id);
      const v = has ? given[f.id] : undefined;
      if (has) present++;
      if (v === undefined || v === null) {
        if (f.required || (f.requiredWhen && f.requiredWhen(factsOf(given, input))))
          fail(
            'input.missingFact',
            f.path,
            '缺少必填的客户事实',
            'a required client fact is missing',
          );
      } else f.check(v, f.path);
    }
    // Every own key was a known fact when the counts agree; only otherwise is the culprit sought.
    if (Object.keys(given).length !== present)
      for (const key of Object.keys(given))
        if (!index.facts.has(key))
          fail(
            'input.unknownFact',
            `$.facts.${key}`,
            '词汇表中没有这个事实',
            'the vocabulary has no such fact',
          );
    const givenAnswers = input.answers ?? EMPTY;
    for (const key in givenAnswers) {
      if (!Object.hasOwn(givenAnswers, key)) continue;
      const q = answers.get(key);
      if (!q)
        fail(
          'input.unknownQuestion',
          `$.answers.${key}`,
          '问卷中没有这道题',
          'no questionnaire has this question',
        );
      const v = givenAnswers[key];
      if (v !== undefined && v !== null) q.check(v, q.path);
    }
  };
}
