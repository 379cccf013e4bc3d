import type { Answer, LocalizedText, Question } from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { Field, NumberInput } from './fields.tsx';

const messages = defineMessages({
  'zh-CN': {
    required: '必答',
    many: '可多选',
    between: '选择 {min} 至 {max} 项',
    atLeast: '至少选择 {min} 项',
    range: '{min} 至 {max}',
    clear: '清除',
  },
  en: {
    required: 'Required',
    many: 'Choose all that apply',
    between: 'Choose {min} to {max}',
    atLeast: 'Choose at least {min}',
    range: '{min} to {max}',
    clear: 'Clear',
  },
});

type Props = {
  question: Question;
  number: number;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  check?: LocalizedText | undefined;
  error?: LocalizedText | undefined;
  /** Keeps radio groups of two forms on one page apart. */
  formId: string;
};

/** One question as the client sees it: radio, checkboxes, a number or yes / no. */
export function QuestionField({
  question: q,
  number,
  answer,
  onChange,
  check,
  error,
  formId,
}: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const label = (
    <>
      <span className="sim-q-number">{number}.</span> {localize(q.text)}
      {q.required && <span className="sim-required"> *</span>}
    </>
  );
  const hint =
    q.type === 'multiple'
      ? q.maxSelected !== undefined
        ? t('between', { min: q.minSelected, max: q.maxSelected })
        : q.minSelected > 1
          ? t('atLeast', { min: q.minSelected })
          : t('many')
      : q.help && localize(q.help);
  const path = `$.answers.${q.id}`;
  return (
    <Field path={path} label={label} hint={hint} check={check} error={error}>
      {q.type === 'numeric' ? (
        <div className="sim-inline">
          <NumberInput
            label={localize(q.text)}
            value={typeof answer === 'number' ? answer : undefined}
            onChange={onChange}
            min={q.min}
            max={q.max}
            integer={q.integer}
          />
          <span className="muted">
            {q.unit && localize(q.unit)} ({t('range', { min: q.min, max: q.max })})
          </span>
        </div>
      ) : (
        <div className={q.type === 'yesno' ? 'sim-options sim-yesno' : 'sim-options'}>
          {q.options.map((o) => {
            const chosen = Array.isArray(answer) ? answer.includes(o.id) : answer === o.id;
            const multiple = q.type === 'multiple';
            return (
              <label key={o.id} className={chosen ? 'sim-option chosen' : 'sim-option'}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${formId}-${q.id}`}
                  value={o.id}
                  checked={chosen}
                  onChange={(e) => {
                    if (!multiple) return onChange(o.id);
                    const list = Array.isArray(answer) ? answer : [];
                    // Kept in the order of the options, as a client's ticked list reads.
                    const next = e.target.checked
                      ? [...list, o.id]
                      : list.filter((x) => x !== o.id);
                    onChange(q.options.map((x) => x.id).filter((id) => next.includes(id)));
                  }}
                />
                <span>
                  {q.type !== 'yesno' && <b>{o.id}.</b>} {localize(o.label)}
                </span>
              </label>
            );
          })}
          {answer !== undefined && !q.required && q.type !== 'multiple' && (
            <button type="button" className="btn-link" onClick={() => onChange(undefined)}>
              {t('clear')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
