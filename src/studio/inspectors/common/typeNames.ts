import type { ValueType } from '../../../engine/index.ts';
import type { UiLocale } from '../../i18n/index.tsx';

const NAMES: Record<Exclude<ValueType['type'], 'level' | 'list'>, Record<UiLocale, string>> = {
  number: { 'zh-CN': '数字', en: 'number' },
  boolean: { 'zh-CN': '是/否', en: 'yes/no' },
  string: { 'zh-CN': '文本', en: 'text' },
  date: { 'zh-CN': '日期', en: 'date' },
  record: { 'zh-CN': '对象', en: 'record' },
  any: { 'zh-CN': '任意', en: 'any' },
};

/** A value type as a compliance officer reads it: `数字`, `clientLevel 等级`, `list of text`. */
export function typeName(t: ValueType, locale: UiLocale): string {
  if (t.type === 'level') return locale === 'zh-CN' ? `${t.scale} 等级` : `level of ${t.scale}`;
  if (t.type === 'list') {
    const of = t.of ? typeName(t.of, locale) : '';
    if (locale === 'zh-CN') return of ? `${of}列表` : '列表';
    return of ? `list of ${of}` : 'list';
  }
  return NAMES[t.type][locale];
}
