import {
  lt,
  questionsOf,
  type COHERENCE_SEVERITIES,
  type CoherenceRule,
  type Condition,
  type LocalizedText,
  type PackChange,
  type PathKey,
  type Question,
  type Questionnaire,
} from '../../../domain/index.ts';
import { intent } from '../common/paths.ts';
import { nextId } from './questionEdits.ts';

/**
 * Coherence rules of questionnaire `qi` as named intents. The editor works on the common shape —
 * "all of: question X answered one of these options" — and leaves any other condition (facts,
 * `not`, nested lists) to the JSON view.
 */

/** One clause: the question's answer is one of `options` (for multiple choice: includes one). */
export type Clause = { question: string; options: string[] };

const rulesPath = (qi: number): PathKey[] => ['questionnaires', qi, 'coherence'];

function clauseCondition(clause: Clause, q: Question | undefined): Condition {
  const path = `$.${clause.question}`;
  const read = { fact: 'answers', path } as const;
  if (q?.type === 'multiple') {
    const parts = clause.options.map((o) => ({ ...read, operator: 'contains' as const, value: o }));
    return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
  }
  return clause.options.length === 1
    ? { ...read, operator: 'equal', value: clause.options[0] as string }
    : { ...read, operator: 'in', value: clause.options };
}

/** The `when` of a rule from its clauses, all of which must hold. */
export function whenOf(
  clauses: readonly Clause[],
  questionnaire: Questionnaire,
): CoherenceRule['when'] {
  const byId = new Map(questionsOf(questionnaire).map((q) => [q.id, q]));
  return { all: clauses.map((c) => clauseCondition(c, byId.get(c.question))) };
}

const questionOf = (path: string | undefined) => /^\$\.([A-Za-z0-9_-]+)$/.exec(path ?? '')?.[1];

function clauseOf(c: Condition): Clause | undefined {
  if ('any' in c) {
    const parts = c.any.map(clauseOf);
    const first = parts[0];
    if (!first || parts.some((p) => !p || p.question !== first.question)) return undefined;
    return { question: first.question, options: parts.flatMap((p) => p?.options ?? []) };
  }
  if (!('fact' in c) || c.fact !== 'answers') return undefined;
  const question = questionOf(c.path);
  if (!question) return undefined;
  if ((c.operator === 'equal' || c.operator === 'contains') && typeof c.value === 'string')
    return { question, options: [c.value] };
  if (c.operator === 'in' && Array.isArray(c.value) && c.value.every((v) => typeof v === 'string'))
    return { question, options: c.value as string[] };
  return undefined;
}

/** The clauses of a rule in the editor's shape, or undefined when it has another shape. */
export function clausesOf(rule: CoherenceRule): Clause[] | undefined {
  if (!('all' in rule.when)) return undefined;
  const clauses = rule.when.all.map(clauseOf);
  return clauses.every((c) => c !== undefined) ? (clauses as Clause[]) : undefined;
}

const choiceQuestions = (questionnaire: Questionnaire) =>
  questionsOf(questionnaire).filter((q) => q.type !== 'numeric');

/** A new rule on the first two choice questions (firm practice until the author says otherwise). */
export function addCoherenceRule(qi: number, questionnaire: Questionnaire): PackChange | undefined {
  const [a, b] = choiceQuestions(questionnaire);
  if (!a || !b) return undefined;
  const rules = questionnaire.coherence ?? [];
  const id = nextId(
    'coherence',
    rules.map((r) => r.id),
  );
  const rule: CoherenceRule = {
    id,
    label: lt('新的一致性规则', 'New coherence rule'),
    when: whenOf(
      [
        { question: a.id, options: [a.options[0]?.id ?? ''] },
        { question: b.id, options: [b.options[0]?.id ?? ''] },
      ],
      questionnaire,
    ),
    severity: 'review',
    basis: { kind: 'firmPractice' },
  };
  const text = lt(`新增一致性规则 ${id}`, `added coherence rule ${id}`);
  return questionnaire.coherence
    ? intent('add coherence rule', text, {
        type: 'insert',
        path: rulesPath(qi),
        index: rules.length,
        value: rule,
      })
    : intent('add coherence rule', text, { type: 'set', path: rulesPath(qi), value: [rule] });
}

export function removeCoherenceRule(qi: number, index: number, id: string): PackChange {
  return intent(
    'remove coherence rule',
    lt(`删除一致性规则 ${id}`, `removed coherence rule ${id}`),
    {
      type: 'remove',
      path: rulesPath(qi),
      index,
    },
  );
}

export function setCoherenceLabel(qi: number, index: number, label: LocalizedText): PackChange {
  return intent('coherence label', lt('修改一致性规则名称', 'renamed a coherence rule'), {
    type: 'set',
    path: [...rulesPath(qi), index, 'label'],
    value: label,
  });
}

export function setCoherenceSeverity(
  qi: number,
  index: number,
  severity: (typeof COHERENCE_SEVERITIES)[number],
): PackChange {
  return intent('coherence severity', lt(`处理方式改为 ${severity}`, `action set to ${severity}`), {
    type: 'set',
    path: [...rulesPath(qi), index, 'severity'],
    value: severity,
  });
}

/** The rule's condition from its clauses; a clause without options is dropped. */
export function setCoherenceClauses(
  qi: number,
  index: number,
  clauses: readonly Clause[],
  questionnaire: Questionnaire,
): PackChange {
  const kept = clauses.filter((c) => c.options.length > 0);
  const words = kept.map((c) => `${c.question}=${c.options.join('|')}`).join(' & ');
  return intent(
    'coherence condition',
    lt(`一致性条件：${words}`, `coherence condition: ${words}`),
    {
      type: 'set',
      path: [...rulesPath(qi), index, 'when'],
      value: whenOf(kept, questionnaire),
    },
  );
}
