import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Pack } from '../../domain/index.ts';
import { ALL_QUESTIONS, type AnalyticsReport } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { AnswerDistribution } from './AnswerDistribution.tsx';
import { alphaGrade, decimal, percent, questionLabels } from './analyticsFormat.ts';
import { formatCount } from './summary.ts';

const messages = defineMessages({
  'zh-CN': {
    reliability: '信度：克隆巴赫 α 系数',
    reliabilityWhy:
      'α 系数表示同一维度的题目是否在衡量同一件事：通常 0.7 以上视为一致，偏低说明题目之间方向不一或只是噪声。',
    dimension: '维度',
    all: '全部题目',
    items: '题数',
    clients: '客户数',
    alpha: 'α',
    grade: '评价',
    good: '良好',
    acceptable: '可接受',
    low: '偏低',
    none: '无法计算（少于两题或没有差异）',
    weakest: '维度“{d}”中与其他题目最不一致的是 {q}（与其余题目的相关 {r}）；去掉它 α 为 {a}。',
    movers: '哪些题目会改变客户等级',
    moversWhy:
      '对 {n} 位客户，每道题分别换成其他每个答案、其余不变，重新评估：柱高是等级因此改变的客户比例。',
    sample: '（客户较多，按每 {k} 位取 1 位抽样）',
    top: '{q} 影响最大：{pct} 的客户如果这题答得不同，会落到另一个等级（升 {up}，降 {down}）。',
    dead: '无论怎样回答 {list}，都没有客户的等级会改变：这些题目不影响等级（可能仍用于设定事实或产品检查）。',
    noDead: '每道题都能改变部分客户的等级。',
    notVaried: '没有抽样客户，未计算。',
    moved: '等级改变的客户',
    knockouts: '否决项',
    knockoutWhy: '{pct} 的客户（{n} 位）选择了否决选项，因此被定为最低等级或受到等级上限。',
    knockoutOption: '{q} 选“{o}”（{flag}）：{pct}（{n} 位）',
    limitFlag: '分级标记 {flag}：{pct} 的客户（{n} 位）',
    noKnockouts: '问卷没有否决选项。',
    coherence: '答案一致性',
    coherenceWhy:
      '{pct} 的客户（{n} 位）至少有一对答案被规则包判定为互相矛盾；应由顾问与客户核对这些答案。',
    noCoherence: '规则包没有声明一致性规则：可在问卷上添加。',
    rule: '规则',
    rate: '比例',
    severity: '处理',
    review: '复核',
    info: '提示',
  },
  en: {
    reliability: "Reliability: Cronbach's alpha",
    reliabilityWhy:
      'Alpha shows whether the questions of a dimension measure the same thing: 0.7 or more is usually taken as consistent; lower means the questions pull in different directions or add noise.',
    dimension: 'Dimension',
    all: 'All questions',
    items: 'Questions',
    clients: 'Clients',
    alpha: 'Alpha',
    grade: 'Reading',
    good: 'good',
    acceptable: 'acceptable',
    low: 'low',
    none: 'cannot be computed (fewer than two questions, or no variation)',
    weakest:
      'In "{d}" the question that agrees least with the others is {q} (correlation with the rest {r}); without it alpha would be {a}.',
    movers: 'Which questions change a client’s level',
    moversWhy:
      'For {n} clients, each question was re-scored with every other answer, all else equal: each bar is the share of clients whose level would change.',
    sample: '(a large book: one client in {k} is sampled)',
    top: '{q} moves the most clients: {pct} would land in another level if they answered it differently ({up} up, {down} down).',
    dead: 'No client’s level changes whatever they answer to {list}: these questions do not affect the level (they may still set a fact or a product check).',
    noDead: 'Every question can change some client’s level.',
    notVaried: 'No client was sampled: not computed.',
    moved: 'Clients whose level changes',
    knockouts: 'Knock-outs',
    knockoutWhy:
      '{pct} of clients ({n}) chose a knock-out answer, which puts them in the lowest level or caps their level.',
    knockoutOption: '{q} answered “{o}” ({flag}): {pct} ({n})',
    limitFlag: 'Classification flag {flag}: {pct} of clients ({n})',
    noKnockouts: 'The questionnaire has no knock-out options.',
    coherence: 'Coherence of answers',
    coherenceWhy:
      '{pct} of clients ({n}) gave at least one pair of answers the pack declares contradictory; an adviser should review these answers with the client.',
    noCoherence: 'The pack declares no coherence rules: add them on the questionnaire.',
    rule: 'Rule',
    rate: 'Share',
    severity: 'Action',
    review: 'review',
    info: 'note',
  },
});

const still = { isAnimationActive: false } as const;

type Props = { pack: Pack; report: AnalyticsReport };

