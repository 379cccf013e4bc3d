import { describe, expect, it } from 'vitest';
import { defineMessages, detectLocale, format, messageText } from './index.tsx';

describe('i18n', () => {
  it('follows the browser language, Chinese when it speaks neither', () => {
    expect(detectLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLocale(['zh-TW'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} 个问题 in {file}', { n: 2 })).toBe('2 个问题 in {file}');
  });

  it('gives a message in every locale for text kept as data', () => {
    const messages = defineMessages({
      'zh-CN': { saved: '已保存 {key}' },
      en: { saved: 'Saved {key}' },
    });
    expect(messageText(messages, 'saved', { key: 'mini' })).toEqual({
      'zh-CN': '已保存 mini',
      en: 'Saved mini',
    });
  });
});
