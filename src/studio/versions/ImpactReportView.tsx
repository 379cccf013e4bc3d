import { useMemo } from 'react';
import { impactToCsv, type AffectedClient, type ImpactReport } from '../../engine/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { downloadText } from './download.ts';

const messages = defineMessages({
  'zh-CN': {
    total: '{total} 位客户中有 {affected} 位受影响（等级或产品结论变化）',
    errors: '评估失败：版本 A {a} 位，版本 B {b} 位（见下方受影响的客户）',
    matrix: '等级变化（行：A，列：B）',
    verdicts: '产品结论变化',
    product: '产品',
    change: '变化',
    clients: '客户数',
    affected: '受影响的客户',
    csv: '导出 CSV',
    more: '另有 {n} 位未列出（见 CSV）',
    none: '没有产品结论变化',
    line: '第 {line} 行',
    failedIn: '评估失败（{version}）：{code}',
  },
  en: {
    total: '{affected} of {total} clients affected (level or a product verdict changes)',
    errors:
      'Evaluation failed: {a} clients with version A, {b} with version B (see the affected clients)',
    matrix: 'Level changes (rows: A, columns: B)',
    verdicts: 'Product verdict changes',
    product: 'Product',
    change: 'Change',
    clients: 'Clients',
    affected: 'Affected clients',
    csv: 'Export CSV',
    more: '{n} more not listed (see the CSV)',
    none: 'No product verdict changes',
    line: 'line {line}',
    failedIn: 'evaluation failed ({version}): {code}',
  },
});

const SHOWN = 100;

/** The level matrix, the verdict changes per product and the affected clients of one comparison. */
export function ImpactReportView(props: { report: ImpactReport; lines?: readonly number[] }) {
  const { report, lines } = props;
  const t = useMessages(messages);
  const verdictRows = useMemo(
    () =>
      Object.entries(report.verdictChanges).flatMap(([product, froms]) =>
        Object.entries(froms).flatMap(([from, tos]) =>
          Object.entries(tos).map(([to, n]) => ({ product, from, to, n })),
        ),
      ),
    [report],
  );
  return (
    <div data-testid="impact-report">
      <p data-testid="impact-total">
        {t('total', { total: report.total, affected: report.affected.length })}
      </p>
      {(report.errors.a > 0 || report.errors.b > 0) && (
        <p className="bad" data-testid="impact-errors">
          {t('errors', report.errors)}
        </p>
      )}
      <h4>{t('matrix')}</h4>
      <table className="versions-table impact-matrix" data-testid="impact-matrix">
        <thead>
          <tr>
            <th>A \ B</th>
            {report.levels.map((l) => (
              <th key={l}>{l}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.levels.map((from) => (
            <tr key={from}>
              <th>{from}</th>
              {report.levels.map((to) => {
                const n = report.levelMatrix[from]?.[to] ?? 0;
                return (
                  <td
                    key={to}
                    data-from={from}
                    data-to={to}
                    className={n === 0 ? 'zero' : from === to ? 'same' : 'moved'}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('verdicts')}</h4>
      {verdictRows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <table className="versions-table" data-testid="impact-verdicts">
          <thead>
            <tr>
              <th>{t('product')}</th>
              <th>{t('change')}</th>
              <th>{t('clients')}</th>
            </tr>
          </thead>
          <tbody>
            {verdictRows.map((r) => (
              <tr key={`${r.product}|${r.from}|${r.to}`}>
                <td>{r.product}</td>
                <td>
                  {r.from} → {r.to}
                </td>
                <td>{r.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>
        {t('affected')}{' '}
        <button
          type="button"
          className="btn btn-small"
          data-testid="impact-csv"
          onClick={() => downloadText('impact.csv', impactToCsv(report), 'text/csv')}
        >
          {t('csv')}
        </button>
      </h4>
      <ul className="impact-clients" data-testid="impact-clients">
        {report.affected.slice(0, SHOWN).map((c) => (
          <AffectedRow key={c.index} client={c} line={lines?.[c.index]} />
        ))}
      </ul>
      {report.affected.length > SHOWN && (
        <p className="muted">{t('more', { n: report.affected.length - SHOWN })}</p>
      )}
    </div>
  );
}

function AffectedRow({ client: c, line }: { client: AffectedClient; line: number | undefined }) {
  const t = useMessages(messages);
  const failures = [
    c.errorA === undefined ? '' : t('failedIn', { version: 'A', code: c.errorA }),
    c.errorB === undefined ? '' : t('failedIn', { version: 'B', code: c.errorB }),
  ].filter(Boolean);
  return (
    <li data-line={line}>
      {line !== undefined && <strong>{t('line', { line })} </strong>}
      <code>{c.id}</code> {c.levelA} → {c.levelB}
      {c.changedProducts.length > 0 &&
        `; ${c.changedProducts.map((p) => `${p.product}: ${p.from} → ${p.to}`).join(', ')}`}
      {failures.length > 0 && <span className="bad">; {failures.join('; ')}</span>}
    </li>
  );
}
