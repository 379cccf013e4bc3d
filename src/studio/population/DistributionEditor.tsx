import { useState } from 'react';
import { questionsOf, type Pack } from '../../domain/index.ts';
import {
  defaultFactDistribution,
  type FactDistribution,
  type PopulationConfig,
} from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    param_median: '中位数',
    param_sigma: '离散度 σ',
    param_mean: '平均值',
    param_sd: '标准差',
    param_min: '最小值',
    param_max: '最大值',
    param_p: '为“是”的概率',
    param_from: '起（天）',
    param_to: '止（天）',
    facts: '客户事实的分布',
    answers: '答案权重',
    fact: '事实',
    question: '问题',
    kind: '分布',
    missing: '缺失比例',
    byAppetite: '按风险偏好作答（默认）',
    custom: '自定义各选项权重',
    reset: '恢复默认',
    logNormal: '对数正态',
    normal: '正态',
    uniform: '均匀',
    boolean: '是/否',
    choice: '按权重选择',
    dateOffset: '相对评估日的天数',
    constant: '常量',
  },
  en: {
    param_median: 'median',
    param_sigma: 'spread σ',
    param_mean: 'mean',
    param_sd: 'standard deviation',
    param_min: 'min',
    param_max: 'max',
    param_p: 'probability of yes',
    param_from: 'from (days)',
    param_to: 'to (days)',
    facts: 'Fact distributions',
    answers: 'Answer weights',
    fact: 'Fact',
    question: 'Question',
    kind: 'Distribution',
    missing: 'Missing share',
    byAppetite: 'Answer by risk appetite (default)',
    custom: 'Custom weight per option',
    reset: 'Reset to default',
    logNormal: 'log-normal',
    normal: 'normal',
    uniform: 'uniform',
    boolean: 'yes / no',
    choice: 'weighted choice',
    dateOffset: 'days from the evaluation date',
    constant: 'constant',
  },
});

type Param = 'median' | 'sigma' | 'mean' | 'sd' | 'min' | 'max' | 'p' | 'from' | 'to';

/** The numeric parameters of each distribution kind, as the generator names them. */
const PARAMS: Record<FactDistribution['kind'], Param[]> = {
  logNormal: ['median', 'sigma'],
  normal: ['mean', 'sd'],
  uniform: ['min', 'max'],
  boolean: ['p'],
  choice: [],
  dateOffset: ['from', 'to'],
  constant: [],
};

type Props = { pack: Pack; config: PopulationConfig; onChange: (c: PopulationConfig) => void };

/** Per-fact distributions and per-question option weights of the synthetic population. */
export function DistributionEditor({ pack, config, onChange }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const facts = pack.vocabulary.facts;
  const questions = pack.questionnaires.flatMap(questionsOf).filter((q) => q.type !== 'numeric');
  const [factId, setFactId] = useState(facts[0]?.id ?? '');
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const fact = facts.find((f) => f.id === factId);
  const question = questions.find((q) => q.id === questionId);
  const dist = fact ? (config.facts?.[fact.id] ?? defaultFactDistribution(fact, pack)) : undefined;
  const weights = question ? config.answers?.[question.id] : undefined;

  const setDist = (d: FactDistribution | undefined) => {
    const next = { ...config.facts };
    if (d) next[factId] = d;
    else delete next[factId];
    onChange({ ...config, facts: next });
  };
  const setWeights = (w: Record<string, number> | undefined) => {
    const next = { ...config.answers };
    if (w) next[questionId] = w;
    else delete next[questionId];
    onChange({ ...config, answers: next });
  };
  const num = (v: string) => (v.trim() === '' ? 0 : Number(v));

  return (
    <div className="pop-dists">
      <fieldset>
        <legend>{t('facts')}</legend>
        <label className="pop-field">
          {t('fact')}
          <select value={factId} onChange={(e) => setFactId(e.target.value)}>
            {facts.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id} · {localize(f.label)}
              </option>
            ))}
          </select>
        </label>
        {dist && (
          <div className="pop-params">
            <span className="pop-kind">{t(dist.kind)}</span>
            {PARAMS[dist.kind].map((name) => (
              <label key={name} className="pop-field" title={name}>
                {t(`param_${name}`)}
                <input
                  type="number"
                  step="any"
                  value={String((dist as Record<string, unknown>)[name] ?? '')}
                  onChange={(e) => setDist({ ...dist, [name]: num(e.target.value) })}
                />
              </label>
            ))}
            {dist.kind === 'choice' &&
              Object.entries(dist.weights).map(([id, w]) => (
                <label key={id} className="pop-field">
                  {id}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={w}
                    onChange={(e) =>
                      setDist({ ...dist, weights: { ...dist.weights, [id]: num(e.target.value) } })
                    }
                  />
                </label>
              ))}
            <label className="pop-field">
              {t('missing')}
              <input
                type="number"
                min={0}
                max={1}
                step={0.01}
                value={dist.missing ?? 0}
                onChange={(e) => setDist({ ...dist, missing: num(e.target.value) })}
              />
            </label>
            {config.facts?.[factId] && (
              <button className="btn btn-small" onClick={() => setDist(undefined)}>
                {t('reset')}
              </button>
            )}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('answers')}</legend>
        <label className="pop-field">
          {t('question')}
          <select value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.id} · {localize(q.text)}
              </option>
            ))}
          </select>
        </label>
        {question && (
          <div className="pop-params">
            <label>
              <input
                type="checkbox"
                checked={weights !== undefined}
                onChange={(e) =>
                  setWeights(
                    e.target.checked
                      ? Object.fromEntries(question.options.map((o) => [o.id, 1]))
                      : undefined,
                  )
                }
              />
              {weights ? t('custom') : t('byAppetite')}
            </label>
            {weights &&
              question.options.map((o) => (
                <label key={o.id} className="pop-field" title={localize(o.label)}>
                  {o.id} ({o.points})
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={weights[o.id] ?? 0}
                    onChange={(e) => setWeights({ ...weights, [o.id]: num(e.target.value) })}
                  />
                </label>
              ))}
          </div>
        )}
      </fieldset>
    </div>
  );
}
