import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, type NodeConfig } from '../../../domain/index.ts';
import { firstNodeOfKind, loadStarterPack } from '../../../testing/starterPackFiles.ts';
import * as edit from './scoreEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const { nodeIndex, configOf, config } = firstNodeOfKind(pack, 'score');

/** Applies `change`, checks its inverse restores the pack, returns the edited config. */
function roundTrip(change: ReturnType<typeof edit.addTerm>): NodeConfig<'score'> {
  const after = applyChange(pack, change);
  expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  return configOf(after);
}

describe('score edits', () => {
  it('has a score node to edit', () => {
    expect(nodeIndex).toBeGreaterThanOrEqual(0);
    expect(config.terms.length).toBeGreaterThan(0);
  });

  it('add, move, set and remove terms as named, undoable steps', () => {
    const ref = config.terms[0]!.ref;
    const added = edit.addTerm(nodeIndex, config, { ref, weight: 2 });
    expect(added).toMatchObject({ type: 'batch', label: 'add term' });
    expect(roundTrip(added).terms.at(-1)).toEqual({ ref, weight: 2 });
    expect(roundTrip(edit.setTermWeight(nodeIndex, 0, 0.25)).terms[0]?.weight).toBe(0.25);
    expect(roundTrip(edit.setTermRef(nodeIndex, 0, 'x')).terms[0]?.ref).toBe('x');
    expect(roundTrip(edit.removeTerm(nodeIndex, 0)).terms).toEqual(config.terms.slice(1));
    if (config.terms.length > 1) {
      const moved = roundTrip(edit.moveTerm(nodeIndex, 0, 1)).terms;
      expect(moved[1]).toEqual(config.terms[0]);
    }
  });

  it('says in words what it did', () => {
    const change = edit.moveTerm(nodeIndex, 0, 1);
    expect(change).toMatchObject({
      text: { 'zh-CN': '评分项 1 移到第 2 位', en: 'moved term 1 to 2' },
    });
  });

  it('combine, round and rescale', () => {
    expect(roundTrip(edit.setCombine(nodeIndex, 'max')).combine).toBe('max');
    expect(roundTrip(edit.setRound(nodeIndex, 'ceil')).round).toBe('ceil');
    const on = applyChange(pack, edit.toggleRescale(nodeIndex, true));
    expect(configOf(on).normalize).toEqual({ fromMin: 0, fromMax: 100, toMin: 0, toMax: 100 });
    const bound = applyChange(on, edit.setRescaleBound(nodeIndex, 'fromMax', 32));
    expect(configOf(bound).normalize?.fromMax).toBe(32);
    expect(configOf(applyChange(bound, edit.toggleRescale(nodeIndex, false))).normalize).toBe(
      undefined,
    );
  });

  it('normalizes weights in one step, or says there is nothing to do', () => {
    const uneven = configOf(applyChange(pack, edit.setTermWeight(nodeIndex, 0, 3)));
    const packUneven = applyChange(pack, edit.setTermWeight(nodeIndex, 0, 3));
    const change = edit.normalizeWeights(nodeIndex, uneven);
    expect(change).toMatchObject({ label: 'normalize weights' });
    const normalized = configOf(applyChange(packUneven, change!));
    expect(normalized.terms.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 10);
    expect(edit.normalizeWeights(nodeIndex, normalized)).toBeNull();
  });
});
