import { formatPackError, type PackError } from '../../domain/index.ts';
import { defineMessages, useLocale, useMessages } from '../i18n/index.tsx';

export type ImportFailure = { file: string; errors: PackError[] };

const messages = defineMessages({
  'zh-CN': {
    heading: '无法导入 {file}：发现 {count} 个问题，未保存任何内容',
    more: '另有 {count} 个问题未显示',
    close: '关闭',
  },
  en: {
    heading: 'Could not import {file}: {count} problem(s) found, nothing was stored',
    more: '{count} more problem(s) not shown',
    close: 'Dismiss',
  },
});

const SHOWN = 20;

/** Why an imported file was refused: each problem with its file, line and JSON path. */
export function ImportErrors(props: { failure: ImportFailure; onDismiss: () => void }) {
  const { failure, onDismiss } = props;
  const t = useMessages(messages);
  const { locale } = useLocale();
  return (
    <div className="banner banner-error import-errors" role="alert" data-testid="import-errors">
      <div className="banner-head">
        <strong>{t('heading', { file: failure.file, count: failure.errors.length })}</strong>
        <button className="btn btn-small" onClick={onDismiss}>
          {t('close')}
        </button>
      </div>
      <ul>
        {failure.errors.slice(0, SHOWN).map((error, i) => (
          <li key={i} className="mono">
            {formatPackError(error, locale)}
          </li>
        ))}
      </ul>
      {failure.errors.length > SHOWN && (
        <p>{t('more', { count: failure.errors.length - SHOWN })}</p>
      )}
    </div>
  );
}
