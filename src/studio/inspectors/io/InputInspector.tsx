import { questionsOf } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { FactsList } from './FactsList.tsx';
import './io.css';

const messages = defineMessages({
  'zh-CN': {
    hint: '其他节点可以直接引用：客户信息的标识（如 age）、answers.<题号>、context.<字段>',
    answers: '问卷答案',
    answersText: '{q} 份问卷，共 {n} 道题：answers.{first} …',
    noAnswers: '没有问卷',
    context: '评估上下文',
    contextText:
      'context.evaluationDate（评估日期）、context.assessmentDate（测评日期）、context.initiator（发起方：firm / client）、context.clientId',
  },
  en: {
    hint: 'Other nodes read these directly: a fact by its id (e.g. age), answers.<question>, context.<field>',
    answers: 'Answers',
    answersText: '{q} questionnaire(s), {n} questions: answers.{first} …',
    noAnswers: 'No questionnaires',
    context: 'Context',
    contextText:
      'context.evaluationDate, context.assessmentDate, context.initiator (firm / client), context.clientId',
  },
});

/** What an evaluation receives: the facts (editable here), the answers and the context. */
export function InputInspector({ pack, dispatch }: InspectorProps<'input'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const questions = pack.questionnaires.flatMap((q) => questionsOf(q));
  return (
    <div className="input-inspector">
      <p className="insp-muted">{t('hint')}</p>
      <FactsList pack={pack} dispatch={dispatch} />
      <dl className="scope-summary">
        <dt>{t('answers')}</dt>
        <dd>
          {questions.length === 0
            ? t('noAnswers')
            : t('answersText', {
                q: pack.questionnaires.length,
                n: questions.length,
                first: questions[0]?.id ?? '',
              })}
          {pack.questionnaires.map((q) => (
            <div key={q.id}>
              <code>{q.id}</code> {localize(q.title)}
            </div>
          ))}
        </dd>
        <dt>{t('context')}</dt>
        <dd>{t('contextText')}</dd>
      </dl>
    </div>
  );
}
