import { useMemo, useState } from 'react';
import { questionsOf } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField } from '../common/ChoiceFields.tsx';
import { CoherenceEditor } from './CoherenceEditor.tsx';
import { Outline, type Selection } from './Outline.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { questionnaireRange } from './scoreRange.ts';
import { setKnockoutZeroesScore, setQuestionnaireField } from './questionnaireEdits.ts';
import './inspectorBase.css';
import './questionnaire.css';

const messages = defineMessages({
  'zh-CN': {
    questionnaire: '问卷',
    missing: '找不到问卷“{id}”',
    title: '问卷标题',
    validity: '有效期（月）',
    zeroes: '触发否决项时总分归零',
    range: '总分范围',
    questions: '{n} 道题',
    pick: '在左侧选择一道题进行编辑',
  },
  en: {
    questionnaire: 'Questionnaire',
    missing: 'No questionnaire "{id}" in the pack',
    title: 'Title',
    validity: 'Valid for (months)',
    zeroes: 'A knock-out sets the total to 0',
    range: 'Score range',
    questions: '{n} questions',
    pick: 'Pick a question on the left to edit it',
  },
});

/**
 * The questionnaire designer: outline on the left, the selected question on the right, the score
 * range of the whole questionnaire always in view.
 */
export function QuestionnaireInspector({
  pack,
  node,
  nodeIndex,
  dispatch,
}: InspectorProps<'questionnaire'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [selected, setSelected] = useState<Selection>();
  const qi = pack.questionnaires.findIndex((q) => q.id === node.config.questionnaire);
  const questionnaire = pack.questionnaires[qi];
  const allIds = useMemo(
    () => pack.questionnaires.flatMap((q) => questionsOf(q).map((x) => x.id)),
    [pack.questionnaires],
  );
  if (!questionnaire)
    return (
      <p className="inspector-error" role="alert">
        {t('missing', { id: node.config.questionnaire })}
      </p>
    );
  const base = ['questionnaires', qi] as const;
  const range = questionnaireRange(questionnaire, node.config.knockoutZeroesScore);
  const flat = questionsOf(questionnaire);
  const section = selected ? questionnaire.sections[selected.section] : undefined;
  const question = selected ? section?.questions[selected.question] : undefined;
  const position = question ? flat.indexOf(question) : -1;
  const otherIds = new Set(allIds.filter((id) => id !== question?.id));

  return (
    <div className="questionnaire-inspector">
      <header className="q-header">
        <h3>
          {t('questionnaire')} · {localize(questionnaire.title)}
        </h3>
        <output className="q-range" data-testid="score-range" aria-label={t('range')}>
          {t('range')}: {range.min} – {range.max} · {t('questions', { n: flat.length })}
        </output>
      </header>
      <div className="q-row">
        <LocalizedField
          label={t('title')}
          value={questionnaire.title}
          onCommit={(v) => dispatch(setQuestionnaireField(base, 'title', v))}
        />
        <label>
          {t('validity')}{' '}
          <NumberField
            label={t('validity')}
            integer
            min={1}
            value={questionnaire.validityMonths}
            onCommit={(v) => dispatch(setQuestionnaireField(base, 'validityMonths', v))}
          />
        </label>
        <CheckField
          label={t('zeroes')}
          checked={node.config.knockoutZeroesScore}
          onChange={(checked) => dispatch(setKnockoutZeroesScore(nodeIndex, checked))}
        />
      </div>
      <div className="q-body">
        <Outline
          pack={pack}
          questionnaire={questionnaire}
          base={base}
          dispatch={dispatch}
          selected={selected}
          onSelect={setSelected}
        />
        {question && selected ? (
          <QuestionEditor
            key={`${selected.section}-${selected.question}`}
            pack={pack}
            question={question}
            path={[...base, 'sections', selected.section, 'questions', selected.question]}
            earlier={flat.slice(0, Math.max(position, 0))}
            otherIds={otherIds}
            dispatch={dispatch}
          />
        ) : (
          <p className="hint">{t('pick')}</p>
        )}
      </div>
      <CoherenceEditor questionnaire={questionnaire} qi={qi} dispatch={dispatch} />
    </div>
  );
}
