import type { ConditionValue } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField, CheckList, SelectField } from '../common/ChoiceFields.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { levelText } from '../common/levelText.ts';
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
  const ids = choices?.map((c) => c.id) ?? [];
  const nameOf = (id: string) => {
    const label = choices?.find((c) => c.id === id)?.label;
    return label ? levelText(id, localize(label)) : id;
  };
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
        <CheckField
          className="cond-toggle"
          label={label}
          checked={value === true}
          onChange={(on) => onChange(on)}
        >
          {value === true ? t('yes') : t('no')}
        </CheckField>
      );
    case 'choice':
      return (
        <SelectField
          label={label}
          hideLabel
          value={typeof value === 'string' ? value : ''}
          options={ids}
          optionLabel={nameOf}
          onChange={onChange}
        />
      );
    case 'multi': {
      const list = Array.isArray(value) ? value : [];
      return (
        <CheckList
          className="cond-multi"
          label={label}
          options={ids}
          selected={list.filter((v): v is string => typeof v === 'string')}
          optionLabel={nameOf}
          onChange={onChange}
        />
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
