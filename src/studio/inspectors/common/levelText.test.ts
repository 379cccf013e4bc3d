import { describe, expect, it } from 'vitest';
import { labelWithoutId, levelText } from './levelText.ts';

describe('levelText', () => {
  it('writes the id once', () => {
    expect(levelText('C3', 'C3 稳健型')).toBe('C3 稳健型');
    expect(levelText('C3', '稳健型')).toBe('C3 稳健型');
    expect(levelText('R1', '')).toBe('R1');
    expect(labelWithoutId('C3', 'C3 稳健型')).toBe('稳健型');
    expect(labelWithoutId('C3', 'Balanced')).toBe('Balanced');
  });
});
