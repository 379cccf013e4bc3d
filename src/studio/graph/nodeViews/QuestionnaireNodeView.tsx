import { useMemo } from 'react';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { usePackSlice } from '../packStore.tsx';
import { summarizeQuestionnaire } from './summaries.ts';

const messages = defineMessages({
  'zh-CN': {
    questions: '{n} 道题',
    range: '总分 {min}–{max}',
    knockouts: '{n} 个一票否决选项',
    missing: '问卷 {id} 不存在',
  },
  en: {
    questions: '{n} questions',
    range: 'total {min}–{max}',
    knockouts: '{n} knock-out options',
    missing: 'questionnaire {id} does not exist',
  },
});

export function QuestionnaireNodeView({ node }: NodeViewProps<'questionnaire'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const id = node.config.questionnaire;
  const questionnaire = usePackSlice((p) => p.questionnaires.find((q) => q.id === id));
  const summary = useMemo(
    () => (questionnaire ? summarizeQuestionnaire(questionnaire) : undefined),
    [questionnaire],
  );
  if (!questionnaire || !summary) return <div className="nv nv-muted">{t('missing', { id })}</div>;
  return (
    <div className="nv">
      <div className="nv-muted">{localize(questionnaire.title)}</div>
      <div className="nv-row">
        <span>{t('questions', { n: summary.questions })}</span>
        <strong>{t('range', { min: summary.min, max: summary.max })}</strong>
      </div>
      {summary.knockouts > 0 && (
        <div className="nv-chips">
          <span className="nv-chip flag">{t('knockouts', { n: summary.knockouts })}</span>
        </div>
      )}
    </div>
  );
}
