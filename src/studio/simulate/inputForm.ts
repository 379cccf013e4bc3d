import {
  lt,
  questionsOf,
  type Answer,
  type EvaluationInputDraft,
  type FactValue,
  type LocalizedText,
  type Pack,
  type Question,
} from '../../domain/index.ts';
import { compileShowIf } from '../../engine/index.ts';

/** What the client form holds: an evaluation input with every part present and editable. */
export type InputDraft = {
  clientId?: string;
  facts: Record<string, FactValue>;
  answers: Record<string, Answer>;
  assessmentDate?: string;
  evaluationDate: string;
  initiator: 'firm' | 'client';
};

/** Messages of the form's own checks, by JSON path of the input (`$.answers.Q3`). */
export type FieldProblems = Record<string, LocalizedText>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyDraft(evaluationDate: string): InputDraft {
  return { facts: {}, answers: {}, evaluationDate, initiator: 'client' };
}

/** A copy of a stored input (a sample client's, a test case's) that the form may change. */
export function draftFromInput(input: EvaluationInputDraft): InputDraft {
  const draft: InputDraft = {
    facts: structuredClone(input.facts ?? {}),
    answers: structuredClone(input.answers ?? {}),
    evaluationDate: input.evaluationDate,
    initiator: input.initiator ?? 'client',
  };
  if (input.clientId !== undefined) draft.clientId = input.clientId;
  if (input.assessmentDate !== undefined) draft.assessmentDate = input.assessmentDate;
  return draft;
}

export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  return Array.isArray(answer) ? answer.length > 0 : true;
}

type Visibility = (answers: Record<string, Answer>) => Set<string>;
const visibilityCache = new WeakMap<Pack['questionnaires'], Visibility>();

/**
 * The questions a client sees for these answers. A show-if reads earlier answers, and only the
 * answers of visible questions count: a client cannot answer what the form hides.
 */
export function visibleQuestions(pack: Pack): Visibility {
  let visible = visibilityCache.get(pack.questionnaires);
  if (!visible) {
    const questions = pack.questionnaires.flatMap(questionsOf).map((q) => ({
      id: q.id,
      shown: q.showIf ? compileShowIf(q.showIf) : () => true,
    }));
    visible = (answers) => {
      const given: Record<string, Answer> = {};
      const ids = new Set<string>();
      for (const q of questions) {
        if (!q.shown(given)) continue;
        ids.add(q.id);
        const a = answers[q.id];
        if (a !== undefined) given[q.id] = a;
      }
      return ids;
    };
    visibilityCache.set(pack.questionnaires, visible);
  }
  return visible;
}

/** The input the engine evaluates: hidden and empty answers dropped, as a submitted form. */
export function toInput(pack: Pack, draft: InputDraft): EvaluationInputDraft {
  const shown = visibleQuestions(pack)(draft.answers);
  const answers: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(draft.answers))
    if (shown.has(id) && isAnswered(a)) answers[id] = a;
  const facts: Record<string, FactValue> = {};
  for (const [id, v] of Object.entries(draft.facts)) if (v !== null) facts[id] = v;
  const input: EvaluationInputDraft = {
    facts,
    answers,
    evaluationDate: draft.evaluationDate,
    initiator: draft.initiator,
  };
  if (draft.clientId) input.clientId = draft.clientId;
  if (draft.assessmentDate) input.assessmentDate = draft.assessmentDate;
  return input;
}

function answerProblem(q: Question, answer: Answer | undefined): LocalizedText | undefined {
  if (!isAnswered(answer))
    return q.required ? lt('请回答此题', 'Please answer this question') : undefined;
  if (q.type === 'multiple' && Array.isArray(answer)) {
    const max = q.maxSelected;
    if (answer.length < q.minSelected || (max !== undefined && answer.length > max))
      return max === undefined
        ? lt(`请至少选择 ${q.minSelected} 项`, `Choose at least ${q.minSelected} options`)
        : lt(`请选择 ${q.minSelected} 至 ${max} 项`, `Choose ${q.minSelected} to ${max} options`);
  }
  if (q.type === 'numeric' && typeof answer === 'number') {
    if (q.integer && !Number.isInteger(answer)) return lt('请输入整数', 'Enter a whole number');
    if (answer < q.min || answer > q.max)
      return lt(
        `请输入 ${q.min} 至 ${q.max} 之间的数值`,
        `Enter a number from ${q.min} to ${q.max}`,
      );
  }
  return undefined;
}

/**
 * What the form itself would tell a client before submitting: unanswered required questions,
 * selection counts, numbers out of range, missing required facts, dates. The engine still
 * evaluates an incomplete form (its questionnaire then reports `complete: false`).
 */
export function checkDraft(pack: Pack, draft: InputDraft): FieldProblems {
  const problems: FieldProblems = {};
  if (!DATE.test(draft.evaluationDate))
    problems['$.evaluationDate'] = lt('请填写评估日期', 'Enter the evaluation date');
  if (draft.assessmentDate && draft.assessmentDate > draft.evaluationDate)
    problems['$.assessmentDate'] = lt(
      '测评日期晚于评估日期',
      'The assessment date is after the evaluation date',
    );
  const shown = visibleQuestions(pack)(draft.answers);
  for (const q of pack.questionnaires.flatMap(questionsOf)) {
    if (!shown.has(q.id)) continue;
    const problem = answerProblem(q, draft.answers[q.id]);
    if (problem) problems[`$.answers.${q.id}`] = problem;
  }
  for (const f of pack.vocabulary.facts) {
    const v = draft.facts[f.id];
    const path = `$.facts.${f.id}`;
    if (v === undefined || v === null) {
      if (f.required) problems[path] = lt('必填', 'Required');
    } else if (f.type === 'number' && typeof v === 'number') {
      if (f.integer && !Number.isInteger(v))
        problems[path] = lt('请输入整数', 'Enter a whole number');
      else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max))
        problems[path] = lt(
          `应在 ${f.min ?? '-∞'} 至 ${f.max ?? '∞'} 之间`,
          `Must be from ${f.min ?? '-∞'} to ${f.max ?? '∞'}`,
        );
    }
  }
  return problems;
}

/** The draft with one answer changed; `undefined` (or an empty selection) clears it. */
export function withAnswer(draft: InputDraft, id: string, answer: Answer | undefined): InputDraft {
  const answers = { ...draft.answers };
  if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) delete answers[id];
  else answers[id] = answer;
  return { ...draft, answers };
}

/** The draft with one fact changed; `undefined` clears it. */
export function withFact(draft: InputDraft, id: string, value: FactValue | undefined): InputDraft {
  const facts = { ...draft.facts };
  if (value === undefined) delete facts[id];
  else facts[id] = value;
  return { ...draft, facts };
}

/** Units packs write in English (`years`, `CNY`), in the UI language; others as written. */
const UNITS: Record<string, string> = {
  year: '年',
  years: '年',
  month: '个月',
  months: '个月',
  day: '天',
  days: '天',
  CNY: '元',
  RMB: '元',
  EUR: '欧元',
  USD: '美元',
};

export function unitText(unit: string, locale: string): string {
  return locale === 'zh-CN' ? (UNITS[unit] ?? unit) : unit;
}
