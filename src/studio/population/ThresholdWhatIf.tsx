import { useMemo } from 'react';
import type { Pack } from '../../domain/index.ts';
import { countWhatIf } from '../../engine/index.ts';
import { defineMessages, messageText, useLocalize, useMessages } from '../i18n/index.tsx';
import { selectKey, usePackState } from '../state/index.ts';
import { DEFAULT_COUNT } from './GeneratePanel.tsx';
import { generatorDefaults, localDate } from './generatorDefaults.ts';
import {
  cancelRun,
  packSignature,
  startRun,
  useGenerator,
  usePopulationRun,
  type Band,
} from './populationStore.ts';
import { formatCount, movesOf, reachRows, signed } from './summary.ts';
import { useWhatIfPreview } from './whatIfPreview.ts';
import './population.css';

const messages = defineMessages({
  'zh-CN': {
    title: '客群模拟（what-if）',
    none: '尚无客群结果：生成并评估一批模拟客户，拖动分界即可看到客户在等级间的移动。',
    other: '客群分析针对的是节点“{node}”。',
    stale: '规则包在客群评估之后有改动（分数区间之外），请重新评估。',
    run: '评估 {n} 位模拟客户',
    running: '正在评估客群：{done} / {total}',
    cancel: '取消',
    moved: '相对评估时的分数区间，{n} 位客户（共 {total} 位）改变等级',
    from: '从 \\ 到',
    fails: '失败',
    reach: '产品可达性变化',
    product: '产品',
    allowed: '允许',
    warn: '警示',
    prohibited: '禁止',
    noReach: '没有产品的可达性变化',
    label: '{n} 位模拟客户（种子 {seed}）',
  },
  en: {
    title: 'Population what-if',
    none: 'No population yet: generate and evaluate synthetic clients, then drag a boundary to see clients move between levels.',
    other: 'The population was analysed for node "{node}".',
    stale:
      'The pack changed after the population was evaluated (beyond the score bands): evaluate again.',
    run: 'Evaluate {n} synthetic clients',
    running: 'Evaluating the population: {done} / {total}',
    cancel: 'Cancel',
    moved: '{n} of {total} clients change level against the bands at evaluation',
    from: 'from \\ to',
    fails: 'fails',
    reach: 'Product reach changes',
    product: 'Product',
    allowed: 'allowed',
    warn: 'warn',
    prohibited: 'prohibited',
    noReach: 'No product changes reach',
    label: '{n} synthetic clients (seed {seed})',
  },
});

type Props = { pack: Pack; nodeId: string; bands: Band[] };

/** How many clients move level, and how product reach changes, at the bands shown on the ruler. */
export function ThresholdWhatIf({ pack, nodeId, bands }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const key = usePackState(selectKey);
  const run = usePopulationRun(key);
  const generator = useGenerator(key);
  const preview = useWhatIfPreview(nodeId);
  const shown = preview ?? bands;
  const ready =
    run?.status === 'done' &&
    run.table &&
    run.classifyId === nodeId &&
    run.signature === packSignature(pack, nodeId);
  const result = useMemo(() => {
    if (!ready || !run.table) return undefined;
    return {
      counts: countWhatIf(run.table, shown, run.baseline),
      base: countWhatIf(run.table, run.baseline),
    };
  }, [ready, run, shown]);

  const evaluate = () => {
    if (!key) return;
    const config = generator?.config ?? generatorDefaults(pack, localDate(new Date()));
    const count = generator?.count ?? DEFAULT_COUNT;
    startRun(
      key,
      pack,
      nodeId,
      { kind: 'generated', config, count },
      messageText(messages, 'label', { n: formatCount(count), seed: config.seed }),
    );
  };

  let body;
  if (run?.status === 'running')
    body = (
      <div className="insp-row">
        <progress max={run.total} value={run.done} className="pop-progress" />
        <span className="insp-muted">
          {t('running', { done: formatCount(run.done), total: formatCount(run.total) })}
        </span>
        <button className="btn btn-small" onClick={cancelRun}>
          {t('cancel')}
        </button>
      </div>
    );
  else if (!ready || !result || !run.table)
    body = (
      <>
        {run?.status === 'failed' && run.failure && (
          <p className="insp-error">{localize(run.failure)}</p>
        )}
        <p className="insp-muted">
          {run?.table && run.classifyId !== nodeId
            ? t('other', { node: run.classifyId })
            : run?.table
              ? t('stale')
              : t('none')}
        </p>
        <button className="btn btn-small" onClick={evaluate} data-testid="whatif-evaluate">
          {t('run', { n: formatCount(generator?.count ?? DEFAULT_COUNT) })}
        </button>
      </>
    );
  else {
    const { levels, products } = run.table.shape;
    const L = levels.length;
    const { counts, base } = result;
    const moved = movesOf(counts, levels).reduce((s, m) => s + m.count, 0);
    const names = new Map(pack.products.items.map((p) => [p.id, localize(p.name)]));
    const changed = reachRows(counts, products, base).filter(
      (r) => r.delta && (r.delta.allowed !== 0 || r.delta.warn !== 0 || r.delta.prohibited !== 0),
    );
    const rows = [...levels, t('fails')];
    body = (
      <>
        <p className="whatif-summary" data-moved={moved}>
          {t('moved', { n: formatCount(moved), total: formatCount(run.table.n - counts.invalid) })}
        </p>
        <table className="pop-table whatif-matrix" data-testid="whatif-matrix">
          <thead>
            <tr>
              <th>{t('from')}</th>
              {rows.map((r) => (
                <th key={r} className="num">
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, a) => (
              <tr key={r}>
                <th>{r}</th>
                {rows.map((c, b) => {
                  const n = counts.moves[a * (L + 1) + b] ?? 0;
                  const cls =
                    n === 0 ? 'num zero' : a === b ? 'num stay' : a < b ? 'num up' : 'num down';
                  return (
                    <td key={c} className={cls} data-cell={`${r}-${c}`}>
                      {n === 0 ? '·' : formatCount(n)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <h4 className="whatif-sub">{t('reach')}</h4>
        {changed.length === 0 ? (
          <p className="insp-muted">{t('noReach')}</p>
        ) : (
          <table className="pop-table whatif-reach" data-testid="whatif-reach">
            <thead>
              <tr>
                <th>{t('product')}</th>
                <th className="num">{t('allowed')}</th>
                <th className="num">{t('warn')}</th>
                <th className="num">{t('prohibited')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((r) => (
                <tr key={r.product}>
                  <td title={names.get(r.product)}>{r.product}</td>
                  {(['allowed', 'warn', 'prohibited'] as const).map((v) => (
                    <td key={v} className="num">
                      {formatCount(r[v])} <small>({signed(r.delta?.[v] ?? 0)})</small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <div className="whatif" data-testid="whatif">
      <h4 className="whatif-sub">{t('title')}</h4>
      {body}
    </div>
  );
}
