import { DOCUMENT_LIMITS, questionsOf, type LocalizedText, type Pack } from '../domain/index.ts';

/** Turns a CSV cell into a typed value, or says why it cannot. */
type Convert = (cell: string) => { value: unknown } | { error: LocalizedText };

/** Where a column's value goes in the evaluation input, and how its text is read. */
export type ColumnPlan = { target: string[]; convert: Convert };

const asString: Convert = (cell) => ({ value: cell });
const asList: Convert = (cell) => ({ value: cell.split('|').map((s) => s.trim()) });
// Decimal only: Number() would also read 0x23, 0b100011 and 0o43 as 35.
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const asNumber: Convert = (cell) => {
  const n = Number(cell);
  return DECIMAL.test(cell) && Number.isFinite(n)
    ? { value: n }
    : { error: { 'zh-CN': `"${cell}" 不是数字`, en: `"${cell}" is not a number` } };
};
const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);
const asBoolean: Convert = (cell) => {
  const v = cell.trim().toLowerCase();
  if (TRUE.has(v)) return { value: true };
  if (FALSE.has(v)) return { value: false };
  return {
    error: {
      'zh-CN': `"${cell}" 不是布尔值（true/false）`,
      en: `"${cell}" is not a boolean (true/false)`,
    },
  };
};

/**
 * How to read each CSV column, from the pack's vocabulary and questions: `facts.<id>` by the fact's
 * type, `answers.<id>` by the question's type (multiple choice joined with `|`), plus the context
 * columns. An unknown column is an error for the whole file: a typo would silently drop data.
 */
export function planColumns(
  pack: Pack,
  header: readonly string[],
): { plans: ColumnPlan[] } | { unknown: string[] } {
  const facts = new Map(pack.vocabulary.facts.map((f) => [f.id, f]));
  const questions = new Map(pack.questionnaires.flatMap(questionsOf).map((q) => [q.id, q]));
  const plans: ColumnPlan[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    // A repeated column would make one value silently win over the other.
    if (seen.has(name.trim())) {
      unknown.push(`${name} (x2)`);
      continue;
    }
    seen.add(name.trim());
    const [root, id, ...more] = name.trim().split('.');
    if (
      more.length === 0 &&
      id === undefined &&
      root &&
      ['clientId', 'evaluationDate', 'assessmentDate', 'initiator'].includes(root)
    ) {
      plans.push({ target: [root], convert: asString });
      continue;
    }
    if (root === 'facts' && id !== undefined && more.length === 0) {
      const fact = facts.get(id);
      if (fact) {
        const convert =
          fact.type === 'number'
            ? asNumber
            : fact.type === 'boolean'
              ? asBoolean
              : fact.type === 'set'
                ? asList
                : asString;
        plans.push({ target: ['facts', id], convert });
        continue;
      }
    }
    if (root === 'answers' && id !== undefined && more.length === 0) {
      const question = questions.get(id);
      if (question) {
        const convert =
          question.type === 'multiple' ? asList : question.type === 'numeric' ? asNumber : asString;
        plans.push({ target: ['answers', id], convert });
        continue;
      }
    }
    unknown.push(name);
  }
  return unknown.length > 0 ? { unknown } : { plans };
}

/** The evaluation input of one CSV record; empty cells are left out (missing, not empty). */
export function recordToInput(
  plans: readonly ColumnPlan[],
  header: readonly string[],
  fields: readonly string[],
): { input: Record<string, unknown> } | { error: LocalizedText } {
  if (fields.length !== plans.length)
    return {
      error: {
        'zh-CN': `应有 ${plans.length} 列，实际 ${fields.length} 列`,
        en: `expected ${plans.length} columns, got ${fields.length}`,
      },
    };
  const input: Record<string, unknown> = {};
  // `facts` and `answers` are built from entries in one go (see recordTemplate in the engine).
  const nested = new Map<string, [string, unknown][]>();
  for (let i = 0; i < plans.length; i++) {
    const cell = fields[i] as string;
    if (cell === '') continue;
    if (cell.length > DOCUMENT_LIMITS.maxStringLength)
      return {
        error: {
          'zh-CN': `列 ${header[i]}：字符串过长：${cell.length} 个字符，上限 ${DOCUMENT_LIMITS.maxStringLength}`,
          en: `column ${header[i]}: string too long: ${cell.length} characters, the limit is ${DOCUMENT_LIMITS.maxStringLength}`,
        },
      };
    const plan = plans[i] as ColumnPlan;
    const converted = plan.convert(cell);
    if ('error' in converted)
      return {
        error: {
          'zh-CN': `列 ${header[i]}：${converted.error['zh-CN']}`,
          en: `column ${header[i]}: ${converted.error.en}`,
        },
      };
    const [root, key] = plan.target as [string, string | undefined];
    if (key === undefined) input[root] = converted.value;
    else {
      let entries = nested.get(root);
      if (!entries) nested.set(root, (entries = []));
      entries.push([key, converted.value]);
    }
  }
  for (const [root, entries] of nested) input[root] = Object.fromEntries(entries);
  return { input };
}

/** The CSV header for a pack's inputs, so that people can start from a template. */
export function inputHeader(pack: Pack): string[] {
  return [
    'clientId',
    'evaluationDate',
    'assessmentDate',
    'initiator',
    ...pack.vocabulary.facts.map((f) => `facts.${f.id}`),
    ...pack.questionnaires.flatMap(questionsOf).map((q) => `answers.${q.id}`),
  ];
}
