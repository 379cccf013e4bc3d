import type { Pack, PathKey, Verdict } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { defaultCells, missingCells, nextVerdict, setCellChange } from './matrix.ts';

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
            <th>
              {t('client')} \ {t('risk')}
            </th>
            {risks.levels.map((r) => (
              <th key={r.id} title={localize(r.label)}>
                {r.id}
                <br />
                <small>{localize(r.label)}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.levels.map((l) => (
            <tr key={l.id}>
              <th title={localize(l.label)}>
                {l.id} <small>{localize(l.label)}</small>
              </th>
              {risks.levels.map((r) => {
                const verdict = cells[l.id]?.[r.id];
                return (
                  <td key={r.id}>
                    <button
                      type="button"
                      className={`verdict-cell ${verdict ?? 'missing'}`}
                      data-cell={`${l.id}-${r.id}`}
                      aria-label={t('cell', {
                        level: l.id,
                        risk: r.id,
                        verdict: verdict ? v(verdict) : '—',
                      })}
                      onClick={() =>
                        dispatch(setCellChange(path, cells, l.id, r.id, nextVerdict(verdict)))
                      }
                    >
                      {verdict ? v(verdict) : '—'}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="matrix-legend">
        <span className="verdict-cell allowed">{v('allowed')}</span>
        <span className="verdict-cell warn">{v('warn')}</span>
        <span className="verdict-cell prohibited">{v('prohibited')}</span> {t('legend')}
      </p>
      {missing.length > 0 && (
        <p className="inspector-error" role="alert">
          {t('missing', { n: missing.length, cells: missing.slice(0, 8).join(', ') })}{' '}
          <button
            type="button"
            onClick={() =>
              dispatch({
                type: 'set',
                path,
                value: {
                  ...defaultCells(
                    levels.levels.map((l) => l.id),
                    risks.levels.map((r) => r.id),
                  ),
                  ...cells,
                },
              })
            }
          >
            {t('fill')}
          </button>
        </p>
      )}
    </div>
  );
}
