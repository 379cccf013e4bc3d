import { useMemo, useRef, useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { hashPack, type EvaluationInputDraft, type Scenario } from '../../domain/index.ts';
import {
  applyScenario,
  buildNotices,
  compilePack,
  listCsv,
  listJsonl,
  monitorLists,
  noticesHtml,
  windowEndOf,
  type Holding,
  type MonitorReport,
  type Notice,
} from '../../engine/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { selectPack, usePackState } from '../state/index.ts';
import { downloadText } from '../versions/download.ts';
import type { PoolRun } from '../workers/workerPool.ts';
import { runMonitor } from '../workers/monitorPool.ts';
import type { BadRow } from '../population/clientFile.ts';
import { readClients, readHoldings } from './bookFiles.ts';
import { columnWord, shownColumns } from './columnWords.ts';

const messages = defineMessages({
  'zh-CN': {
    clients: '客户文件（CSV / JSONL）',
    holdings: '持仓文件（CSV：clientId, productId, amount, since）',
    asOf: '监控日期',
    within: '到期窗口',
    scenario: '市场情景',
    none: '无（仅检查到期与持仓）',
    quick: '按标签调整风险等级',
    tags: '标签（全部满足，逗号分隔）',
    shift: '调整级数',
    run: '运行监控',
    cancel: '取消',
    progress: '监控进度 {done} / {total}',
    loaded: '{n} 位客户，{h} 笔持仓',
    badRow: '第 {line} 行：',
    lists: '工作清单',
    notice: '告知书',
    print: '打印',
    printAll: '打印全部告知书（每页一份）',
    chart: '不再适当的持仓金额（按产品）',
    changes: '等级、专业身份或匹配意见有变化的客户',
    'unsuitable-holdings': '不再适当的持仓',
    'unsuitable-by-product': '按产品',
    'unsuitable-by-client': '按客户（按金额）',
    expiring: '即将到期 / 年龄阈值',
    'rating-changes': '风险等级调整的产品',
    'rating-holders': '调整产品的持有人',
    errors: '无法评估的客户',
    failed: '监控失败：',
  },
  en: {
    clients: 'Client file (CSV / JSONL)',
    holdings: 'Holdings file (CSV: clientId, productId, amount, since)',
    asOf: 'As of',
    within: 'Expiry window',
    scenario: 'Market scenario',
    none: 'None (expiries and holdings only)',
    quick: 'Re-rate by tags',
    tags: 'Tags (all of them, comma-separated)',
    shift: 'Levels up',
    run: 'Run monitoring',
    cancel: 'Cancel',
    progress: 'Monitoring {done} / {total}',
    loaded: '{n} clients, {h} holdings',
    badRow: 'line {line}: ',
    lists: 'Work lists',
    notice: 'Notice',
    print: 'Print',
    printAll: 'Print every notice (one per page)',
    chart: 'Amount no longer suitable, by product',
    changes: 'Clients whose level, professional status or a verdict changed',
    'unsuitable-holdings': 'Holdings no longer suitable',
    'unsuitable-by-product': 'By product',
    'unsuitable-by-client': 'By client (by amount)',
    expiring: 'Expiring / age thresholds',
    'rating-changes': 'Re-rated products',
    'rating-holders': 'Holders of re-rated products',
    errors: 'Clients that could not be evaluated',
    failed: 'Monitoring failed: ',
  },
});

type ListName = Parameters<ReturnType<typeof useMessages<keyof (typeof messages)['en']>>>[0];
const today = () => new Date().toISOString().slice(0, 10);
const SHOWN = 20;

/** Monitoring (Art. 21): a book of clients and holdings against a scenario; lists, chart, notices. */
export default function MonitoringTab(_props: EditorTabProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const pack = usePackState(selectPack);
  const compiled = useMemo(() => {
    try {
      return pack ? compilePack(pack) : undefined;
    } catch {
      return undefined; // the graph and JSON tabs say what is wrong with the pack
    }
  }, [pack]);
  const [asOf, setAsOf] = useState(today);
  const [within, setWithin] = useState('30d');
  const [scenarioId, setScenarioId] = useState('');
  const [tags, setTags] = useState('fund,equity');
  const [shift, setShift] = useState(1);
  const [clients, setClients] = useState<EvaluationInputDraft[]>([]);
  const [holdings, setHoldings] = useState<{ byClient: Record<string, Holding[]>; count: number }>({
    byClient: {},
    count: 0,
  });
  const [bad, setBad] = useState<BadRow[]>([]);
  const [progress, setProgress] = useState<[number, number] | undefined>();
  const [report, setReport] = useState<MonitorReport | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice[] | undefined>();
  const run = useRef<PoolRun | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  if (!pack || !compiled) return null;

  const scenario: Scenario | undefined =
    scenarioId === 'quick'
      ? {
          id: 'quick',
          name: {
            'zh-CN': `标签 ${tags} 上调 ${shift} 级`,
            en: `Tags ${tags}: ${shift} level(s) up`,
          },
          rerate: [
            {
              select: {
                tags: tags
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              },
              shift,
            },
          ],
        }
      : pack.scenarios?.find((s) => s.id === scenarioId);

  const loadFile = async (file: File | undefined, kind: 'clients' | 'holdings') => {
    if (!file) return;
    const text = await file.text();
    if (kind === 'clients') {
      const read = readClients(file.name, text, compiled, asOf);
      setClients(read.clients);
      setBad(read.bad);
    } else {
      const read = readHoldings(text, new Set(pack.products.items.map((p) => p.id)));
      setHoldings(read);
      setBad(read.bad);
    }
  };

  const start = () => {
    const windowEnd = windowEndOf(asOf, within);
    if (!windowEnd) return setFailure(within);
    const applied = scenario ? applyScenario(pack, scenario) : undefined;
    if (applied && !applied.ok)
      return setFailure(
        applied.problems.map((p) => `${p.path}: ${localize(p.message)}`).join('; '),
      );
    setReport(undefined);
    setNotice(undefined);
    setFailure(undefined);
    setProgress([0, clients.length]);
    run.current = runMonitor(
      {
        current: applied?.ok ? applied.pack : pack,
        ...(applied?.ok ? { base: pack } : {}),
        asOf,
        windowEnd,
        holdings: holdings.byClient,
      },
      { kind: 'clients', clients },
      {
        onProgress: (done, total) => setProgress([done, total]),
        onDone: (r) => {
          setProgress(undefined);
          setReport(r);
        },
        onFailed: (m) => {
          setProgress(undefined);
          setFailure(localize(m));
        },
      },
    );
  };
  const cancel = () => {
    run.current?.cancel();
    setProgress(undefined);
  };
  const noticesOf = (clientId?: string) =>
    report
      ? buildNotices(
          report,
          scenario
            ? ((applyScenario(pack, scenario) as { pack?: typeof pack }).pack ?? pack)
            : pack,
          {
            packId: pack.id,
            title: pack.title,
            version: pack.version,
            hash: pack.integrity?.hash ?? hashPack(pack),
            ...(scenario ? { scenario: scenario.name } : {}),
          },
        ).filter((n) => clientId === undefined || n.clientId === clientId)
      : [];
  const lists = report ? monitorLists(report) : [];

  return (
    <div className="pad monitor-tab" data-testid="monitor-tab">
      <fieldset className="monitor-inputs">
        <label>
          {t('clients')}{' '}
          <input
            type="file"
            accept=".csv,.jsonl,.ndjson"
            data-testid="monitor-clients"
            onChange={(e) => void loadFile(e.target.files?.[0], 'clients')}
          />
        </label>
        <label>
          {t('holdings')}{' '}
          <input
            type="file"
            accept=".csv"
            data-testid="monitor-holdings"
            onChange={(e) => void loadFile(e.target.files?.[0], 'holdings')}
          />
        </label>
        <p data-testid="monitor-loaded">{t('loaded', { n: clients.length, h: holdings.count })}</p>
        {bad.length > 0 && (
          <ul className="insp-error">
            {bad.slice(0, 10).map((b) => (
              <li key={b.line} data-line={b.line}>
                {t('badRow', { line: b.line })}
                {localize(b.message)}
              </li>
            ))}
          </ul>
        )}
        <label>
          {t('asOf')}{' '}
          <input
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            data-testid="monitor-asof"
          />
        </label>{' '}
        <label>
          {t('within')}{' '}
          <input value={within} size={5} onChange={(e) => setWithin(e.target.value)} />
        </label>{' '}
        <label>
          {t('scenario')}{' '}
          <select
            value={scenarioId}
            onChange={(e) => setScenarioId(e.target.value)}
            data-testid="monitor-scenario"
          >
            <option value="">{t('none')}</option>
            {(pack.scenarios ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {localize(s.name)}
              </option>
            ))}
            <option value="quick">{t('quick')}</option>
          </select>
        </label>
        {scenarioId === 'quick' && (
          <span>
            {' '}
            <label>
              {t('tags')}{' '}
              <input
                value={tags}
                onChange={(e) => setTags(e.target.value)}
                data-testid="monitor-tags"
              />
            </label>{' '}
            <label>
              {t('shift')}{' '}
              <input
                type="number"
                value={shift}
                min={-4}
                max={4}
                onChange={(e) => setShift(Number(e.target.value))}
              />
            </label>
          </span>
        )}
        <div>
          {progress ? (
            <>
              <progress value={progress[0]} max={progress[1]} />{' '}
              <span>{t('progress', { done: progress[0], total: progress[1] })}</span>{' '}
              <button type="button" onClick={cancel}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={clients.length === 0}
              onClick={start}
              data-testid="monitor-run"
            >
              {t('run')}
            </button>
          )}
        </div>
        {failure && (
          <p className="insp-error">
            {t('failed')}
            {failure}
          </p>
        )}
      </fieldset>
      {report && (
        <section data-testid="monitor-report" data-status="done">
          <h3>{t('lists')}</h3>
          <div style={{ width: '100%', maxWidth: 640, height: 200 }} data-testid="monitor-chart">
            <ResponsiveContainer>
              <BarChart data={report.byProduct.slice(0, 10)}>
                <XAxis dataKey="product" fontSize={10} />
                <YAxis fontSize={10} />
                <Tooltip />
                <Bar dataKey="amount" fill="#c2410c" isAnimationActive={false} name={t('chart')} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <button
            type="button"
            onClick={() => setNotice(noticesOf())}
            data-testid="monitor-print-all"
          >
            {t('printAll')}
          </button>
          {lists.map((l) => (
            <details key={l.name} open={l.name === 'changes'} data-list={l.name}>
              <summary>
                {t(l.name as ListName)}:{' '}
                <strong data-testid={`count-${l.name}`}>{l.rows.length}</strong>{' '}
                <button
                  type="button"
                  onClick={() => downloadText(`${l.name}.csv`, listCsv(l), 'text/csv')}
                >
                  CSV
                </button>{' '}
                <button
                  type="button"
                  onClick={() =>
                    downloadText(`${l.name}.jsonl`, listJsonl(l), 'application/x-ndjson')
                  }
                >
                  JSONL
                </button>
              </summary>
              <table className="monitor-table">
                <thead>
                  <tr>
                    {l.name === 'changes' && <th />}
                    {shownColumns(l.columns, locale).map(([h]) => (
                      <th key={h}>{columnWord(h, locale)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {l.rows.slice(0, SHOWN).map((row, i) => (
                    <tr key={i}>
                      {l.name === 'changes' && (
                        <td>
                          <button
                            type="button"
                            data-testid="monitor-notice"
                            onClick={() =>
                              setNotice(noticesOf((row as { clientId: string }).clientId))
                            }
                          >
                            {t('notice')}
                          </button>
                        </td>
                      )}
                      {shownColumns(l.columns, locale).map(([h, cell]) => (
                        <td key={h}>{String(cell(row) ?? '')}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
        </section>
      )}
      {notice && (
        <section className="monitor-notice" data-testid="monitor-notice-view">
          <button type="button" onClick={() => frame.current?.contentWindow?.print()}>
            {t('print')}
          </button>
          <iframe
            ref={frame}
            sandbox="allow-same-origin allow-modals"
            title={t('notice')}
            srcDoc={noticesHtml(notice, locale)}
            style={{ width: '100%', height: 720, border: '1px solid #ccc', background: '#fff' }}
          />
        </section>
      )}
    </div>
  );
}
