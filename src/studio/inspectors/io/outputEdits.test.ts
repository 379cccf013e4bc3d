import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, type NodeConfig } from '../../../domain/index.ts';
import { firstNodeOfKind, loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { setExpression, setNameRef } from '../expression/expressionEdits.ts';
import * as edit from './outputEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const { nodeIndex, configOf: outputOf, config } = firstNodeOfKind(pack, 'output');

function roundTrip(change: Parameters<typeof applyChange>[1]): NodeConfig<'output'> {
  const after = applyChange(pack, change);
  expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  return outputOf(after);
}

describe('output edits', () => {
  it('add, move, set and remove outputs as named steps', () => {
    const added = edit.addOutput(nodeIndex, config.outputs.length, {
      name: 'extra',
      ref: 'x.y',
      kind: 'value',
    });
    expect(added).toMatchObject({ label: 'add output' });
    expect(roundTrip(added).outputs.at(-1)?.name).toBe('extra');
    expect(roundTrip(edit.setOutputField(nodeIndex, 0, 'kind', 'flag')).outputs[0]?.kind).toBe(
      'flag',
    );
    expect(roundTrip(edit.removeOutput(nodeIndex, 0)).outputs).toEqual(config.outputs.slice(1));
    const moved = roundTrip(edit.moveOutput(nodeIndex, 0, 1)).outputs;
    expect(moved[1]).toEqual(config.outputs[0]);
  });

  it('verdicts from a match node, or none', () => {
    expect(roundTrip(edit.setVerdicts(nodeIndex, undefined)).verdicts).toBeUndefined();
    expect(roundTrip(edit.setVerdicts(nodeIndex, 'm2')).verdicts).toBe('m2');
  });
});

describe('expression edits', () => {
  it('set the expression and what a name reads at the node index given', () => {
    const change = setExpression(4, 'a + b');
    expect(change).toMatchObject({
      label: 'expression',
      changes: [{ type: 'set', path: ['graph', 'nodes', 4, 'config', 'expression'] }],
    });
    expect(setNameRef(4, 1, 'score.total')).toMatchObject({
      changes: [{ path: ['graph', 'nodes', 4, 'config', 'names', 1, 'ref'], value: 'score.total' }],
    });
  });
});
