import { useCallback, useMemo } from 'react';
import type { Pack } from '../../domain/index.ts';
import { useLocale } from './index.tsx';
import { codeWithLabel, packCodeLabels } from './packLabels.ts';

export type CodeLabels = {
  /** The pack's label for `code` in the UI language, or the code when the pack names it not. */
  name: (code: string) => string;
  /** `label（code）`: the label with the code beside it. */
  full: (code: string) => string;
};

/** How the pack names its codes (levels, flags, outputs, values...) in the UI language. */
export function useCodeLabels(pack: Pack): CodeLabels {
  const { locale } = useLocale();
  const labels = useMemo(() => packCodeLabels(pack, locale), [pack, locale]);
  const name = useCallback((code: string) => labels.get(code) ?? code, [labels]);
  const full = useCallback(
    (code: string) => codeWithLabel(code, labels.get(code), locale),
    [labels, locale],
  );
  return useMemo(() => ({ name, full }), [name, full]);
}
