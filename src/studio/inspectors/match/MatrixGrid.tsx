import type { Pack, PathKey, Verdict } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { labelWithoutId } from '../rules/index.ts';
import { defaultCells, missingCells, nextVerdict, setCellChange } from './matrix.ts';
import { fillMatrix } from './matchEdits.ts';

/** Cells show a mark so that a 5 × 5 grid fits a side panel; the legend and tooltips give words. */
const MARKS: Record<Verdict, string> = { allowed: '✓', warn: '!', prohibited: '✕' };

export const verdictMessages = defineMessages({
  'zh-CN': { allowed: '允许', warn: '警示后可买', prohibited: '禁止' },
  en: { allowed: 'Allowed', warn: 'Warn & confirm', prohibited: 'Prohibited' },
});

const messages = defineMessages({
  'zh-CN': {
    legend: '点击格子切换：允许 → 警示 → 禁止',
    client: '客户等级',
    risk: '产品风险',
    missing: '缺少 {n} 个格子：{cells}',
    fill: '按常规填满',
    noScale: '量表“{id}”不存在',
    cell: '{level} 买 {risk}：{verdict}',
  },
  en: {
    legend: 'Click a cell to cycle: allowed → warn → prohibited',
    client: 'Client level',
    risk: 'Product risk',
    missing: '{n} cells have no verdict: {cells}',
    fill: 'Fill with the usual matrix',
    noScale: 'No scale "{id}"',
    cell: '{level} buying {risk}: {verdict}',
  },
});

type Props = {
  pack: Pack;
  clientScale: string;
  cells: Record<string, Record<string, Verdict>>;
  path: readonly PathKey[];
  dispatch: Dispatch;
};

/** Client level × product risk, one verdict per cell, edited by clicking. */
export function MatrixGrid({ pack, clientScale, cells, path, dispatch }: Props) {
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const levels = pack.vocabulary.scales.find((s) => s.id === clientScale);
  const risks = pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale);
  if (!levels || !risks)
    return (
      <p className="inspector-error">
        {t('noScale', { id: levels ? pack.products.riskScale : clientScale })}
      </p>
    );
  const missing = missingCells(
    cells,
    levels.levels.map((l) => l.id),
    risks.levels.map((r) => r.id),
  );
  return (
    <div className="matrix">
      <table className="matrix-grid" aria-label={`${t('client')} × ${t('risk')}`}>
        <thead>
          <tr>
            <th className="matrix-corner">
              {t('client')} \ {t('risk')}
            </th>
            {risks.levels.map((r) => (
              <th key={r.id} title={localize(r.label)}>
                {r.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.levels.map((l) => (
            <tr key={l.id}>
              <th title={localize(l.label)} className="matrix-level">
                {l.id} <small>{labelWithoutId(l.id, localize(l.label))}</small>
              </th>
              {risks.levels.map((r) => {
                const verdict = cells[l.id]?.[r.id];
                const words = t('cell', {
                  level: l.id,
                  risk: r.id,
                  verdict: verdict ? v(verdict) : '—',
                });
                return (
                  <td key={r.id}>
                    <button
                      type="button"
                      className={`verdict-cell ${verdict ?? 'missing'}`}
                      data-cell={`${l.id}-${r.id}`}
                      data-verdict={verdict ?? 'missing'}
                      aria-label={words}
                      title={words}
                      onClick={() =>
                        dispatch(setCellChange(path, cells, l.id, r.id, nextVerdict(verdict)))
                      }
                    >
                      {verdict ? MARKS[verdict] : '—'}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="matrix-legend">
        {(['allowed', 'warn', 'prohibited'] as const).map((x) => (
          <span key={x} className={`verdict-cell ${x}`}>
            {MARKS[x]} {v(x)}
          </span>
        ))}{' '}
        {t('legend')}
      </p>
      {missing.length > 0 && (
        <p className="inspector-error" role="alert">
          {t('missing', { n: missing.length, cells: missing.slice(0, 8).join(', ') })}{' '}
          <button
            type="button"
            onClick={() =>
              dispatch(
                fillMatrix(path, {
                  ...defaultCells(
                    levels.levels.map((l) => l.id),
                    risks.levels.map((r) => r.id),
                  ),
                  ...cells,
                }),
              )
            }
          >
            {t('fill')}
          </button>
        </p>
      )}
    </div>
  );
}
