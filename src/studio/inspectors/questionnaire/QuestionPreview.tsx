import { useState } from 'react';
import type { Question } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    preview: '客户看到的样子',
    required: '必答',
    chooseMany: '可多选',
    scored: '本题得分：{points}',
    range: '请输入 {min} 至 {max} 之间的数值',
  },
  en: {
    preview: 'As a client sees it',
    required: 'Required',
    chooseMany: 'Choose all that apply',
    scored: 'Scores: {points}',
    range: 'Enter a number from {min} to {max}',
  },
});

/** The question as the client form shows it, in the UI language; answering it shows the points. */
export function QuestionPreview({ question: q }: { question: Question }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [chosen, setChosen] = useState<string[]>([]);
  const [num, setNum] = useState('');
  const name = `preview-${q.id}`;
  const points = scoreOf(q, chosen, num);
  return (
    <fieldset className="q-preview">
      <legend>{t('preview')}</legend>
      <p className="q-preview-text">
        {localize(q.text)} {q.required && <span className="q-required">*{t('required')}</span>}
      </p>
      {q.help && <p className="q-help">{localize(q.help)}</p>}
      {q.type === 'multiple' && <p className="q-help">{t('chooseMany')}</p>}
      {q.type === 'numeric' ? (
        <label>
          <input
            type="number"
            min={q.min}
            max={q.max}
            step={q.integer ? 1 : 'any'}
            value={num}
            aria-label={localize(q.text)}
            onChange={(e) => setNum(e.target.value)}
          />{' '}
          {q.unit && localize(q.unit)}
          <small className="q-help"> {t('range', { min: q.min, max: q.max })}</small>
        </label>
      ) : (
        <ul className="q-preview-options">
          {q.options.map((o) => (
            <li key={o.id}>
              <label>
                <input
                  type={q.type === 'multiple' ? 'checkbox' : 'radio'}
                  name={name}
                  checked={chosen.includes(o.id)}
                  onChange={(e) =>
                    setChosen(
                      q.type === 'multiple'
                        ? e.target.checked
                          ? [...chosen, o.id]
                          : chosen.filter((c) => c !== o.id)
                        : [o.id],
                    )
                  }
                />{' '}
                {o.id}. {localize(o.label)}
              </label>
            </li>
          ))}
        </ul>
      )}
      {points !== undefined && <p className="q-preview-score">{t('scored', { points })}</p>}
    </fieldset>
  );
}

/** Points of a preview answer, as the engine scores it (before weight); undefined until answered. */
function scoreOf(q: Question, chosen: readonly string[], num: string): number | undefined {
  if (q.type === 'numeric') {
    const n = Number(num);
    if (num === '' || !Number.isFinite(n)) return undefined;
    return q.bands.find((b) => n >= b.min && n <= b.max)?.points;
  }
  const picked = q.options.filter((o) => chosen.includes(o.id)).map((o) => o.points);
  if (picked.length === 0) return undefined;
  if (q.type !== 'multiple') return picked[0];
  if (q.scoring === 'sum') return picked.reduce((a, b) => a + b, 0);
  return q.scoring === 'min' ? Math.min(...picked) : Math.max(...picked);
}
