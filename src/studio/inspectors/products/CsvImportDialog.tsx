import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { CsvImport } from './productCsv.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '导入预览：{file}',
    summary: '{ok} 行可导入（新增 {added}，更新 {updated}），{bad} 行有错误',
    line: '行号',
    id: '产品代码',
    status: '状态',
    added: '新增',
    updated: '更新',
    error: '错误',
    apply: '导入 {n} 行',
    cancel: '取消',
    badRows: '有错误的行不会导入',
  },
  en: {
    title: 'Import preview: {file}',
    summary: '{ok} rows can be imported ({added} new, {updated} updated), {bad} rows have errors',
    line: 'Line',
    id: 'Product',
    status: 'Status',
    added: 'new',
    updated: 'update',
    error: 'error',
    apply: 'Import {n} rows',
    cancel: 'Cancel',
    badRows: 'Rows with errors are not imported',
  },
});

type Props = { file: string; result: CsvImport; onApply: () => void; onCancel: () => void };

/** What an import would do, row by row, before anything changes; cancel leaves the pack alone. */
export function CsvImportDialog({ file, result, onApply, onCancel }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const ok = result.rows.filter((r) => r.ok);
  const updated = ok.filter((r) => r.ok && r.replaces !== undefined).length;
  const bad = result.rows.length - ok.length;
  return (
    <div className="csv-dialog" role="dialog" aria-modal="true" aria-label={t('title', { file })}>
      <h4>{t('title', { file })}</h4>
      {result.fileErrors.map((e, i) => (
        <p key={i} className="inspector-error" role="alert">
          {file}: {localize(e)}
        </p>
      ))}
      {result.fileErrors.length === 0 && (
        <p data-testid="csv-summary">
          {t('summary', { ok: ok.length, added: ok.length - updated, updated, bad })}
        </p>
      )}
      {bad > 0 && <p className="hint">{t('badRows')}</p>}
      <div className="csv-preview">
        <table className="q-table">
          <thead>
            <tr>
              <th>{t('line')}</th>
              <th>{t('id')}</th>
              <th>{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.line} className={r.ok ? 'ok' : 'bad'} data-line={r.line}>
                <td>{r.line}</td>
                <td>{r.ok ? r.product.id : r.id}</td>
                <td>
                  {r.ok ? (
                    r.replaces === undefined ? (
                      t('added')
                    ) : (
                      t('updated')
                    )
                  ) : (
                    <ul className="csv-errors">
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          {file}:{r.line} {localize(e)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="q-row">
        <button type="button" className="primary" disabled={ok.length === 0} onClick={onApply}>
          {t('apply', { n: ok.length })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
