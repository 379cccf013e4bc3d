import { useMemo, useState } from 'react';
import { analyzeImpact, compilePack, impactToCsv, type ImpactReport } from '../../engine/index.ts';
import { createPopulation } from '../../testing/population.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import type { Point } from './diffGroups.ts';
import { downloadText } from './download.ts';
import { PointPicker } from './PointPicker.tsx';

const messages = defineMessages({
  'zh-CN': {
    from: '版本 A',
    to: '版本 B',
    size: '客户数',
    seed: '随机种子',
    date: '评估日期',
    run: '比较',
    source: '客群',
    generated: '生成的客群',
    samples: '规则包的样例客户与测试用例',
    total: '{total} 位客户中有 {affected} 位受影响（等级或产品结论变化）',
    matrix: '等级变化（行：A，列：B）',
    verdicts: '产品结论变化',
    product: '产品',
    change: '变化',
    clients: '客户数',
    affected: '受影响的客户',
    csv: '导出 CSV',
    failed: '无法比较：{error}',
    more: '另有 {n} 位未列出（见 CSV）',
    none: '没有产品结论变化',
  },
  en: {
    from: 'Version A',
    to: 'Version B',
    size: 'Clients',
    seed: 'Seed',
    date: 'Evaluation date',
    run: 'Compare',
    source: 'Population',
    generated: 'generated population',
    samples: "the pack's sample clients and test cases",
    total: '{affected} of {total} clients affected (level or a product verdict changes)',
    matrix: 'Level changes (rows: A, columns: B)',
    verdicts: 'Product verdict changes',
    product: 'Product',
    change: 'Change',
    clients: 'Clients',
    affected: 'Affected clients',
    csv: 'Export CSV',
    failed: 'Cannot compare: {error}',
    more: '{n} more not listed (see the CSV)',
    none: 'No product verdict changes',
  },
});

const SHOWN = 100;

/** Two versions over one generated population: who moves level, who gains or loses a product. */
export function ImpactPanel(props: { points: readonly Point[] }) {
  const { points } = props;
  const t = useMessages(messages);
  // Until chosen: the latest point against the one before it (points arrive after the first render).
  const [chosenFrom, setFrom] = useState<string | null>(null);
  const [chosenTo, setTo] = useState<string | null>(null);
  const fromId = chosenFrom ?? points[1]?.id ?? '';
  const toId = chosenTo ?? points[0]?.id ?? '';
  const [size, setSize] = useState(1000);
  const [seed, setSeed] = useState(42);
  const [date, setDate] = useState('2026-06-01');
  const [source, setSource] = useState<'generated' | 'samples'>('generated');
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    const a = points.find((p) => p.id === fromId)?.pack;
    const b = points.find((p) => p.id === toId)?.pack;
    if (!a || !b) return;
    try {
      const clients =
        source === 'generated'
          ? createPopulation(a, { seed, evaluationDate: date }).take(size)
          : [
              ...a.sampleClients.map((c) => ({ ...c.input, clientId: c.id })),
              ...a.tests.map((c) => ({ ...c.input, clientId: c.id })),
            ];
      setReport(analyzeImpact(compilePack(a), compilePack(b), clients));
      setError(null);
    } catch (e) {
      setReport(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="impact-panel">
      <div className="row">
        <PointPicker
          label={t('from')}
          points={points}
          value={fromId}
          onChange={setFrom}
          testId="impact-from"
        />
        <PointPicker
          label={t('to')}
          points={points}
          value={toId}
          onChange={setTo}
          testId="impact-to"
        />
        <label>
          {t('source')}{' '}
          <select
            value={source}
            data-testid="impact-source"
            onChange={(e) => setSource(e.target.value as 'generated' | 'samples')}
          >
            <option value="generated">{t('generated')}</option>
            <option value="samples">{t('samples')}</option>
          </select>
        </label>
        <label>
          {t('size')}{' '}
          <input
            type="number"
            min={1}
            max={100000}
            value={size}
            data-testid="impact-size"
            onChange={(e) => setSize(Math.max(1, Math.min(100000, Number(e.target.value) || 1)))}
          />
        </label>
        <label>
          {t('seed')}{' '}
          <input
            type="number"
            value={seed}
            onChange={(e) => setSeed(Number(e.target.value) || 0)}
          />
        </label>
        <label>
          {t('date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" className="btn btn-primary" data-testid="impact-run" onClick={run}>
          {t('run')}
        </button>
      </div>
      {error && (
        <p role="alert" className="bad">
          {t('failed', { error })}
        </p>
      )}
      {report && <ImpactReportView report={report} />}
    </div>
  );
}

function ImpactReportView({ report }: { report: ImpactReport }) {
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
      <ul className="impact-clients">
        {report.affected.slice(0, SHOWN).map((c) => (
          <li key={c.index}>
            <code>{c.id}</code> {c.levelA} → {c.levelB}
            {c.changedProducts.length > 0 &&
              `; ${c.changedProducts.map((p) => `${p.product}: ${p.from} → ${p.to}`).join(', ')}`}
          </li>
        ))}
      </ul>
      {report.affected.length > SHOWN && (
        <p className="muted">{t('more', { n: report.affected.length - SHOWN })}</p>
      )}
    </div>
  );
}
