import type { Pack } from '../../domain/index.ts';
import { analyticsToCsv, type PopulationConfig } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { downloadText } from '../versions/download.ts';
import type { PopulationSource } from '../workers/workerPool.ts';
import { AnalyticsFigures } from './AnalyticsFigures.tsx';
import { cancelAnalytics, startAnalytics, useAnalyticsRun } from './analyticsStore.ts';
import { percent } from './analyticsFormat.ts';
import { useLoadedClients } from './populationStore.ts';
import { formatCount } from './summary.ts';
import './analytics.css';

const messages = defineMessages({
  'zh-CN': {
    title: '问卷分析',
    intro:
      '看问卷本身是否好用：客户怎样作答、同一维度的题目是否一致、哪些题目能改变客户等级、否决项与自相矛盾的答案有多常见。',
    analyse: '分析 {n} 位客户的问卷',
    noClients: '先生成或载入客户',
    cancel: '取消',
    running: '正在分析：{done} / {total}',
    done: '已分析 {n} 位客户（{node} 的等级），用时 {seconds} 秒',
    errors: '{n} 位客户评估失败，未计入。',
    cancelled: '已取消（完成 {done} / {total}）',
    failed: '分析失败：',
    stale: '规则包在这次分析之后有改动，请重新分析。',
    csv: '导出 CSV',
    json: '导出 JSON',
    clients: '客户',
    knockout: '触发否决项',
    incoherent: '答案不一致',
    alpha: '整体 α 系数',
  },
  en: {
    title: 'Questionnaire analytics',
    intro:
      'Whether the questionnaire itself works: how clients answer, whether the questions of a dimension agree, which questions can change a level, and how often knock-outs and contradictory answers occur.',
    analyse: 'Analyse the questionnaire of {n} clients',
    noClients: 'Generate or load clients first',
    cancel: 'Cancel',
    running: 'Analysing: {done} / {total}',
    done: '{n} clients analysed (level of {node}) in {seconds} s',
    errors: '{n} clients could not be evaluated and are left out.',
    cancelled: 'Cancelled ({done} / {total} done)',
    failed: 'Analysis failed: ',
    stale: 'The pack changed after this analysis: analyse again.',
    csv: 'Export CSV',
    json: 'Export JSON',
    clients: 'Clients',
    knockout: 'Knock-outs',
    incoherent: 'Incoherent answers',
    alpha: 'Overall alpha',
  },
});

type Props = {
  packKey: string;
  pack: Pack;
  classifyId: string;
  /** The Population tab's source: the generator's clients, or the loaded file. */
  mode: 'generate' | 'load';
  generator: { config: PopulationConfig; count: number };
};

/** 问卷分析: questionnaire analytics over the population of the tab, in the worker pool. */
export function AnalyticsPanel({ packKey, pack, classifyId, mode, generator }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const run = useAnalyticsRun(packKey);
  const loaded = useLoadedClients(packKey);
  const source: PopulationSource | undefined =
    mode === 'generate'
      ? { kind: 'generated', config: generator.config, count: generator.count }
      : loaded && { kind: 'clients', clients: loaded.clients };
  const size = source ? (source.kind === 'generated' ? source.count : source.clients.length) : 0;
  const report = run?.report;
  const running = run?.status === 'running';
  const base = `questionnaire-analytics-${pack.id}`;
  return (
    <section className="anl" data-testid="analytics-panel" aria-labelledby="anl-title">
      <header className="anl-head">
        <h3 id="anl-title">{t('title')}</h3>
        <p className="muted">{t('intro')}</p>
        <div className="anl-actions">
          {running ? (
            <button className="btn btn-small" onClick={cancelAnalytics}>
              {t('cancel')}
            </button>
          ) : (
            <button
              className="btn btn-small btn-primary"
              data-action="analyse"
              disabled={!source || size === 0}
              onClick={() => source && startAnalytics(packKey, pack, classifyId, source)}
            >
              {size > 0 ? t('analyse', { n: formatCount(size) }) : t('noClients')}
            </button>
          )}
          {report && (
            <>
              <button
                className="btn btn-small"
                data-action="analytics-csv"
                onClick={() => downloadText(`${base}.csv`, analyticsToCsv(report), 'text/csv')}
              >
                {t('csv')}
              </button>
              <button
                className="btn btn-small"
                data-action="analytics-json"
                onClick={() =>
                  downloadText(
                    `${base}.json`,
                    `${JSON.stringify(report, null, 2)}\n`,
                    'application/json',
                  )
                }
              >
                {t('json')}
              </button>
            </>
          )}
        </div>
        {run && (
          <p className="anl-status" role="status">
            {running &&
              t('running', { done: formatCount(run.done), total: formatCount(run.total) })}
            {run.status === 'cancelled' &&
              t('cancelled', { done: formatCount(run.done), total: formatCount(run.total) })}
            {run.status === 'failed' && (
              <span className="insp-error">
                {t('failed')} {localize(run.failure)}
              </span>
            )}
            {run.status === 'done' && report && (
              <>
                {t('done', {
                  n: formatCount(report.clients),
                  node: report.classifyId,
                  seconds: ((run.ms ?? 0) / 1000).toFixed(1),
                })}{' '}
                {report.errors > 0 && t('errors', { n: formatCount(report.errors) })}
              </>
            )}
          </p>
        )}
        {run?.status === 'done' && run.pack !== pack && <p className="anl-stale">{t('stale')}</p>}
      </header>
      {report && (
        <>
          <dl className="anl-cards">
            <div>
              <dt>{t('clients')}</dt>
              <dd>{formatCount(report.clients)}</dd>
            </div>
            <div>
              <dt>{t('alpha')}</dt>
              <dd data-figure="alpha">{report.dimensions[0]?.alpha?.toFixed(2) ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('knockout')}</dt>
              <dd>{percent(report.knockout.rate)}</dd>
            </div>
            <div>
              <dt>{t('incoherent')}</dt>
              <dd>{percent(report.incoherent.rate)}</dd>
            </div>
          </dl>
          <AnalyticsFigures pack={run.pack} report={report} />
        </>
      )}
    </section>
  );
}
