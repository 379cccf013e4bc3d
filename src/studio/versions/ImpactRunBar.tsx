import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import type { ImpactRun } from './useImpactRun.ts';

const messages = defineMessages({
  'zh-CN': {
    run: '比较 {n} 位客户',
    cancel: '取消',
    progress: '比较进度',
    running: '正在比较：{done} / {total}',
    done: '已比较 {total} 位客户，用时 {seconds} 秒',
    cancelled: '已取消（完成 {done} / {total}）',
    failed: '无法比较：',
  },
  en: {
    run: 'Compare {n} clients',
    cancel: 'Cancel',
    progress: 'Comparison progress',
    running: 'Comparing: {done} / {total}',
    done: '{total} clients compared in {seconds} s',
    cancelled: 'Cancelled ({done} / {total} done)',
    failed: 'Cannot compare: ',
  },
});

/** Compare / cancel, the progress bar and how the last comparison went. */
export function ImpactRunBar(props: {
  run: ImpactRun;
  clients: number;
  ready: boolean;
  onRun: () => void;
  onCancel: () => void;
}) {
  const { run, clients, ready, onRun, onCancel } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const running = run.status === 'running';
  const params = {
    done: run.done,
    total: run.total,
    seconds: ((run.ms ?? 0) / 1000).toFixed(1),
  };
  return (
    <div className="row impact-run">
      <button
        type="button"
        className="btn btn-primary"
        data-testid="impact-run"
        disabled={running || !ready || clients === 0}
        onClick={onRun}
      >
        {t('run', { n: clients })}
      </button>
      {running && (
        <button type="button" className="btn" data-testid="impact-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
      {run.status !== 'idle' && (
        <span className="impact-status" data-testid="impact-status" data-status={run.status}>
          <progress max={Math.max(run.total, 1)} value={run.done} aria-label={t('progress')} />{' '}
          {run.status === 'running' && t('running', params)}
          {run.status === 'done' && t('done', params)}
          {run.status === 'cancelled' && t('cancelled', params)}
          {run.status === 'failed' && (
            <span className="bad" role="alert">
              {t('failed')}
              {localize(run.failure)}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
