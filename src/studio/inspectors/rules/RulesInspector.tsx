import { useMemo, useRef, useState } from 'react';
import type { Rule } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { InspectorProps } from '../common/types.ts';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { scaleChoices } from '../common/choiceNames.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { nextId } from '../questionnaire/questionEdits.ts';
import { ConditionGroup } from './ConditionBuilder.tsx';
import { EventEditor } from './EventEditor.tsx';
import { OutputsEditor } from './OutputsEditor.tsx';
import { factChoices } from './conditionModel.ts';
import * as edit from './ruleEdits.ts';
import { configPath } from '../common/paths.ts';
import '../questionnaire/inspectorBase.css';
import './rules.css';

const messages = defineMessages({
  'zh-CN': {
    rules: '规则',
    add: '添加规则',
    name: '规则名称',
    priority: '优先级',
    noPriority: '默认',
    clearPriority: '清除优先级',
    description: '说明',
    when: '当',
    scale: '上限/下限使用的量表',
    none: '无',
    pick: '选择一条规则进行编辑',
    order: '优先级高的先执行，其余按列表顺序',
    nameTaken: '规则名称已存在',
  },
  en: {
    rules: 'Rules',
    add: 'Add rule',
    name: 'Rule name',
    priority: 'Priority',
    noPriority: 'default',
    clearPriority: 'Clear priority',
    description: 'Description',
    when: 'When',
    scale: 'Scale for caps and floors',
    none: 'none',
    pick: 'Pick a rule to edit it',
    order: 'Higher priority runs first, then list order',
    nameTaken: 'A rule with this name exists',
  },
});

/** The rules node: a list of json-rules-engine rules, each a condition tree and an event. */
export function RulesInspector({ pack, node, nodeIndex, dispatch }: InspectorProps<'rules'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [selected, setSelected] = useState(0);
  // A ref, not state: the drop can arrive before React renders after dragstart.
  const dragFrom = useRef<number | undefined>(undefined);
  const [dropAt, setDropAt] = useState<number | undefined>();
  const config = node.config;
  const scales = scaleChoices(pack, localize);
  const choices = useMemo(() => factChoices(pack, node.id), [pack, node.id]);
  const rule = config.rules[selected];
  const names = config.rules.map((r) => r.name);

  const addRule = () => {
    const value: Rule = {
      name: nextId('rule', names),
      conditions: { all: [] },
      event: { type: 'flag', params: { name: 'flag' } },
    };
    dispatch(edit.addRule(nodeIndex, config.rules.length, value));
    setSelected(config.rules.length);
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= config.rules.length || from === to) return;
    dispatch(edit.moveRule(nodeIndex, from, to));
    setSelected(to);
  };

  return (
    <div className="rules-inspector">
      <SelectField
        label={t('scale')}
        value={config.scale}
        emptyLabel={t('none')}
        options={scales.ids}
        optionLabel={scales.name}
        onChange={(scale) => dispatch(edit.setRulesScale(nodeIndex, scale))}
      />
      <OutputsEditor
        outputs={config.outputs}
        path={configPath(nodeIndex, 'outputs')}
        dispatch={dispatch}
      />
      <div className="rules-body">
        <div>
          <h4 title={t('order')}>{t('rules')}</h4>
          <ol className="rules-list">
            {config.rules.map((r, i) => (
              <li
                key={`${r.name}-${i}`}
                className={`${i === selected ? 'active' : ''}${dropAt === i ? ' drop' : ''}`}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', r.name);
                  dragFrom.current = i;
                }}
                onDragOver={(e) => {
                  if (dragFrom.current === undefined) return;
                  e.preventDefault();
                  setDropAt(i);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragFrom.current !== undefined) move(dragFrom.current, i);
                  dragFrom.current = undefined;
                  setDropAt(undefined);
                }}
                onDragEnd={() => {
                  dragFrom.current = undefined;
                  setDropAt(undefined);
                }}
              >
                <span className="q-grip" aria-hidden>
                  ⠿
                </span>
                <button type="button" className="pick" onClick={() => setSelected(i)}>
                  {r.name}
                  {r.priority !== undefined && <small> · P{r.priority}</small>}
                </button>
                <RowControls
                  name={r.name}
                  onMove={(by) => move(i, i + by)}
                  canMoveUp={i > 0}
                  canMoveDown={i < config.rules.length - 1}
                  onRemove={() => {
                    dispatch(edit.removeRule(nodeIndex, i));
                    setSelected(Math.max(0, Math.min(selected, config.rules.length - 2)));
                  }}
                />
              </li>
            ))}
          </ol>
          <button type="button" onClick={addRule}>
            + {t('add')}
          </button>
        </div>
        {rule ? (
          <div className="rule-editor" key={selected}>
            <div className="q-row">
              <label>
                {t('name')}{' '}
                <TextCell
                  label={t('name')}
                  value={rule.name}
                  pattern={/^[A-Za-z0-9][A-Za-z0-9_-]*$/}
                  validate={(v) => v === rule.name || !names.includes(v)}
                  onCommit={(v) => dispatch(edit.setRuleField(nodeIndex, selected, 'name', v))}
                />
              </label>
              <label>
                {t('priority')}{' '}
                <NumberField
                  label={t('priority')}
                  integer
                  min={1}
                  value={rule.priority}
                  onCommit={(v) => dispatch(edit.setRuleField(nodeIndex, selected, 'priority', v))}
                />
                {rule.priority === undefined ? (
                  <small> ({t('noPriority')})</small>
                ) : (
                  <button
                    type="button"
                    aria-label={t('clearPriority')}
                    onClick={() =>
                      dispatch(edit.setRuleField(nodeIndex, selected, 'priority', undefined))
                    }
                  >
                    ✕
                  </button>
                )}
              </label>
            </div>
            <LocalizedField
              label={t('description')}
              value={rule.description}
              onCommit={(v) =>
                dispatch(
                  edit.setRuleField(
                    nodeIndex,
                    selected,
                    'description',
                    v['zh-CN'] || v.en ? v : undefined,
                  ),
                )
              }
            />
            <h4>{t('when')}</h4>
            <ConditionGroup
              pack={pack}
              choices={choices}
              dispatch={dispatch}
              condition={rule.conditions}
              path={configPath(nodeIndex, 'rules', selected, 'conditions')}
            />
            <EventEditor
              event={rule.event}
              path={configPath(nodeIndex, 'rules', selected, 'event')}
              config={config}
              pack={pack}
              dispatch={dispatch}
            />
          </div>
        ) : (
          <p className="hint">{t('pick')}</p>
        )}
      </div>
    </div>
  );
}
