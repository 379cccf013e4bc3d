import type { Fact, FactValue, LocalizedText, Pack } from '../../domain/index.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { unitText } from './inputForm.ts';
import { Field, NumberInput } from './fields.tsx';

const messages = defineMessages({
  'zh-CN': { unset: '（未填）', yes: '是', no: '否', range: '{min} 至 {max}' },
  en: { unset: '(not given)', yes: 'Yes', no: 'No', range: '{min} to {max}' },
});

/** The values an enum or set fact takes: its scale's levels or its own list. */
function valuesOf(fact: Fact, pack: Pack): { id: string; label: LocalizedText }[] {
  if (fact.type !== 'enum' && fact.type !== 'set') return [];
  if (fact.scale) return pack.vocabulary.scales.find((s) => s.id === fact.scale)?.levels ?? [];
  return fact.values ?? [];
}

type Props = {
  pack: Pack;
  fact: Fact;
  value: FactValue | undefined;
  onChange: (value: FactValue | undefined) => void;
  check?: LocalizedText | undefined;
  error?: LocalizedText | undefined;
  /** Required for this client: `required`, or its `requiredWhen` holds for the draft. */
  required: boolean;
};

/** One client fact, typed by the vocabulary: number with bounds, enum, set, yes / no, date, text. */
export function FactField({ pack, fact, value, onChange, check, error, required }: Props) {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const localize = useLocalize();
  const name = localize(fact.label);
  const label = (
    <>
      {name}
      {required && <span className="sim-required"> *</span>}{' '}
      <code className="muted">{fact.id}</code>
    </>
  );
  const hint = fact.description && localize(fact.description);
  let input;
  switch (fact.type) {
    case 'number':
      input = (
        <div className="sim-inline">
          <NumberInput
            label={name}
            value={typeof value === 'number' ? value : undefined}
            onChange={onChange}
            min={fact.min}
            max={fact.max}
            integer={fact.integer}
          />
          <span className="muted">
            {fact.unit && unitText(fact.unit, locale)}
            {(fact.min !== undefined || fact.max !== undefined) &&
              ` (${t('range', { min: fact.min ?? '-∞', max: fact.max ?? '∞' })})`}
          </span>
        </div>
      );
      break;
    case 'enum':
      input = (
        <select
          aria-label={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{t('unset')}</option>
          {valuesOf(fact, pack).map((v) => (
            <option key={v.id} value={v.id}>
              {localize(v.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'set': {
      const list = Array.isArray(value) ? value : [];
      input = (
        <div className="sim-options">
          {valuesOf(fact, pack).map((v) => (
            <label key={v.id} className="sim-option">
              <input
                type="checkbox"
                checked={list.includes(v.id)}
                onChange={(e) => {
                  const next = e.target.checked ? [...list, v.id] : list.filter((x) => x !== v.id);
                  onChange(next.length === 0 ? undefined : next);
                }}
              />{' '}
              {localize(v.label)}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'boolean':
      input = (
        <select
          aria-label={name}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
        >
          <option value="">{t('unset')}</option>
          <option value="yes">{t('yes')}</option>
          <option value="no">{t('no')}</option>
        </select>
      );
      break;
    case 'date':
      input = (
        <input
          type="date"
          aria-label={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
      break;
    case 'string':
      input = (
        <input
          type="text"
          aria-label={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
  return (
    <Field path={`$.facts.${fact.id}`} label={label} hint={hint} check={check} error={error}>
      {input}
    </Field>
  );
}
