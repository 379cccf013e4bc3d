import type { Basis } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    law: '法规',
    firmPractice: '公司惯例',
    unmarked: '未标注来源',
    lawTitle: '法规要求：公司不得放宽',
    firmTitle: '公司惯例：可按公司政策调整',
  },
  en: {
    law: 'Law',
    firmPractice: 'Firm practice',
    unmarked: 'Source not marked',
    lawTitle: 'Required by law: the firm may not relax it',
    firmTitle: "The firm's own practice: it may change it",
  },
});

/** A small badge saying whether a rule is the law (with its article) or the firm's practice. */
export function BasisMarker({ basis }: { basis: Basis | undefined }) {
  const t = useMessages(messages);
  if (!basis) return <span className="basis basis-none">{t('unmarked')}</span>;
  const law = basis.kind === 'law';
  return (
    <span
      className={`basis basis-${basis.kind}`}
      title={law ? t('lawTitle') : t('firmTitle')}
      data-basis={basis.kind}
    >
      {t(basis.kind)}
      {basis.citation ? ` · ${basis.citation}` : ''}
    </span>
  );
}
