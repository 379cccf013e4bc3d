import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { cancelRun, type PopulationRun } from './populationStore.ts';
import { formatCount } from './summary.ts';

const messages = defineMessages({
  'zh-CN': {
    node: '分析的分级节点',
    evaluate: '评估 {n} 位客户',
    cancel: '取消',
    progress: '评估进度',
    running: '正在评估 {label}：{done} / {total}',
    done: '{label}，用时 {seconds} 秒（每秒 {rate} 位）',
    cancelled: '已取消：{label}（完成 {done} / {total}）',
    failed: '评估失败：',
    stale: '规则包在这次评估之后有改动（分数区间之外），结果可能已过时，请重新评估。',
  },
  en: {
    node: 'Classify node analysed',
    evaluate: 'Evaluate {n} clients',
    cancel: 'Cancel',
    progress: 'Evaluation progress',
    running: 'Evaluating {label}: {done} / {total}',
    done: '{label}, in {seconds} s ({rate} clients/s)',
    cancelled: 'Cancelled: {label} ({done} / {total} done)',
    failed: 'Evaluation failed: ',
    stale:
      'The pack changed after this run (beyond the score bands): the results may be out of date; evaluate again.',
  },
});

type Props = {
  run: PopulationRun | undefined;
  classifyNodes: string[];
  classifyId: string;
  onClassify: (id: string) => void;
  clients: number;
  stale: boolean;
  onEvaluate: () => void;
};

/** The classify node to analyse, evaluate / cancel, the progress bar and how the last run went. */
export function RunBar(props: Props) {
  const { run, classifyNodes, classifyId, onClassify, clients, stale, onEvaluate } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const running = run?.status === 'running';
  const params = run && {
    label: localize(run.label),
    done: formatCount(run.done),
    total: formatCount(run.total),
    seconds: ((run.ms ?? 0) / 1000).toFixed(1),
    rate: formatCount(Math.round(run.total / Math.max((run.ms ?? 0) / 1000, 0.001))),
  };
  return (
    <section className="pop-run">
      <div className="pop-params">
        <label className="pop-field">
          {t('node')}
          <select
            value={classifyId}
            onChange={(e) => onClassify(e.target.value)}
            disabled={running}
          >
            {classifyNodes.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <button
          className="btn btn-primary"
          disabled={running || clients === 0}
          onClick={onEvaluate}
          data-testid="pop-evaluate"
        >
          {t('evaluate', { n: formatCount(clients) })}
        </button>
        {running && (
          <button className="btn" onClick={cancelRun} data-testid="pop-cancel">
            {t('cancel')}
          </button>
        )}
      </div>
      {run && params && (
        <div className="pop-status" data-status={run.status} data-testid="pop-status">
          <progress
            max={run.total}
            value={run.done}
            aria-label={t('progress')}
            className="pop-progress"
          />
          <span>
            {run.status === 'running' && t('running', params)}
            {run.status === 'done' && t('done', params)}
            {run.status === 'cancelled' && t('cancelled', params)}
            {run.status === 'failed' && (
              <span className="insp-error">
                {t('failed')}
                {run.failure ? localize(run.failure) : ''}
              </span>
            )}
          </span>
        </div>
      )}
      {stale && <p className="insp-warn">{t('stale')}</p>}
    </section>
  );
}
