import { expect, it } from 'vitest';
import { T } from '../../../engine/index.ts';
import { typeName } from './typeNames.ts';

it('names value types in both UI locales', () => {
  expect(typeName(T.number, 'zh-CN')).toBe('数字');
  expect(typeName(T.level('clientLevel'), 'zh-CN')).toBe('clientLevel 等级');
  expect(typeName(T.list(T.string), 'en')).toBe('list of text');
  expect(typeName(T.list(T.boolean), 'zh-CN')).toBe('是/否列表');
  expect(typeName(T.any, 'en')).toBe('any');
});
