import { describe, expect, it } from 'vitest';
import { localize, type LocalizedText } from '../../../domain/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { levelChoices, scaleChoices } from './choiceNames.ts';

const csrc = loadStarterPack('cn-csrc-2017');
const zh = (text: LocalizedText | undefined) => (text ? localize(text, 'zh-CN') : '');

describe('choice names', () => {
  it('lists every scale of the pack with its label, and a missing one as its id', () => {
    const scales = scaleChoices(csrc, zh);
    expect(scales.ids).toEqual(csrc.vocabulary.scales.map((s) => s.id));
    const first = csrc.vocabulary.scales[0];
    expect(scales.name(first?.id ?? '')).toBe(`${first?.id} · ${first?.label['zh-CN']}`);
    expect(scales.name('gone')).toBe('gone');
  });

  it('lists the levels lowest first and writes each id once', () => {
    const risk = csrc.vocabulary.scales.find((s) => s.id === csrc.products.riskScale);
    const levels = levelChoices(risk, zh);
    expect(levels.ids).toEqual(risk?.levels.map((l) => l.id));
    for (const id of levels.ids) expect(levels.name(id).startsWith(id)).toBe(true);
    expect(levels.name('R9')).toBe('R9');
    expect(levelChoices(undefined, zh).ids).toEqual([]);
  });
});
