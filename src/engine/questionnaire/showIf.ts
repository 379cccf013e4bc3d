import type { ShowIf } from '../../domain/index.ts';

export type Answers = Record<string, unknown>;

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
  eq: (a: number, b: number) => a === b,
} as const;

function answerOf(answers: Answers, question: string): unknown {
  return Object.hasOwn(answers, question) ? answers[question] : undefined;
}

/** Compiles a show-if condition on earlier answers into a test. */
export function compileShowIf(s: ShowIf): (answers: Answers) => boolean {
  switch (s.op) {
    case 'all': {
      const parts = s.conditions.map(compileShowIf);
      return (a) => parts.every((p) => p(a));
    }
    case 'any': {
      const parts = s.conditions.map(compileShowIf);
      return (a) => parts.some((p) => p(a));
    }
    case 'not': {
      const inner = compileShowIf(s.condition);
      return (a) => !inner(a);
    }
    case 'answered':
      return (a) => {
        const v = answerOf(a, s.question);
        return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
      };
    case 'selected': {
      const wanted = new Set(s.options);
      return (a) => {
        const v = answerOf(a, s.question);
        if (typeof v === 'string') return wanted.has(v);
        return Array.isArray(v) && v.some((x) => wanted.has(x as string));
      };
    }
    case 'compare': {
      const cmp = COMPARE[s.operator];
      return (a) => {
        const v = answerOf(a, s.question);
        return typeof v === 'number' && cmp(v, s.value);
      };
    }
  }
}

export type ShowIfRef = {
  question: string;
  path: string;
  leaf: Exclude<ShowIf, { op: 'all' | 'any' | 'not' }>;
};

/** Every test of a show-if on a question, with the JSON sub-path of the test. */
export function showIfQuestions(s: ShowIf, path = 'showIf'): ShowIfRef[] {
  if (s.op === 'all' || s.op === 'any')
    return s.conditions.flatMap((c, i) => showIfQuestions(c, `${path}.conditions[${i}]`));
  if (s.op === 'not') return showIfQuestions(s.condition, `${path}.condition`);
  return [{ question: s.question, path, leaf: s }];
}
