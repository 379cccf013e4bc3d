import type { NodeConfig, Pack, PathKey, Reason, RuleEvent } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { ReasonField } from '../common/ReasonField.tsx';
import { setEvent, setEventOutput, setEventParam } from './ruleEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    event: '触发后',
    flag: '置标记',
    set: '设置输出',
    cap: '等级上限',
    floor: '等级下限',
    reason: '给出原因',
    name: '名称',
    output: '输出',
    value: '值',
    level: '等级',
    withReason: '附原因',
    noScale: '先在上方选择本节点的等级量表',
    noOutputs: '先声明一个输出',
    yes: '是',
    no: '否',
  },
  en: {
    event: 'Then',
    flag: 'raise flag',
    set: 'set output',
    cap: 'cap the level at',
    floor: 'floor the level at',
    reason: 'give a reason',
    name: 'Name',
    output: 'Output',
    value: 'Value',
    level: 'Level',
    withReason: 'with a reason',
    noScale: "Pick the node's level scale above first",
    noOutputs: 'Declare an output first',
    yes: 'true',
    no: 'false',
  },
});

type Config = NodeConfig<'rules'>;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const EVENT_TYPES = ['flag', 'set', 'cap', 'floor', 'reason'] as const;

/** A fresh event of a type with params that validate against the node's scale and outputs. */
export function eventOf(type: RuleEvent['type'], config: Config, pack: Pack): RuleEvent {
  const levels = pack.vocabulary.scales.find((s) => s.id === config.scale)?.levels ?? [];
  switch (type) {
    case 'flag':
      return { type, params: { name: 'flag' } };
    case 'set': {
      const out = config.outputs[0];
      return { type, params: { name: out?.name ?? 'output', value: out?.default ?? null } };
    }
    case 'cap':
    case 'floor':
      return { type, params: { level: levels[0]?.id ?? 'C1' } };
    case 'reason':
      return { type, params: { code: 'reason', text: lt('', '') } };
  }
}

/** What a fired rule does: its type and parameters, with a localized reason where it has one. */
export function EventEditor(props: {
  event: RuleEvent;
  path: readonly PathKey[];
  config: Config;
  pack: Pack;
  dispatch: Dispatch;
}) {
  const { event, path, config, pack, dispatch } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const params = [...path, 'params'];
  const set = (key: string, value: unknown) => dispatch(setEventParam(path, key, value));
  const scale = pack.vocabulary.scales.find((s) => s.id === config.scale);
  const levels = levelChoices(scale, localize);
  const optionalReason = (reason: Reason | undefined) => (
    <>
      <CheckField
        label={t('withReason')}
        checked={!!reason}
        onChange={(on) => set('reason', on ? { code: 'reason', text: lt('', '') } : undefined)}
      />
      {reason && <ReasonField reason={reason} path={[...params, 'reason']} dispatch={dispatch} />}
    </>
  );
  return (
    <fieldset className="event-editor">
      <legend>{t('event')}</legend>
      <SelectField
        label={t('event')}
        hideLabel
        value={event.type}
        options={EVENT_TYPES}
        optionLabel={t}
        onChange={(type) => dispatch(setEvent(path, eventOf(type, config, pack)))}
      />
      {event.type === 'flag' && (
        <>
          <TextCell
            label={t('name')}
            value={event.params.name}
            pattern={ID}
            onCommit={(v) => set('name', v)}
          />
          {optionalReason(event.params.reason)}
        </>
      )}
      {event.type === 'set' &&
        (config.outputs.length === 0 ? (
          <span className="hint">{t('noOutputs')}</span>
        ) : (
          <>
            <SelectField
              label={t('output')}
              hideLabel
              value={event.params.name}
              options={config.outputs.map((o) => o.name)}
              optionLabel={(name) => {
                const label = config.outputs.find((o) => o.name === name)?.label;
                return label ? `${localize(label)} · ${name}` : name;
              }}
              onChange={(name) => {
                const out = config.outputs.find((o) => o.name === name);
                dispatch(setEventOutput(path, name, out?.default ?? null));
              }}
            />
            {(() => {
              const type = config.outputs.find((o) => o.name === event.params.name)?.type;
              const v = event.params.value;
              if (type === 'boolean')
                return (
                  <CheckField
                    label={t('value')}
                    checked={v === true}
                    onChange={(on) => set('value', on)}
                  >
                    {v === true ? t('yes') : t('no')}
                  </CheckField>
                );
              if (type === 'number')
                return (
                  <NumberField
                    label={t('value')}
                    value={typeof v === 'number' ? v : undefined}
                    onCommit={(n) => set('value', n)}
                  />
                );
              return (
                <TextCell
                  label={t('value')}
                  value={v === null ? '' : String(v)}
                  onCommit={(s) => set('value', s)}
                />
              );
            })()}
          </>
        ))}
      {(event.type === 'cap' || event.type === 'floor') && (
        <>
          {scale ? (
            <SelectField
              label={t('level')}
              hideLabel
              value={event.params.level}
              options={levels.ids}
              optionLabel={levels.name}
              onChange={(level) => set('level', level)}
            />
          ) : (
            <span className="hint">{t('noScale')}</span>
          )}
          {optionalReason(event.params.reason)}
        </>
      )}
      {event.type === 'reason' && (
        <ReasonField reason={event.params} path={params} dispatch={dispatch} />
      )}
    </fieldset>
  );
}
