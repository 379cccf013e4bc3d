import type {
  Condition,
  FactCondition,
  LocalizedText,
  NodeConfig,
  PackChange,
  PathKey,
  TopLevelCondition,
} from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { appendItem, moveItem, removeItem, setField, setItemField } from '../common/listEdits.ts';
import { configPath, intent } from '../common/paths.ts';
import { childrenOf, groupKind, switchGroup, type GroupKind } from './conditionModel.ts';

/**
 * The rules node's edits as named intents. The rule list belongs to node `nodeIndex`; a condition
 * tree, an event or an output list is addressed by the `path` its host gives (rules, policies and
 * match dimensions share these editors).
 */

type Config = NodeConfig<'rules'>;
type Rule = Config['rules'][number];
type RuleField = 'name' | 'priority' | 'description';
export type RuleOutput = Config['outputs'][number];
type RuleEvent = Rule['event'];

const rules = (nodeIndex: number) => ({
  path: configPath(nodeIndex, 'rules'),
  noun: lt('规则', 'rule'),
});

export function addRule(nodeIndex: number, count: number, rule: Rule): PackChange {
  return appendItem(rules(nodeIndex), count, rule);
}

export function removeRule(nodeIndex: number, index: number): PackChange {
  return removeItem(rules(nodeIndex), index);
}

export function moveRule(nodeIndex: number, from: number, to: number): PackChange {
  return moveItem(rules(nodeIndex), from, to);
}

/** A rule's name, priority or description; `undefined` clears priority or description. */
export function setRuleField(
  nodeIndex: number,
  index: number,
  key: RuleField,
  value: string | number | LocalizedText | undefined,
): PackChange {
  return setItemField(rules(nodeIndex), index, key, value);
}

/** The scale the node's caps and floors name (`undefined`: none). */
export function setRulesScale(nodeIndex: number, scale: string | undefined): PackChange {
  return setField(configPath(nodeIndex), 'scale', scale);
}

// Condition trees, at the path of their root group or of one of its children.

/** Replaces the condition at `path` (a fact test, or a group). */
export function setCondition(path: readonly PathKey[], condition: Condition): PackChange {
  return intent('condition', lt('修改条件', 'changed a condition'), {
    type: 'set',
    path: [...path],
    value: condition,
  });
}

/** The value a fact test compares with. */
export function setConditionValue(
  path: readonly PathKey[],
  value: FactCondition['value'],
): PackChange {
  return setField(path, 'value', value, lt('修改条件取值', 'changed a condition value'));
}

/** The same children under another group kind (see `switchGroup`). */
export function setGroupKind(
  path: readonly PathKey[],
  group: TopLevelCondition,
  to: GroupKind,
): PackChange {
  return intent('condition group', lt(`条件组改为 ${to}`, `condition group set to ${to}`), {
    type: 'set',
    path: [...path],
    value: switchGroup(group, to),
  });
}

/** The path of child `index` of the group at `path`: `not` holds one child. */
export function childPath(
  path: readonly PathKey[],
  group: TopLevelCondition,
  index: number,
): PathKey[] {
  const kind = groupKind(group);
  return kind === 'not' ? [...path, 'not'] : [...path, kind as PathKey, index];
}

/** Adds `child` to the group at `path`; `not` holds one condition, so a second negates both. */
export function addToGroup(
  path: readonly PathKey[],
  group: TopLevelCondition,
  child: Condition,
): PackChange {
  const kind = groupKind(group);
  const children = childrenOf(group);
  const text = lt('添加条件', 'added a condition');
  if (kind === 'not')
    return intent('add condition', text, {
      type: 'set',
      path: [...path, 'not'],
      value: { all: [...children, child] },
    });
  return intent('add condition', text, {
    type: 'insert',
    path: [...path, kind as PathKey],
    index: children.length,
    value: child,
  });
}

/** Removes child `index` of the group at `path`; `not` is left negating an empty `all`. */
export function removeFromGroup(
  path: readonly PathKey[],
  group: TopLevelCondition,
  index: number,
): PackChange {
  const kind = groupKind(group);
  const text = lt('删除条件', 'removed a condition');
  if (kind === 'not')
    return intent('remove condition', text, {
      type: 'set',
      path: [...path, 'not'],
      value: { all: [] },
    });
  return intent('remove condition', text, {
    type: 'remove',
    path: [...path, kind as PathKey],
    index,
  });
}

// Events, at the path of a rule's event.

export function setEvent(path: readonly PathKey[], event: RuleEvent): PackChange {
  return intent('event', lt(`触发动作改为 ${event.type}`, `event set to ${event.type}`), {
    type: 'set',
    path: [...path],
    value: event,
  });
}

/** One parameter of the event (`name`, `level`, `value`, `reason`); `undefined` removes it. */
export function setEventParam(path: readonly PathKey[], key: string, value: unknown): PackChange {
  return setField([...path, 'params'], key, value);
}

/** A `set` event's output and its value, together. */
export function setEventOutput(
  path: readonly PathKey[],
  name: string,
  value: RuleOutput['default'],
): PackChange {
  return setField(path, 'params', { name, value }, lt(`设定输出 ${name}`, `sets output ${name}`));
}

// The outputs a rules node declares, at `path`.

const outputs = (path: readonly PathKey[]) => ({ path, noun: lt('输出', 'output') });

export function addRuleOutput(
  path: readonly PathKey[],
  count: number,
  output: RuleOutput,
): PackChange {
  return appendItem(outputs(path), count, output);
}

export function removeRuleOutput(path: readonly PathKey[], index: number): PackChange {
  return removeItem(outputs(path), index);
}

/** One field of output `index` (name, default). */
export function setRuleOutputField(
  path: readonly PathKey[],
  index: number,
  key: 'name' | 'default',
  value: unknown,
): PackChange {
  return setItemField(outputs(path), index, key, value);
}

/** A new type for output `index`, with that type's default value. */
export function setRuleOutputType(
  path: readonly PathKey[],
  index: number,
  output: RuleOutput,
): PackChange {
  return intent(
    'output type',
    lt(`输出 ${output.name} 改为 ${output.type}`, `output ${output.name} is now ${output.type}`),
    {
      type: 'set',
      path: [...path, index],
      value: output,
    },
  );
}