/** The figures of one analysis, each with the sentence a compliance officer reads. */
export function AnalyticsFigures({ pack, report }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const labels = questionLabels(pack);
  const rules = new Map(
    pack.questionnaires.flatMap((q) => (q.coherence ?? []).map((r) => [r.id, r] as const)),
  );
  const top = report.movers[0];
  const chart = report.questions.map((q) => ({
    name: q.id,
    rate: (q.moved.rate ?? 0) * 100,
    dead: q.dead,
  }));
  const weakest = report.dimensions
    .filter((d) => d.alpha !== null && d.items.length > 2)
    .map((d) => {
      const worst = [...d.items].sort((a, b) => (a.itemRest ?? 1) - (b.itemRest ?? 1))[0];
      return { d, worst };
    })[0];

  return (
    <div className="anl-figures">
      <section className="anl-section" data-figure="reliability">
        <h4>{t('reliability')}</h4>
        <p className="anl-why">{t('reliabilityWhy')}</p>
        <table className="anl-table">
          <thead>
            <tr>
              <th>{t('dimension')}</th>
              <th>{t('items')}</th>
              <th>{t('clients')}</th>
              <th>{t('alpha')}</th>
              <th>{t('grade')}</th>
            </tr>
          </thead>
          <tbody>
            {report.dimensions.map((d) => (
              <tr key={d.id} data-dimension={d.id}>
                <td>{d.id === ALL_QUESTIONS ? t('all') : d.id}</td>
                <td>{d.items.length}</td>
                <td>{formatCount(d.clients)}</td>
                <td className={`anl-alpha anl-${alphaGrade(d.alpha)}`}>{decimal(d.alpha)}</td>
                <td>{t(alphaGrade(d.alpha))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {weakest?.worst && (
          <p className="anl-sentence">
            {t('weakest', {
              d: weakest.d.id === ALL_QUESTIONS ? t('all') : weakest.d.id,
              q: weakest.worst.question,
              r: decimal(weakest.worst.itemRest),
              a: decimal(weakest.worst.alphaIfDeleted),
            })}
          </p>
        )}
      </section>

      <section className="anl-section" data-figure="knockouts">
        <h4>{t('knockouts')}</h4>
        {report.knockout.byOption.length === 0 ? (
          <p className="anl-why">{t('noKnockouts')}</p>
        ) : (
          <p className="anl-sentence">
            {t('knockoutWhy', {
              pct: percent(report.knockout.rate),
              n: formatCount(report.knockout.count),
            })}
          </p>
        )}
        <ul className="anl-list">
          {report.knockout.byOption.map((k) => (
            <li key={`${k.question}-${k.option}`}>
              {t('knockoutOption', {
                q: k.question,
                o: localize(labels.option(k.question, k.option)) || k.option,
                flag: k.flag,
                pct: percent(k.rate),
                n: formatCount(k.count),
              })}
            </li>
          ))}
          {report.limitFlags.map((f) => (
            <li key={f.flag}>
              {t('limitFlag', { flag: f.flag, pct: percent(f.rate), n: formatCount(f.count) })}
            </li>
          ))}
        </ul>
      </section>

      <section className="anl-section" data-figure="movers">
        <h4>{t('movers')}</h4>
        <p className="anl-why">
          {t('moversWhy', { n: formatCount(report.sensitivity.sampled) })}{' '}
          {report.sensitivity.stride > 1 && t('sample', { k: report.sensitivity.stride })}
        </p>
        {report.sensitivity.sampled === 0 ? (
          <p className="anl-sentence">{t('notVaried')}</p>
        ) : (
          <>
            <figure className="pop-chart">
              <figcaption>{t('moved')}</figcaption>
              <ResponsiveContainer width="100%" height={200}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" interval={0} fontSize={11} />
                  <YAxis unit="%" width={44} />
                  <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
                  <Bar dataKey="rate" name={t('moved')} {...still}>
                    {chart.map((c) => (
                      <Cell key={c.name} fill={c.dead ? '#d1d5db' : '#2563eb'} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </figure>
            {top && (
              <p className="anl-sentence" data-sentence="top">
                {t('top', {
                  q: `${top.question} ${localize(labels.text(top.question))}`,
                  pct: percent(top.moved.rate),
                  up: formatCount(top.up),
                  down: formatCount(top.down),
                })}
              </p>
            )}
            <p className="anl-sentence" data-sentence="dead">
              {report.dead.length > 0 ? t('dead', { list: report.dead.join(', ') }) : t('noDead')}
            </p>
          </>
        )}
      </section>

      <section className="anl-section" data-figure="coherence">
        <h4>{t('coherence')}</h4>
        {report.coherence.length === 0 ? (
          <p className="anl-why">{t('noCoherence')}</p>
        ) : (
          <>
            <p className="anl-sentence">
              {t('coherenceWhy', {
                pct: percent(report.incoherent.rate),
                n: formatCount(report.incoherent.count),
              })}
            </p>
            <table className="anl-table">
              <thead>
                <tr>
                  <th>{t('rule')}</th>
                  <th>{t('rate')}</th>
                  <th>{t('severity')}</th>
                </tr>
              </thead>
              <tbody>
                {report.coherence.map((c) => {
                  const rule = rules.get(c.id);
                  return (
                    <tr key={c.id} data-rule={c.id}>
                      <td>
                        <strong>{localize(rule?.label) || c.id}</strong>
                        {rule?.note && <div className="muted">{localize(rule.note)}</div>}
                      </td>
                      <td>
                        {percent(c.rate)} ({formatCount(c.count)})
                      </td>
                      <td>{t(rule?.severity ?? 'review')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </section>

      <AnswerDistribution pack={pack} report={report} />
    </div>
  );
}
