import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { localize } from '../../domain/index.ts';

export type UiLocale = 'zh-CN' | 'en';
export const UI_LOCALES: readonly UiLocale[] = ['zh-CN', 'en'];

/** The locale a browser asks for, mapped to one the studio speaks. */
export function detectLocale(languages: readonly string[]): UiLocale {
  for (const lang of languages) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/**
 * Messages live beside the components that show them. Both locales must give every key:
 * the type makes a missing English string a compile error.
 */
export function defineMessages<K extends string>(messages: {
  'zh-CN': Record<K, string>;
  en: Record<K, string>;
}) {
  return messages;
}
export type Messages<K extends string> = ReturnType<typeof defineMessages<K>>;

type LocaleState = { locale: UiLocale; setLocale: (locale: UiLocale) => void };
const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

export function LocaleProvider(props: LocaleState & { children: ReactNode }) {
  const { locale, setLocale, children } = props;
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** `{name}` placeholders are replaced by `params.name`. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `const t = useMessages(messages); t('save')` in the current UI locale. */
export function useMessages<K extends string>(messages: Messages<K>) {
  const { locale } = useLocale();
  return useCallback(
    (key: K, params?: Record<string, string | number>) => format(messages[locale][key], params),
    [messages, locale],
  );
}

/** Text from a pack (`{"zh-CN": ..., "en": ...}`) in the current UI locale. */
export function useLocalize(): (text: LocalizedText | undefined) => string {
  const { locale } = useLocale();
  return useCallback((text) => (text ? localize(text, locale) : ''), [locale]);
}

/** A message in every UI locale, for text kept as data (a toast, a stored notice). */
export function messageText<K extends string>(
  messages: Messages<K>,
  key: K,
  params?: Record<string, string | number>,
): LocalizedText {
  return {
    'zh-CN': format(messages['zh-CN'][key], params),
    en: format(messages.en[key], params),
  };
}
