import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, type PackChange } from '../../../domain/index.ts';
import { firstNodeOfKind, loadStarterPack } from '../../../testing/starterPackFiles.ts';
import * as edit from './matchEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const { nodeIndex, configOf, config } = firstNodeOfKind(pack, 'match');

function roundTrip(change: PackChange) {
  const after = applyChange(pack, change);
  expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  return configOf(after);
}

describe('match edits', () => {
  it('dimensions: add, move, remove, and set a field of one', () => {
    const first = config.dimensions[0]!;
    const copy = { ...first, id: 'copy' };
    expect(
      roundTrip(edit.addDimension(nodeIndex, config.dimensions.length, copy)).dimensions.at(-1),
    ).toEqual(copy);
    expect(roundTrip(edit.removeDimension(nodeIndex, 0)).dimensions).toEqual(
      config.dimensions.slice(1),
    );
    expect(roundTrip(edit.moveDimension(nodeIndex, 0, 1)).dimensions[1]).toEqual(first);
    const path = edit.dimensionPath(nodeIndex, 0);
    expect(
      roundTrip(edit.setDimensionField(path, 'onFail', 'prohibited')).dimensions[0]?.onFail,
    ).toBe('prohibited');
  });

  it('applies-when and a filled matrix at the path their editor is given', () => {
    const path = edit.dimensionPath(nodeIndex, 0);
    const when = roundTrip(edit.setAppliesWhen([...path, 'appliesWhen'], 'flags.x'));
    expect(when.dimensions[0]?.appliesWhen).toBe('flags.x');
    expect(edit.setAppliesWhen([...path, 'appliesWhen'], undefined)).toMatchObject({
      text: { en: 'always applies' },
    });
    const matrixAt = config.dimensions.findIndex((d) => d.kind === 'matrix');
    const cellsPath = [...edit.dimensionPath(nodeIndex, matrixAt), 'cells'];
    const filled = roundTrip(edit.fillMatrix(cellsPath, { C1: { R1: 'allowed' } }));
    expect(filled.dimensions[matrixAt]).toMatchObject({ cells: { C1: { R1: 'allowed' } } });
  });

  it('policies: add, move, remove, fields, and on/off said in words', () => {
    const first = config.policies[0]!;
    expect(
      roundTrip(edit.addPolicy(nodeIndex, config.policies.length, first)).policies.at(-1),
    ).toEqual(first);
    expect(roundTrip(edit.removePolicy(nodeIndex, 0)).policies).toEqual(config.policies.slice(1));
    if (config.policies.length > 1)
      expect(roundTrip(edit.movePolicy(nodeIndex, 0, 1)).policies[1]).toEqual(first);
    expect(roundTrip(edit.setPolicyField(nodeIndex, 0, 'when', 'flags.y')).policies[0]?.when).toBe(
      'flags.y',
    );
    const off = edit.setPolicyEnabled(nodeIndex, 0, false);
    expect(off).toMatchObject({ text: { 'zh-CN': '停用规则 1', en: 'policy 1 off' } });
    expect(roundTrip(off).policies[0]?.enabled).toBe(false);
  });
});
