import type { NodeConfig, PathKey } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { nextId } from '../questionnaire/questionEdits.ts';
import {
  addRuleOutput,
  removeRuleOutput,
  setRuleOutputField,
  setRuleOutputType,
} from './ruleEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    outputs: '声明的输出',
    name: '名称',
    type: '类型',
    default: '默认值',
    add: '添加输出',
    boolean: '是/否',
    number: '数字',
    string: '文本',
  },
  en: {
    outputs: 'Declared outputs',
    name: 'Name',
    type: 'Type',
    default: 'Default',
    add: 'Add output',
    boolean: 'yes/no',
    number: 'number',
    string: 'text',
  },
});

type Output = NodeConfig<'rules'>['outputs'][number];
const DEFAULTS = { boolean: false, number: 0, string: '' } as const;
const TYPES = ['boolean', 'number', 'string'] as const;

/** The outputs `set` events write, each with a type and the value it has when no rule sets it. */
export function OutputsEditor({
  outputs,
  path,
  dispatch,
}: {
  outputs: readonly Output[];
  path: readonly PathKey[];
  dispatch: Dispatch;
}) {
  const t = useMessages(messages);
  const set = (i: number, key: 'name' | 'default', value: unknown) =>
    dispatch(setRuleOutputField(path, i, key, value));
  return (
    <fieldset className="rules-outputs">
      <legend>{t('outputs')}</legend>
      {outputs.map((o, i) => (
        <div key={i} className="q-row">
          <TextCell
            label={t('name')}
            value={o.name}
            pattern={/^[A-Za-z0-9][A-Za-z0-9_-]*$/}
            onCommit={(v) => set(i, 'name', v)}
          />
          <SelectField
            label={t('type')}
            hideLabel
            value={o.type}
            options={TYPES}
            optionLabel={t}
            onChange={(type) =>
              dispatch(setRuleOutputType(path, i, { ...o, type, default: DEFAULTS[type] }))
            }
          />
          {o.type === 'boolean' ? (
            <CheckField
              label={t('default')}
              hideLabel
              checked={o.default === true}
              onChange={(on) => set(i, 'default', on)}
            />
          ) : o.type === 'number' ? (
            <NumberField
              label={t('default')}
              value={typeof o.default === 'number' ? o.default : undefined}
              onCommit={(v) => set(i, 'default', v)}
            />
          ) : (
            <TextCell
              label={t('default')}
              value={String(o.default ?? '')}
              onCommit={(v) => set(i, 'default', v)}
            />
          )}
          <RowControls
            className=""
            name={o.name}
            onRemove={() => dispatch(removeRuleOutput(path, i))}
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          dispatch(
            addRuleOutput(path, outputs.length, {
              name: nextId(
                'output',
                outputs.map((o) => o.name),
              ),
              type: 'boolean',
              default: false,
            }),
          )
        }
      >
        + {t('add')}
      </button>
    </fieldset>
  );
}
