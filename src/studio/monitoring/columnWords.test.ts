import { describe, expect, it } from 'vitest';
import { columnWord, shownColumns } from './columnWords.ts';

describe('work-list columns on screen', () => {
  const columns: [string, number][] = [
    ['clientId', 1],
    ['reasonsZh', 2],
    ['reasonsEn', 3],
  ];

  it('show the texts of the screen language only', () => {
    expect(shownColumns(columns, 'zh-CN').map(([k]) => k)).toEqual(['clientId', 'reasonsZh']);
    expect(shownColumns(columns, 'en').map(([k]) => k)).toEqual(['clientId', 'reasonsEn']);
  });

  it('name columns in words, and leave an unknown name as it is', () => {
    expect(columnWord('reasonsZh', 'zh-CN')).toBe('原因');
    expect(columnWord('levelBefore', 'en')).toBe('Level before');
    expect(columnWord('somethingNew', 'zh-CN')).toBe('somethingNew');
  });
});
