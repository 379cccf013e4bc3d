import { useState } from 'react';
import type { FactType, Pack, PackChange } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { addFact, removeFact, setFactField } from './factEdits.ts';
import { IdInput } from './IdInput.tsx';

const messages = defineMessages({
  'zh-CN': {
    facts: '客户信息（{n}）',
    add: '添加',
    newType: '新信息的类型',
    remove: '删除此项',
    required: '必填（评估时缺少即报错）',
    label: '名称',
    unit: '单位',
    min: '最小值',
    max: '最大值',
    integer: '整数',
    scale: '取值刻度',
    values: '取值：{values}',
    id: '标识',
    invalid: '只能包含字母、数字、"_" 或 "-"，且以字母或数字开头',
    duplicate: '该标识已被其他信息、节点或保留名使用',
    renameHint: '改名不会更新引用它的地方；问题面板会列出需要修改之处',
    number: '数字',
    enum: '单选值',
    set: '多选值',
    boolean: '是/否',
    date: '日期',
    string: '文本',
  },
  en: {
    facts: 'Client facts ({n})',
    add: 'Add',
    newType: 'Type of the new fact',
    remove: 'Remove this fact',
    required: 'Required (an evaluation without it is an error)',
    label: 'Label',
    unit: 'Unit',
    min: 'Min',
    max: 'Max',
    integer: 'Whole number',
    scale: 'Scale',
    values: 'Values: {values}',
    id: 'Id',
    invalid: 'Letters, digits, "_" or "-", starting with a letter or digit',
    duplicate: 'Another fact, a node or a reserved name uses this id',
    renameHint: 'Renaming does not update references; the problems panel lists what to fix',
    number: 'number',
    enum: 'one of',
    set: 'set of',
    boolean: 'yes/no',
    date: 'date',
    string: 'text',
  },
});

const TYPES: FactType[] = ['number', 'enum', 'set', 'boolean', 'date', 'string'];

type Props = { pack: Pack; dispatch: (change: PackChange) => void };

/** The vocabulary's client facts, editable in place: label, required, bounds, unit. */
export function FactsList({ pack, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [newType, setNewType] = useState<FactType>('number');
  const facts = pack.vocabulary.facts;
  const taken = (except: string) => [
    ...facts.map((f) => f.id).filter((id) => id !== except),
    ...pack.graph.nodes.map((n) => n.id),
    'answers',
    'context',
  ];
  const add = () => dispatch(addFact(pack, newType));
  return (
    <section className="insp-section facts-list">
      <h3>
        {t('facts', { n: facts.length })}
        <span className="insp-row">
          <SelectField
            className="insp-select"
            label={t('newType')}
            hideLabel
            value={newType}
            options={TYPES}
            optionLabel={t}
            onChange={setNewType}
          />
          <button type="button" className="insp-button" onClick={add}>
            + {t('add')}
          </button>
        </span>
      </h3>
      {facts.map((f, i) => {
        const set = (key: string, value: unknown) => dispatch(setFactField(f, i, key, value));
        return (
          <details key={f.id} data-fact={f.id}>
            <summary>
              <code>{f.id}</code>
              <span>{localize(f.label)}</span>
              <span className="fact-type">{t(f.type)}</span>
              {f.required && <span aria-hidden>*</span>}
            </summary>
            <div className="fact-body">
              <div className="insp-row">
                <label>{t('id')}</label>
                <IdInput
                  value={f.id}
                  label={t('id')}
                  taken={taken(f.id)}
                  messages={{ invalid: t('invalid'), duplicate: t('duplicate') }}
                  onCommit={(id) => set('id', id)}
                />
              </div>
              <p className="insp-muted">{t('renameHint')}</p>
              <LocalizedField
                label={t('label')}
                value={f.label}
                onCommit={(v) => set('label', v)}
              />
              <CheckField
                className="insp-row"
                label={t('required')}
                checked={f.required}
                onChange={(on) => set('required', on)}
              />
              {f.type === 'number' && (
                <>
                  <div className="insp-row">
                    <label>{t('min')}</label>
                    <NumberField label={t('min')} value={f.min} onCommit={(v) => set('min', v)} />
                    <label>{t('max')}</label>
                    <NumberField label={t('max')} value={f.max} onCommit={(v) => set('max', v)} />
                  </div>
                  <div className="insp-row">
                    <label>{t('unit')}</label>
                    <input
                      key={f.unit ?? ''}
                      className="id-input"
                      aria-label={t('unit')}
                      defaultValue={f.unit ?? ''}
                      onBlur={(e) =>
                        e.target.value !== (f.unit ?? '') &&
                        set('unit', e.target.value || undefined)
                      }
                    />
                    <CheckField
                      className="insp-row"
                      label={t('integer')}
                      checked={f.integer}
                      onChange={(on) => set('integer', on)}
                    />
                  </div>
                </>
              )}
              {(f.type === 'enum' || f.type === 'set') && (
                <div className="insp-muted">
                  {f.scale
                    ? `${t('scale')}: ${f.scale}`
                    : t('values', { values: (f.values ?? []).map((v) => v.id).join(', ') })}
                </div>
              )}
              <button
                type="button"
                className="insp-button danger"
                onClick={() => dispatch(removeFact(f, i))}
              >
                {t('remove')}
              </button>
            </div>
          </details>
        );
      })}
    </section>
  );
}
