import { describe, expect, it } from 'vitest';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { codeWithLabel, labelCodes, packCodeLabels } from './packLabels.ts';

const csrc = loadStarterPack('cn-csrc-2017');

describe('pack code labels', () => {
  it('names levels, products and nodes in the locale', () => {
    const zh = packCodeLabels(csrc, 'zh-CN');
    expect(zh.get('C1')).toBe('C1 保守型');
    expect(zh.get('classify')).toBe('投资者分类 C1-C5');
    expect(packCodeLabels(csrc, 'en').get('cgb-3y')).toBe('3-year book-entry treas…');
  });

  it('shows a code with its label once', () => {
    expect(codeWithLabel('C1', '保守型', 'zh-CN')).toBe('保守型（C1）');
    expect(codeWithLabel('C1', 'Conservative', 'en')).toBe('Conservative (C1)');
    expect(codeWithLabel('C1', 'C1 保守型', 'zh-CN')).toBe('C1 保守型');
    expect(codeWithLabel('C1', undefined, 'en')).toBe('C1');
  });

  it('labels whole-word codes only', () => {
    const labels = new Map([
      ['C1', 'Conservative'],
      ['C10', 'Ten'],
      ['a', 'option a'],
    ]);
    expect(labelCodes('band C1 and C10, not C1x or x.C1 or a', labels, 'en')).toBe(
      'band Conservative (C1) and Ten (C10), not C1x or x.C1 or a',
    );
    expect(labelCodes('分段 C1（至 19）', labels, 'zh-CN')).toBe(
      '分段 Conservative（C1）（至 19）',
    );
  });
});
