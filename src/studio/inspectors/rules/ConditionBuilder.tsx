import { useMemo } from 'react';
import type {
  Condition,
  FactCondition,
  Pack,
  PathKey,
  TopLevelCondition,
} from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { describeType } from '../common/engineApi.ts';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { ValueEditor } from './ValueEditor.tsx';
import * as edit from './ruleEdits.ts';
import {
  childrenOf,
  conditionFor,
  conditionRef,
  groupKind,
  operatorsFor,
  valueChoices,
  valueKind,
  coerceValue,
  type FactChoice,
  type GroupKind,
} from './conditionModel.ts';
import './rules.css';

export const operatorMessages = defineMessages({
  'zh-CN': {
    equal: '等于',
    notEqual: '不等于',
    lessThan: '小于',
    lessThanInclusive: '小于等于',
    greaterThan: '大于',
    greaterThanInclusive: '大于等于',
    in: '属于其中之一',
    notIn: '不属于其中任何一个',
    contains: '包含',
    doesNotContain: '不包含',
    dateBefore: '早于',
    dateOnOrBefore: '早于或等于',
    dateAfter: '晚于',
    dateOnOrAfter: '晚于或等于',
  },
  en: {
    equal: 'equals',
    notEqual: 'does not equal',
    lessThan: 'is less than',
    lessThanInclusive: 'is at most',
    greaterThan: 'is greater than',
    greaterThanInclusive: 'is at least',
    in: 'is one of',
    notIn: 'is none of',
    contains: 'contains',
    doesNotContain: 'does not contain',
    dateBefore: 'is before',
    dateOnOrBefore: 'is on or before',
    dateAfter: 'is after',
    dateOnOrAfter: 'is on or after',
  },
});

const messages = defineMessages({
  'zh-CN': {
    all: '以下全部满足',
    any: '以下任一满足',
    not: '以下不成立',
    group: '条件组',
    addCondition: '添加条件',
    addGroup: '添加条件组',
    fact: '事实',
    operator: '运算',
    value: '值',
    facts: '客户信息',
    answers: '问卷答案',
    context: '评估上下文',
    product: '当前产品',
    node: '节点 {id}',
    unavailable: '{ref}（此处不可用）',
    empty: '空的“全部满足”和空的“任一满足”都总是成立（json-rules-engine 的规则）',
    path: '路径',
  },
  en: {
    all: 'All of these hold',
    any: 'Any of these holds',
    not: 'This does not hold',
    group: 'Group',
    addCondition: 'Add condition',
    addGroup: 'Add group',
    fact: 'Fact',
    operator: 'Operator',
    value: 'Value',
    facts: 'Client facts',
    answers: 'Answers',
    context: 'Context',
    product: 'The product',
    node: 'Node {id}',
    unavailable: '{ref} (not available here)',
    empty: 'An empty "all" and an empty "any" both always hold (json-rules-engine\'s rule)',
    path: 'Path',
  },
});

const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'not'];

type Shared = { pack: Pack; choices: readonly FactChoice[]; dispatch: Dispatch };

