import { useState } from 'react';
import { REQUIRED_LOCALES, type LocalizedText, type Locale } from '../../../domain/index.ts';

type Props = {
  value: LocalizedText | undefined;
  /** Called on blur of either locale's input when the text changed. */
  onCommit: (value: LocalizedText) => void;
  label: string;
  multiline?: boolean;
};

const LOCALE_TAGS: Record<Locale, string> = { 'zh-CN': '中文', en: 'EN' };

/** Edits the zh-CN and en text of a localized string side by side: a translator sees both. */
export function LocalizedField({ value, onCommit, label, multiline }: Props) {
  const [draft, setDraft] = useState<Partial<Record<Locale, string>>>({});
  const current = (locale: Locale) => draft[locale] ?? value?.[locale] ?? '';
  const commit = () => {
    if (Object.keys(draft).length === 0) return;
    const next: LocalizedText = { ...value, 'zh-CN': current('zh-CN'), en: current('en') };
    setDraft({});
    if (next['zh-CN'] !== value?.['zh-CN'] || next.en !== value?.en) onCommit(next);
  };
  return (
    <fieldset className="localized-field">
      <legend>{label}</legend>
      {REQUIRED_LOCALES.map((locale) => {
        const common = {
          'aria-label': `${label} (${locale})`,
          lang: locale,
          value: current(locale),
          onBlur: commit,
        };
        return (
          <label key={locale} className="localized-field-locale">
            <span className="locale-tag">{LOCALE_TAGS[locale]}</span>
            {multiline ? (
              <textarea
                {...common}
                rows={2}
                onChange={(e) => setDraft({ ...draft, [locale]: e.target.value })}
              />
            ) : (
              <input
                {...common}
                onChange={(e) => setDraft({ ...draft, [locale]: e.target.value })}
                onKeyDown={(e) => e.key === 'Enter' && commit()}
              />
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
