import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import type { PopulationRun } from './populationStore.ts';
import { formatCount } from './summary.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '{n} 位客户评估失败',
    line: '第 {line} 行',
    client: '客户 #{index}',
    more: '仅列出前 {n} 位',
  },
  en: {
    title: '{n} clients could not be evaluated',
    line: 'line {line}',
    client: 'client #{index}',
    more: 'only the first {n} are listed',
  },
});

/** Clients whose evaluation fails whatever the bands, by file line or population index. */
export function RunErrors({ run, invalid }: { run: PopulationRun; invalid: number }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  if (invalid === 0) return null;
  return (
    <section className="pop-errors" data-testid="pop-errors">
      <h3>{t('title', { n: formatCount(invalid) })}</h3>
      {run.errors.map((e) => {
        const line = run.lines?.[e.index];
        return (
          <div key={e.index} className="insp-error">
            <strong>
              {line !== undefined ? t('line', { line }) : t('client', { index: e.index })}
            </strong>{' '}
            <code>{e.path}</code> {localize(e.message)} <span className="muted">({e.code})</span>
          </div>
        );
      })}
      {run.errors.length < invalid && (
        <p className="muted">{t('more', { n: formatCount(run.errors.length) })}</p>
      )}
    </section>
  );
}
