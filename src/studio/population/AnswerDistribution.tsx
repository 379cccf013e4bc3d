import type { Pack } from '../../domain/index.ts';
import { ALL_QUESTIONS, type AnalyticsReport } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { decimal, percent, questionLabels } from './analyticsFormat.ts';
import { formatCount } from './summary.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '答案分布',
    why: '客户怎样回答每道题。几乎人人答得一样的题目区分不了客户；与其余题目相关很低（接近 0 或为负）的题目可能在衡量别的东西，或分值方向反了。',
    question: '题目',
    answers: '各选项比例（占作答客户）',
    itemRest: '与其余题目的相关',
    moved: '等级改变',
    unanswered: '未答 {n}',
    hidden: '未显示 {n}',
    mean: '平均 {mean}，标准差 {sd}',
  },
  en: {
    title: 'Answer distribution',
    why: 'How clients answered each question. A question nearly everyone answers alike tells clients apart poorly; one with a correlation with the rest near 0 or negative may measure something else, or be scored the wrong way round.',
    question: 'Question',
    answers: 'Share of each answer (of clients who answered)',
    itemRest: 'Correlation with the rest',
    moved: 'Level changes',
    unanswered: '{n} unanswered',
    hidden: '{n} not shown',
    mean: 'mean {mean}, sd {sd}',
  },
});

type Props = { pack: Pack; report: AnalyticsReport };

/** Per question: the share of each answer as a bar, its item-rest correlation and how often it moves a level. */
export function AnswerDistribution({ pack, report }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const labels = questionLabels(pack);
  const all = report.dimensions.find((d) => d.id === ALL_QUESTIONS);
  const itemRest = new Map(all?.items.map((i) => [i.question, i.itemRest]));
  return (
    <section className="anl-section" data-figure="answers">
      <h4>{t('title')}</h4>
      <p className="anl-why">{t('why')}</p>
      <table className="anl-table anl-answers">
        <thead>
          <tr>
            <th>{t('question')}</th>
            <th>{t('answers')}</th>
            <th>{t('itemRest')}</th>
            <th>{t('moved')}</th>
          </tr>
        </thead>
        <tbody>
          {report.questions.map((q) => (
            <tr key={q.id} data-question={q.id} className={q.dead ? 'anl-dead' : undefined}>
              <td className="anl-q">
                <strong>{q.id}</strong> {localize(labels.text(q.id))}
              </td>
              <td>
                <div className="anl-bars">
                  {q.categories.map((c) => (
                    <div
                      key={c.id}
                      className="anl-bar-row"
                      title={`${c.id} ${localize(labels.option(q.id, c.id))}`}
                    >
                      <span className="anl-bar-label">
                        {c.id} {localize(labels.option(q.id, c.id))}
                      </span>
                      <span className="anl-bar">
                        <span style={{ width: `${(c.rate ?? 0) * 100}%` }} />
                      </span>
                      <span className="anl-bar-value">{percent(c.rate)}</span>
                    </div>
                  ))}
                </div>
                <div className="muted anl-small">
                  {q.mean !== null && t('mean', { mean: decimal(q.mean), sd: decimal(q.sd) })}{' '}
                  {q.unanswered > 0 && t('unanswered', { n: formatCount(q.unanswered) })}{' '}
                  {q.hidden > 0 && t('hidden', { n: formatCount(q.hidden) })}
                </div>
              </td>
              <td>{decimal(itemRest.get(q.id) ?? null)}</td>
              <td>{q.varied > 0 ? percent(q.moved.rate) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
