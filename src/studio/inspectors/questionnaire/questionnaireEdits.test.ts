import { describe, expect, it } from 'vitest';
import {
  applyChange,
  invertChange,
  lt,
  type Pack,
  type PackChange,
} from '../../../domain/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import * as edit from './questionnaireEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const base = ['questionnaires', 0];
const questionnaire = pack.questionnaires[0]!;
const section = questionnaire.sections[0]!;
const question = section.questions[0]!;
const questionPath = [...base, 'sections', 0, 'questions', 0];

function roundTrip(change: PackChange): Pack {
  const after = applyChange(pack, change);
  expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  return after;
}
const firstQuestionnaire = (p: Pack) => p.questionnaires[0]!;

describe('questionnaire edits', () => {
  it('title, validity and sections', () => {
    const titled = roundTrip(edit.setQuestionnaireField(base, 'validityMonths', 12));
    expect(firstQuestionnaire(titled).validityMonths).toBe(12);
    const added = roundTrip(
      edit.addSection(base, questionnaire.sections.length, {
        id: 'S9',
        title: lt('新', 'New'),
        questions: [],
      }),
    );
    expect(firstQuestionnaire(added).sections.at(-1)?.id).toBe('S9');
    const renamed = roundTrip(edit.setSectionTitle(base, 0, lt('甲', 'A')));
    expect(firstQuestionnaire(renamed).sections[0]?.title).toEqual(lt('甲', 'A'));
    if (questionnaire.sections.length > 1) {
      expect(firstQuestionnaire(roundTrip(edit.moveSection(base, 0, 1))).sections[1]).toEqual(
        section,
      );
      expect(firstQuestionnaire(roundTrip(edit.removeSection(base, 0))).sections[0]).toEqual(
        questionnaire.sections[1],
      );
    }
  });

  it('insert and remove questions, named by their id', () => {
    const copy = { ...question, id: 'Qx' };
    const inserted = edit.insertQuestion(base, 0, 1, copy);
    expect(inserted).toMatchObject({ text: { en: 'added question Qx' } });
    expect(firstQuestionnaire(roundTrip(inserted)).sections[0]?.questions[1]?.id).toBe('Qx');
    const removed = edit.removeQuestion(base, 0, 0, question.id);
    expect(firstQuestionnaire(roundTrip(removed)).sections[0]?.questions[0]).toEqual(
      section.questions[1],
    );
  });

  it('question fields, nested fields and type', () => {
    const required = roundTrip(edit.setQuestionField(questionPath, 'required', false));
    expect(firstQuestionnaire(required).sections[0]?.questions[0]?.required).toBe(false);
    const numeric = roundTrip(edit.setQuestionType(questionPath, question, 'numeric'));
    expect(firstQuestionnaire(numeric).sections[0]?.questions[0]?.type).toBe('numeric');
    expect(edit.setQuestionField(questionPath, ['bindFact', 'combine'], 'min')).toMatchObject({
      changes: [{ path: [...questionPath, 'bindFact', 'combine'] }],
    });
  });

  it('options: add, move, remove, a nested field', () => {
    if (question.type !== 'single' && question.type !== 'multiple') return;
    const path = [...questionPath, 'options'];
    const option = { id: 'z', label: lt('z', 'z'), points: 0 };
    const optionsOf = (p: Pack) => {
      const q = firstQuestionnaire(p).sections[0]?.questions[0];
      return q && 'options' in q ? q.options : [];
    };
    expect(
      optionsOf(roundTrip(edit.addOption(path, question.options.length, option))).at(-1),
    ).toEqual(option);
    expect(optionsOf(roundTrip(edit.moveOption(path, 0, 1)))[1]).toEqual(question.options[0]);
    expect(optionsOf(roundTrip(edit.removeOption(path, 0)))[0]).toEqual(question.options[1]);
    expect(optionsOf(roundTrip(edit.setOptionField(path, 0, 'points', 9)))[0]?.points).toBe(9);
    expect(edit.setOptionField(path, 0, ['knockout', 'reason', 'en'], 'x')).toMatchObject({
      changes: [{ path: [...path, 0, 'knockout', 'reason', 'en'] }],
    });
  });

  it('show-if at its path: set, clear, children', () => {
    const path = [...base, 'sections', 0, 'questions', 1, 'showIf'];
    const showIf = { op: 'selected', question: question.id, options: [] } as never;
    const shown = roundTrip(edit.setShowIf(path, showIf));
    expect(firstQuestionnaire(shown).sections[0]?.questions[1]?.showIf).toEqual(showIf);
    expect(edit.setShowIf(path, undefined)).toMatchObject({ text: { en: 'always shown' } });
    expect(edit.addShowIfChild(path, 2, showIf)).toMatchObject({
      changes: [{ type: 'insert', path: [...path, 'conditions'], index: 2 }],
    });
    expect(edit.removeShowIfChild(path, 1)).toMatchObject({
      changes: [{ type: 'remove', path: [...path, 'conditions'], index: 1 }],
    });
  });

  it('numeric bands and the knock-out setting', () => {
    const path = [...questionPath, 'bands'];
    expect(edit.addQuestionBand(path, 2, { min: 0, max: 10, points: 1 })).toMatchObject({
      changes: [{ type: 'insert', path, index: 2 }],
    });
    expect(edit.setQuestionBandField(path, 1, 'max', 20)).toMatchObject({
      changes: [{ path: [...path, 1, 'max'], value: 20 }],
    });
    expect(edit.removeQuestionBand(path, 1)).toMatchObject({
      changes: [{ type: 'remove', index: 1 }],
    });
    const nodeIndex = pack.graph.nodes.findIndex((n) => n.kind === 'questionnaire');
    const zeroed = roundTrip(edit.setKnockoutZeroesScore(nodeIndex, true));
    const node = zeroed.graph.nodes[nodeIndex];
    expect(node?.kind === 'questionnaire' && node.config.knockoutZeroesScore).toBe(true);
  });
});
