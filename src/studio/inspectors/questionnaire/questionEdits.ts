import {
  lt,
  questionsOf,
  type Option,
  type Pack,
  type PackChange,
  type PathKey,
  type Question,
  type QuestionType,
  type ShowIf,
} from '../../../domain/index.ts';

/** The first `<prefix><n>` not in `taken`: Q1, Q2... */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Question ids across the pack: answers share one namespace over all questionnaires. */
export function questionIds(pack: Pack): string[] {
  return pack.questionnaires.flatMap((q) => questionsOf(q).map((x) => x.id));
}

const OPTION_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export function nextOptionId(options: readonly Option[]): string {
  const used = new Set(options.map((o) => o.id));
  for (const letter of OPTION_LETTERS) if (!used.has(letter)) return letter;
  return nextId('O', used);
}

function option(id: string, points: number, zh = id, en = id): Option {
  return { id, label: lt(zh, en), points };
}

const YES_NO: Option[] = [option('yes', 0, '是', 'Yes'), option('no', 0, '否', 'No')];

/** A fresh question of a type, with options a compliance officer would start from. */
export function newQuestion(id: string, type: QuestionType): Question {
  const base = {
    id,
    text: lt('新问题', 'New question'),
    required: true,
    dimensions: [],
    weight: 1,
  };
  switch (type) {
    case 'single':
      return { ...base, type, options: [option('A', 0), option('B', 1)] };
    case 'multiple':
      return {
        ...base,
        type,
        options: [option('A', 0), option('B', 1)],
        scoring: 'max',
        minSelected: 1,
      };
    case 'yesno':
      return { ...base, type, options: YES_NO.map((o) => ({ ...o })) };
    case 'numeric':
      return {
        ...base,
        type,
        min: 0,
        max: 100,
        integer: false,
        bands: [{ min: 0, max: 100, points: 0 }],
      };
  }
}

/**
 * The question as another type, keeping what carries over: text, flags, dimensions, show-if and
 * binding always; options between choice types (yes/no keeps its own two).
 */
export function convertQuestion(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const fresh = newQuestion(q.id, type);
  const { id, text, help, required, dimensions, weight, showIf, bindFact } = q;
  const kept = { id, text, required, dimensions, weight, ...(help ? { help } : {}) };
  const extra = { ...(showIf ? { showIf } : {}), ...(bindFact ? { bindFact } : {}) };
  const options = q.type === 'numeric' || q.type === 'yesno' ? undefined : q.options;
  if (fresh.type === 'single' && options) return { ...fresh, ...kept, ...extra, options };
  if (fresh.type === 'multiple' && options) return { ...fresh, ...kept, ...extra, options };
  return { ...fresh, ...kept, ...extra };
}

/** A copy with a new id; its options keep theirs (option ids are per question). */
export function duplicateQuestion(q: Question, id: string): Question {
  return { ...structuredClone(q), id };
}

type Slot = { section: number; index: number };

/**
 * Moves a question between positions of a questionnaire's sections. `to.index` is the position in
 * the target section before the move, as a drop indicator shows it.
 */
export function moveQuestionChange(
  base: readonly PathKey[],
  pack: Pack,
  from: Slot,
  to: Slot,
): PackChange | undefined {
  const questionsPath = (s: number) => [...base, 'sections', s, 'questions'];
  if (from.section === to.section) {
    const target = to.index > from.index ? to.index - 1 : to.index;
    if (target === from.index) return undefined;
    return { type: 'move', path: questionsPath(from.section), from: from.index, to: target };
  }
  const questionnaire = base.reduce<unknown>(
    (v, k) => (v as Record<PathKey, unknown>)[k],
    pack,
  ) as Pack['questionnaires'][number];
  const question = questionnaire.sections[from.section]?.questions[from.index];
  if (!question) return undefined;
  return {
    type: 'batch',
    label: 'move question',
    changes: [
      { type: 'remove', path: questionsPath(from.section), index: from.index },
      { type: 'insert', path: questionsPath(to.section), index: to.index, value: question },
    ],
  };
}

/** The same condition with every reference to question `from` pointing at `to`. */
export function renameInShowIf(showIf: ShowIf, from: string, to: string): ShowIf {
  switch (showIf.op) {
    case 'all':
    case 'any':
      return { ...showIf, conditions: showIf.conditions.map((c) => renameInShowIf(c, from, to)) };
    case 'not':
      return { ...showIf, condition: renameInShowIf(showIf.condition, from, to) };
    default:
      return showIf.question === from ? { ...showIf, question: to } : showIf;
  }
}

/**
 * Renames a question as one step: its id and every show-if that reads it, in every
 * questionnaire (answers share one namespace), so that conditional display keeps working.
 */
export function renameQuestionChange(
  pack: Pack,
  path: readonly PathKey[],
  from: string,
  to: string,
): PackChange {
  const changes: PackChange[] = [{ type: 'set', path: [...path, 'id'], value: to }];
  pack.questionnaires.forEach((questionnaire, qi) =>
    questionnaire.sections.forEach((section, si) =>
      section.questions.forEach((q, i) => {
        if (!q.showIf) return;
        const renamed = renameInShowIf(q.showIf, from, to);
        if (JSON.stringify(renamed) !== JSON.stringify(q.showIf))
          changes.push({
            type: 'set',
            path: ['questionnaires', qi, 'sections', si, 'questions', i, 'showIf'],
            value: renamed,
          });
      }),
    ),
  );
  return { type: 'batch', changes, label: 'rename question' };
}
