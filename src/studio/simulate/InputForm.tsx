import { useMemo } from 'react';
import type { Pack } from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import type { SimulationError } from './evaluation.ts';
import { Field } from './fields.tsx';
import { FactField } from './FactField.tsx';
import {
  checkDraft,
  isAnswered,
  visibleQuestions,
  withAnswer,
  withFact,
  type InputDraft,
} from './inputForm.ts';
import { QuestionField } from './QuestionField.tsx';
import { factRequiredFor, isDate, periodLastDay } from '../../engine/index.ts';
import './form.css';

const messages = defineMessages({
  'zh-CN': {
    context: '评估信息',
    clientId: '客户编号',
    evaluationDate: '评估日期',
    assessmentDate: '问卷测评日期',
    assessmentHint: '有效期从此日起算；不填则为评估日期',
    initiator: '由谁发起购买',
    client: '客户主动',
    firm: '公司推荐',
    facts: '客户信息',
    answered: '已答 {n} / {total} 题',
    validity: '有效期 {months} 个月',
    validUntil: '有效期 {months} 个月，至 {date}（含当日）',
  },
  en: {
    context: 'Evaluation',
    clientId: 'Client id',
    evaluationDate: 'Evaluation date',
    assessmentDate: 'Questionnaire date',
    assessmentHint: 'Validity runs from this date; the evaluation date when empty',
    initiator: 'Who initiates the purchase',
    client: 'The client',
    firm: 'The firm (recommendation)',
    facts: 'Client facts',
    answered: '{n} of {total} answered',
    validity: 'Valid for {months} months',
    validUntil: 'Valid for {months} months, through {date}',
  },
});

/** `$.answers.Q9[1]` belongs to the field `$.answers.Q9`. */
export function fieldOf(path: string): string {
  const m = /^\$\.(answers|facts)\.[^.[]+/.exec(path);
  return m ? m[0] : path;
}

type Props = {
  pack: Pack;
  draft: InputDraft;
  onChange: (draft: InputDraft) => void;
  error?: SimulationError | undefined;
  formId: string;
};

/** The whole client form: evaluation context, client facts, the pack's questionnaires. */
export function InputForm({ pack, draft, onChange, error, formId }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const checks = useMemo(() => checkDraft(pack, draft), [pack, draft]);
  const shown = useMemo(() => visibleQuestions(pack)(draft.answers), [pack, draft.answers]);
  const start = draft.assessmentDate ?? draft.evaluationDate;
  const validFrom = isDate(start) ? start : undefined;
  const errorAt = (path: string) =>
    error && fieldOf(error.path) === path ? error.message : undefined;
  const field = (path: string) => ({ check: checks[path], error: errorAt(path) });
  let number = 0;
  return (
    <div className="sim-form" data-testid="client-form">
      <details open className="sim-group">
        <summary>{t('context')}</summary>
        <Field path="$.clientId" label={t('clientId')}>
          <input
            type="text"
            aria-label={t('clientId')}
            value={draft.clientId ?? ''}
            onChange={(e) => {
              const { clientId: _, ...rest } = draft;
              onChange(e.target.value ? { ...rest, clientId: e.target.value } : rest);
            }}
          />
        </Field>
        <Field path="$.evaluationDate" label={t('evaluationDate')} {...field('$.evaluationDate')}>
          <input
            type="date"
            aria-label={t('evaluationDate')}
            value={draft.evaluationDate}
            onChange={(e) => onChange({ ...draft, evaluationDate: e.target.value })}
          />
        </Field>
        <Field
          path="$.assessmentDate"
          label={t('assessmentDate')}
          hint={t('assessmentHint')}
          {...field('$.assessmentDate')}
        >
          <input
            type="date"
            aria-label={t('assessmentDate')}
            value={draft.assessmentDate ?? ''}
            onChange={(e) => {
              const { assessmentDate: _, ...rest } = draft;
              onChange(e.target.value ? { ...rest, assessmentDate: e.target.value } : rest);
            }}
          />
        </Field>
        <Field path="$.initiator" label={t('initiator')} {...field('$.initiator')}>
          <div className="sim-options sim-yesno">
            {(['client', 'firm'] as const).map((who) => (
              <label
                key={who}
                className={draft.initiator === who ? 'sim-option chosen' : 'sim-option'}
              >
                <input
                  type="radio"
                  name={`${formId}-initiator`}
                  checked={draft.initiator === who}
                  onChange={() => onChange({ ...draft, initiator: who })}
                />{' '}
                {t(who)}
              </label>
            ))}
          </div>
        </Field>
      </details>
      {pack.vocabulary.facts.length > 0 && (
        <details open className="sim-group">
          <summary>{t('facts')}</summary>
          {pack.vocabulary.facts.map((f) => (
            <FactField
              key={f.id}
              pack={pack}
              fact={f}
              value={draft.facts[f.id]}
              onChange={(v) => onChange(withFact(draft, f.id, v))}
              required={factRequiredFor(f, draft)}
              {...field(`$.facts.${f.id}`)}
            />
          ))}
        </details>
      )}
      {pack.questionnaires.map((qn) => {
        // The same last day the engine computes (Civil Code Arts. 201-203).
        const questions = qn.sections.flatMap((s) => s.questions).filter((q) => shown.has(q.id));
        const answered = questions.filter((q) => isAnswered(draft.answers[q.id])).length;
        return (
          <details open key={qn.id} className="sim-group" data-questionnaire={qn.id}>
            <summary>
              {localize(qn.title)}{' '}
              <span className="muted">
                {t('answered', { n: answered, total: questions.length })} ·{' '}
                {validFrom
                  ? t('validUntil', {
                      months: qn.validityMonths,
                      date: periodLastDay(validFrom, qn.validityMonths),
                    })
                  : t('validity', { months: qn.validityMonths })}
              </span>
            </summary>
            {qn.description && <p className="sim-field-hint">{localize(qn.description)}</p>}
            {qn.sections.map((s) => (
              <section key={s.id} className="sim-section">
                <h4>{localize(s.title)}</h4>
                {s.questions
                  .filter((q) => shown.has(q.id))
                  .map((q) => (
                    <QuestionField
                      key={q.id}
                      formId={formId}
                      question={q}
                      number={++number}
                      answer={draft.answers[q.id]}
                      onChange={(a) => onChange(withAnswer(draft, q.id, a))}
                      {...field(`$.answers.${q.id}`)}
                    />
                  ))}
              </section>
            ))}
          </details>
        );
      })}
    </div>
  );
}