function FactPicker(props: {
  pack: Pack;
  choices: readonly FactChoice[];
  value: string;
  onChange: (c: FactChoice) => void;
}) {
  const { pack, choices, value, onChange } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const groups = useMemo(() => {
    const byKey = new Map<string, { title: string; items: FactChoice[] }>();
    for (const c of choices) {
      const g = c.group;
      const key = g.kind === 'node' ? `node:${g.nodeId}` : g.kind;
      const title =
        g.kind === 'node' ? t('node', { id: g.nodeId }) : t(g.kind === 'fact' ? 'facts' : g.kind);
      const entry = byKey.get(key) ?? { title, items: [] };
      entry.items.push(c);
      byKey.set(key, entry);
    }
    return [...byKey.entries()];
  }, [choices, t]);
  const labels = useMemo(
    () => new Map(pack.vocabulary.facts.map((f) => [f.id, localize(f.label)])),
    [pack.vocabulary.facts, localize],
  );
  const known = choices.some((c) => c.ref === value);
  return (
    <select
      className={known ? 'fact-picker' : 'fact-picker invalid'}
      aria-label={t('fact')}
      value={value}
      onChange={(e) => {
        const choice = choices.find((c) => c.ref === e.target.value);
        if (choice) onChange(choice);
      }}
    >
      {!known && <option value={value}>{t('unavailable', { ref: value })}</option>}
      {groups.map(([key, g]) => (
        <optgroup key={key} label={g.title}>
          {g.items.map((c) => (
            <option key={c.ref} value={c.ref}>
              {labels.has(c.ref) ? `${labels.get(c.ref)} · ${c.ref}` : c.ref} (
              {describeType(c.type)})
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** One test: fact, operator in words, and a value editor typed by the fact. */
function ConditionRow(
  props: Shared & { condition: FactCondition; path: readonly PathKey[]; onRemove: () => void },
) {
  const { pack, choices, dispatch, condition, path, onRemove } = props;
  const t = useMessages(messages);
  const op = useMessages(operatorMessages);
  const ref = conditionRef(condition);
  const choice = choices.find((c) => c.ref === ref);
  const type = choice?.type ?? { type: 'any' as const };
  const operators = operatorsFor(type);
  const valueList = valueChoices(pack, ref, type);
  const kind = valueKind(type, condition.operator, valueList);
  const set = (value: FactCondition) => dispatch(edit.setCondition(path, value));
  return (
    <div className="cond-row" data-condition={ref}>
      <FactPicker
        pack={pack}
        choices={choices}
        value={ref}
        onChange={(c) => set(conditionFor(pack, c, condition))}
      />
      {condition.path && (
        <code className="cond-path" title={t('path')}>
          {condition.path}
        </code>
      )}
      <SelectField
        label={t('operator')}
        hideLabel
        value={condition.operator}
        options={operators}
        optionLabel={op}
        onChange={(operator) => {
          const nextKind = valueKind(type, operator, valueList);
          set({ ...condition, operator, value: coerceValue(nextKind, condition.value, valueList) });
        }}
      />
      <ValueEditor
        kind={kind}
        value={condition.value}
        choices={valueList}
        label={`${t('value')} ${ref}`}
        onChange={(value) => dispatch(edit.setConditionValue(path, value))}
      />
      <RowControls className="cond-remove" name={ref} onRemove={onRemove} />
    </div>
  );
}

type GroupProps = Shared & {
  condition: TopLevelCondition;
  path: readonly PathKey[];
  onRemove?: (() => void) | undefined;
};

/** An all / any / not group: its kind, its children, and buttons to add to it. */
export function ConditionGroup(props: GroupProps) {
  const { pack, choices, dispatch, condition, path, onRemove } = props;
  const t = useMessages(messages);
  const kind = groupKind(condition) as GroupKind;
  const children = childrenOf(condition);
  const add = (child: Condition) => dispatch(edit.addToGroup(path, condition, child));
  const removeChild = (i: number) => dispatch(edit.removeFromGroup(path, condition, i));
  const first = choices[0];
  return (
    <div className={`cond-group cond-${kind}`}>
      <div className="cond-group-head">
        <SelectField
          label={t('group')}
          hideLabel
          value={kind}
          options={GROUP_KINDS}
          optionLabel={t}
          onChange={(next) => dispatch(edit.setGroupKind(path, condition, next))}
        />
        <button
          type="button"
          disabled={!first}
          onClick={() => first && add(conditionFor(pack, first))}
        >
          + {t('addCondition')}
        </button>
        <button type="button" onClick={() => add({ all: [] })}>
          + {t('addGroup')}
        </button>
        {onRemove && <RowControls className="" name={t('group')} onRemove={onRemove} />}
      </div>
      {children.length === 0 && <p className="hint">{t('empty')}</p>}
      <div className="cond-children">
        {children.map((child, i) => {
          const sub = groupKind(child);
          return sub ? (
            <ConditionGroup
              key={i}
              pack={pack}
              choices={choices}
              dispatch={dispatch}
              condition={child as TopLevelCondition}
              path={edit.childPath(path, condition, i)}
              onRemove={() => removeChild(i)}
            />
          ) : (
            <ConditionRow
              key={i}
              pack={pack}
              choices={choices}
              dispatch={dispatch}
              condition={child as FactCondition}
              path={edit.childPath(path, condition, i)}
              onRemove={() => removeChild(i)}
            />
          );
        })}
      </div>
    </div>
  );
}
