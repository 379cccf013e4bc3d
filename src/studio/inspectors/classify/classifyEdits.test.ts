import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '../../../domain/index.ts';
import { firstNodeOfKind, loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { moveBoundary, setBound } from './bandEdits.ts';
import {
  addBand,
  addLimit,
  describeBandsEdit,
  removeBand,
  removeLimit,
  setBandLevel,
  setBands,
  setClassifyInput,
  setClassifyScale,
  setLimitFlag,
  setLimitLevel,
  setLimitReason,
  setLimitWhen,
  toggleRulesLimits,
  type LimitsRef,
} from './classifyEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const { nodeIndex, configOf, config } = firstNodeOfKind(pack, 'classify');
const bands = config.bands;
const otherScale = pack.vocabulary.scales.find((s) => s.id !== config.scale)?.id ?? '';

describe('classify edits', () => {
  it('label a boundary move by the levels it separates and the bounds it moved', () => {
    const after = moveBoundary(bands, 2, 3, 60);
    const change = setBands(nodeIndex, bands, after, 'band boundary');
    expect(change).toMatchObject({
      type: 'batch',
      label: 'band boundary',
      text: { en: 'moved C3/C4 boundary 53 → 60', 'zh-CN': 'C3/C4 分界 53 → 60' },
    });
    expect(configOf(applyChange(pack, change!)).bands).toEqual(after);
    expect(setBands(nodeIndex, after, after)).toBeNull();
  });

  it('say which bands changed when more than one boundary moved', () => {
    const after = bands.map((b) => ({ ...b, min: b.min === 0 ? 0 : b.min + 1, max: b.max + 1 }));
    expect(describeBandsEdit(bands, after).en).toMatch(/^set bands C1 \[0, 20\], C2 \[21, 37\]/);
    const typed = setBound(bands, 0, 'max', 15);
    expect(describeBandsEdit(bands, typed).en).toBe('moved C1/C2 boundary 19 → 15');
  });

  it('each build a change that applies to the pack and undoes back to it', () => {
    const caps: LimitsRef = { nodeIndex, side: 'caps', limits: config.caps };
    const limit = {
      when: 'context',
      level: 'C1',
      reason: { code: 'cap-x', text: { 'zh-CN': '', en: '' } },
    };
    const reason = { 'zh-CN': '原因', en: 'why' };
    const withLimit = applyChange(pack, addLimit(caps, limit));
    const capsNow: LimitsRef = { ...caps, limits: configOf(withLimit).caps };
    const last = capsNow.limits.length - 1;
    const steps = [
      [pack, setClassifyInput(nodeIndex, 'totalScore')],
      [pack, setClassifyScale(nodeIndex, otherScale, [{ level: 'R1', min: 0, max: 100 }])],
      [pack, toggleRulesLimits(nodeIndex, config.rulesLimits, 'extra', true)],
      [pack, addBand(nodeIndex, bands, { level: 'C5', min: 101, max: 110 })],
      [pack, removeBand(nodeIndex, bands, 4)],
      [pack, setBandLevel(nodeIndex, bands, 0, 'C2')],
      [pack, addLimit(caps, limit)],
      [withLimit, setLimitWhen(capsNow, last, 'answers')],
      [withLimit, setLimitLevel(capsNow, last, 'C2')],
      [withLimit, setLimitFlag(capsNow, last, 'lowestCategory')],
      [withLimit, setLimitReason(capsNow, last, reason)],
      [withLimit, removeLimit(capsNow, last)],
    ] as const;
    for (const [before, change] of steps) {
      expect(change.type === 'batch' && change.text?.en).toBeTruthy();
      const after = applyChange(before, change);
      expect(after).not.toEqual(before);
      expect(applyChange(after, invertChange(before, change))).toEqual(before);
    }
    const limited = configOf(applyChange(withLimit, setLimitReason(capsNow, last, reason)));
    expect(limited.caps.at(-1)?.reason).toEqual({ code: 'cap-x', text: reason });
    expect(configOf(applyChange(pack, removeBand(nodeIndex, bands, 4))).bands).toHaveLength(4);
  });
});
