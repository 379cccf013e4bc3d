import { describe, expect, it } from 'vitest';
import {
  applyChange,
  invertChange,
  type PackChange,
  type TopLevelCondition,
} from '../../../domain/index.ts';
import { firstNodeOfKind, loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { configPath } from '../common/paths.ts';
import * as edit from './ruleEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const { nodeIndex, configOf, config } = firstNodeOfKind(pack, 'rules');
const rule = config.rules[0]!;
const conditionsPath = configPath(nodeIndex, 'rules', 0, 'conditions');
const eventPath = configPath(nodeIndex, 'rules', 0, 'event');

function roundTrip(change: PackChange) {
  const after = applyChange(pack, change);
  expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  return configOf(after);
}

/** The first rule's conditions after `change`, applied to a pack whose root is `root`. */
function conditionsAfter(root: TopLevelCondition, change: (root: TopLevelCondition) => PackChange) {
  const start = applyChange(pack, edit.setCondition(conditionsPath, root));
  return configOf(applyChange(start, change(root))).rules[0]?.conditions;
}

const test = { fact: 'age', operator: 'greaterThan' as const, value: 70 };

describe('rule edits', () => {
  it('add, move, rename and remove rules', () => {
    const added = edit.addRule(nodeIndex, config.rules.length, {
      ...rule,
      name: 'extra',
    });
    expect(roundTrip(added).rules.at(-1)?.name).toBe('extra');
    expect(roundTrip(edit.setRuleField(nodeIndex, 0, 'priority', 5)).rules[0]?.priority).toBe(5);
    expect(roundTrip(edit.removeRule(nodeIndex, 0)).rules).toEqual(config.rules.slice(1));
    if (config.rules.length > 1)
      expect(roundTrip(edit.moveRule(nodeIndex, 0, 1)).rules[1]).toEqual(rule);
  });

  it('groups: add and remove children of all / any, and of not', () => {
    expect(conditionsAfter({ all: [] }, (g) => edit.addToGroup(conditionsPath, g, test))).toEqual({
      all: [test],
    });
    expect(
      conditionsAfter({ any: [test, test] }, (g) => edit.removeFromGroup(conditionsPath, g, 0)),
    ).toEqual({
      any: [test],
    });
    // `not` holds one condition: a second child negates both together.
    expect(conditionsAfter({ not: test }, (g) => edit.addToGroup(conditionsPath, g, test))).toEqual(
      {
        not: { all: [test, test] },
      },
    );
    expect(
      conditionsAfter({ not: test }, (g) => edit.removeFromGroup(conditionsPath, g, 0)),
    ).toEqual({
      not: { all: [] },
    });
  });

  it('child paths and group kinds', () => {
    expect(edit.childPath(['c'], { any: [test] }, 0)).toEqual(['c', 'any', 0]);
    expect(edit.childPath(['c'], { not: test }, 0)).toEqual(['c', 'not']);
    expect(
      conditionsAfter({ all: [test] }, (g) => edit.setGroupKind(conditionsPath, g, 'not')),
    ).toEqual({
      not: test,
    });
    const child = edit.childPath(conditionsPath, { all: [test] }, 0);
    expect(conditionsAfter({ all: [test] }, () => edit.setConditionValue(child, 80))).toEqual({
      all: [{ ...test, value: 80 }],
    });
  });

  it('events: type, parameters and a set event output with its value together', () => {
    const flagged = roundTrip(edit.setEvent(eventPath, { type: 'flag', params: { name: 'x' } }));
    expect(flagged.rules[0]?.event).toEqual({ type: 'flag', params: { name: 'x' } });
    const start = applyChange(
      pack,
      edit.setEvent(eventPath, { type: 'flag', params: { name: 'x' } }),
    );
    const renamed = applyChange(start, edit.setEventParam(eventPath, 'name', 'y'));
    expect(configOf(renamed).rules[0]?.event).toEqual({ type: 'flag', params: { name: 'y' } });
    const set = applyChange(start, edit.setEventOutput(eventPath, 'out', true));
    expect(configOf(set).rules[0]?.event.params).toEqual({ name: 'out', value: true });
  });

  it('outputs declared by the node', () => {
    const path = configPath(nodeIndex, 'outputs');
    const output = { name: 'o', type: 'boolean' as const, default: false };
    const added = roundTrip(edit.addRuleOutput(path, config.outputs.length, output));
    expect(added.outputs.at(-1)).toEqual(output);
    const withOne = applyChange(pack, edit.addRuleOutput(path, config.outputs.length, output));
    const i = config.outputs.length;
    const typed = applyChange(
      withOne,
      edit.setRuleOutputType(path, i, { ...output, type: 'number', default: 0 }),
    );
    expect(configOf(typed).outputs[i]).toEqual({ name: 'o', type: 'number', default: 0 });
    expect(configOf(applyChange(withOne, edit.removeRuleOutput(path, i))).outputs).toEqual(
      config.outputs,
    );
  });
});
