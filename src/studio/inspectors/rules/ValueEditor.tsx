import type { ConditionValue } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { levelText } from './levelText.ts';
import type { ValueChoice, ValueKind } from './conditionModel.ts';

const messages = defineMessages({
  'zh-CN': {
    value: '值',
    yes: '是',
    no: '否',
    list: '用逗号分隔多个值',
    fact: '引用 {fact}',
    reset: '改为固定值',
  },
  en: {
    value: 'Value',
    yes: 'true',
    no: 'false',
    list: 'Several values, comma separated',
    fact: 'refers to {fact}',
    reset: 'Use a fixed value',
  },
});

type Props = {
  kind: ValueKind;
  value: ConditionValue;
  choices: readonly ValueChoice[] | undefined;
  onChange: (value: ConditionValue) => void;
  label: string;
};

/** The value side of a condition, typed by the fact: a select, a toggle, a number, or a set. */
export function ValueEditor({ kind, value, choices, onChange, label }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const name = (c: ValueChoice) => (c.label ? levelText(c.id, localize(c.label)) : c.id);
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return (
      <span className="cond-value-ref">
        {t('fact', { fact: value.path ? `${value.fact} ${value.path}` : value.fact })}{' '}
        <button type="button" onClick={() => onChange(null)}>
          {t('reset')}
        </button>
      </span>
    );
  switch (kind) {
    case 'number':
      return (
        <NumberField
          label={label}
          value={typeof value === 'number' ? value : undefined}
          onCommit={onChange}
        />
      );
    case 'boolean':
      return (
        <label className="cond-toggle">
          <input
            type="checkbox"
            aria-label={label}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {value === true ? t('yes') : t('no')}
        </label>
      );
    case 'choice':
      return (
        <select
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {typeof value === 'string' && !choices?.some((c) => c.id === value) && (
            <option value={value}>{value}</option>
          )}
          {choices?.map((c) => (
            <option key={c.id} value={c.id}>
              {name(c)}
            </option>
          ))}
        </select>
      );
    case 'multi': {
      const list = Array.isArray(value) ? value : [];
      return (
        <span className="cond-multi" role="group" aria-label={label}>
          {choices?.map((c) => (
            <label key={c.id} className={list.includes(c.id) ? 'chip on' : 'chip'}>
              <input
                type="checkbox"
                checked={list.includes(c.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...list, c.id] : list.filter((v) => v !== c.id))
                }
              />
              {name(c)}
            </label>
          ))}
        </span>
      );
    }
    case 'numbers':
    case 'texts': {
      const list = Array.isArray(value) ? value : [];
      return (
        <TextCell
          label={`${label} (${t('list')})`}
          value={list.join(', ')}
          validate={(v) =>
            kind === 'texts' ||
            v.split(',').every((s) => s.trim() === '' || Number.isFinite(Number(s)))
          }
          onCommit={(v) => {
            const parts = v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
            onChange(kind === 'numbers' ? parts.map(Number) : parts);
          }}
        />
      );
    }
    case 'text':
      return (
        <TextCell
          label={label}
          value={typeof value === 'string' ? value : String(value ?? '')}
          onCommit={onChange}
        />
      );
  }
}
