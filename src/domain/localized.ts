import { z } from 'zod';

/** The UI and pack locales every pack must carry. Other locales may be added per pack. */
export const REQUIRED_LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof REQUIRED_LOCALES)[number];

/** Text shown to people: `{"zh-CN": "...", "en": "..."}`, further locales allowed. */
export const LocalizedTextSchema = z
  .object({ 'zh-CN': z.string(), en: z.string() })
  .catchall(z.string())
  .meta({ description: 'Text shown to people, per locale (zh-CN and en required).' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Picks the text for a locale, falling back to the other required locale. */
export function localize(text: LocalizedText, locale: string): string {
  return text[locale] || text[locale === 'en' ? 'zh-CN' : 'en'] || '';
}

export function lt(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
