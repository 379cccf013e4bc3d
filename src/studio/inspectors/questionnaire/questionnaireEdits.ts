import type {
  LocalizedText,
  Option,
  PackChange,
  PathKey,
  Question,
  QuestionType,
  ShowIf,
} from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import {
  appendItem,
  moveItem,
  removeItem,
  setAt,
  setField,
  setItemField,
} from '../common/listEdits.ts';
import { configPath, intent } from '../common/paths.ts';
import { convertQuestion } from './questionEdits.ts';

/**
 * The questionnaire designer's edits as named intents. The designer's parts are given paths by
 * their host: `base` is the questionnaire (`['questionnaires', qi]`), a question editor gets the
 * question's path, the options, bands and show-if editors theirs.
 */

export type NumericBand = { min: number; max: number; points: number };

// The questionnaire and its sections.

export function setQuestionnaireField(
  base: readonly PathKey[],
  key: 'title' | 'validityMonths',
  value: LocalizedText | number | undefined,
): PackChange {
  return setField(base, key, value, lt(`修改问卷的 ${key}`, `changed the questionnaire's ${key}`));
}

/** Whether a knock-out answer also zeroes the questionnaire score (a node setting). */
export function setKnockoutZeroesScore(nodeIndex: number, on: boolean): PackChange {
  return setField(
    configPath(nodeIndex),
    'knockoutZeroesScore',
    on,
    on
      ? lt('否决项使总分归零', 'a knock-out zeroes the score')
      : lt('否决项不影响总分', 'a knock-out keeps the score'),
  );
}

const sections = (base: readonly PathKey[]) => ({
  path: [...base, 'sections'],
  noun: lt('分组', 'section'),
});

export function addSection(
  base: readonly PathKey[],
  count: number,
  section: { id: string; title: LocalizedText; questions: Question[] },
): PackChange {
  return appendItem(sections(base), count, section);
}

export function moveSection(base: readonly PathKey[], from: number, to: number): PackChange {
  return moveItem(sections(base), from, to);
}

export function removeSection(base: readonly PathKey[], index: number): PackChange {
  return removeItem(sections(base), index);
}

export function setSectionTitle(
  base: readonly PathKey[],
  index: number,
  title: LocalizedText,
): PackChange {
  return setItemField(sections(base), index, 'title', title);
}

/** `question` inserted in section `section` at `index` (a new one, or a duplicate). */
export function insertQuestion(
  base: readonly PathKey[],
  section: number,
  index: number,
  question: Question,
): PackChange {
  return intent('add question', lt(`添加问题 ${question.id}`, `added question ${question.id}`), {
    type: 'insert',
    path: [...base, 'sections', section, 'questions'],
    index,
    value: question,
  });
}

export function removeQuestion(
  base: readonly PathKey[],
  section: number,
  index: number,
  id: string,
): PackChange {
  return intent('remove question', lt(`删除问题 ${id}`, `removed question ${id}`), {
    type: 'remove',
    path: [...base, 'sections', section, 'questions'],
    index,
  });
}

// One question, at `path`.

/** A field of the question (or one inside it: `['bindFact', 'combine']`). */
export function setQuestionField(
  path: readonly PathKey[],
  key: PathKey | readonly PathKey[],
  value: unknown,
): PackChange {
  const keys = typeof key === 'object' ? key : [key];
  const name = keys.join('.');
  return intent(`question ${name}`, lt(`修改问题的 ${name}`, `changed the question's ${name}`), {
    type: 'set',
    path: [...path, ...keys],
    value,
  });
}

/** The question as another type, keeping what carries over (see `convertQuestion`). */
export function setQuestionType(
  path: readonly PathKey[],
  question: Question,
  type: QuestionType,
): PackChange {
  return setAt(
    path,
    convertQuestion(question, type),
    lt(`问题 ${question.id} 改为 ${type}`, `question ${question.id} is now ${type}`),
  );
}

// Options, at the path of the question's option list.

const options = (path: readonly PathKey[]) => ({ path, noun: lt('选项', 'option') });

export function addOption(path: readonly PathKey[], count: number, option: Option): PackChange {
  return appendItem(options(path), count, option);
}

export function moveOption(path: readonly PathKey[], from: number, to: number): PackChange {
  return moveItem(options(path), from, to);
}

export function removeOption(path: readonly PathKey[], index: number): PackChange {
  return removeItem(options(path), index);
}

/** A field of option `index`, or one inside it (`['knockout', 'reason', 'en']`). */
export function setOptionField(
  path: readonly PathKey[],
  index: number,
  key: PathKey | readonly PathKey[],
  value: unknown,
): PackChange {
  return setItemField(options(path), index, key, value);
}

// A numeric question's bands, at the path of its band list.

const bands = (path: readonly PathKey[]) => ({ path, noun: lt('分段', 'band') });

export function addQuestionBand(
  path: readonly PathKey[],
  count: number,
  band: NumericBand,
): PackChange {
  return appendItem(bands(path), count, band);
}

export function removeQuestionBand(path: readonly PathKey[], index: number): PackChange {
  return removeItem(bands(path), index);
}

export function setQuestionBandField(
  path: readonly PathKey[],
  index: number,
  key: keyof NumericBand,
  value: number,
): PackChange {
  return setItemField(bands(path), index, key, value);
}

// When a question shows, at the path of its `showIf` (or of a condition inside it).

/** The show-if at `path`, or a field inside it (`['operator']`); `undefined` always shows. */
export function setShowIf(
  path: readonly PathKey[],
  value: ShowIf | unknown,
  sub: readonly PathKey[] = [],
): PackChange {
  return setAt(
    [...path, ...sub],
    value,
    value === undefined && sub.length === 0
      ? lt('始终显示', 'always shown')
      : lt('修改显示条件', 'changed when it shows'),
  );
}

const showIfChildren = (path: readonly PathKey[]) => ({
  path: [...path, 'conditions'],
  noun: lt('显示条件', 'show-if condition'),
});

export function addShowIfChild(path: readonly PathKey[], count: number, child: ShowIf): PackChange {
  return appendItem(showIfChildren(path), count, child);
}

export function removeShowIfChild(path: readonly PathKey[], index: number): PackChange {
  return removeItem(showIfChildren(path), index);
}
