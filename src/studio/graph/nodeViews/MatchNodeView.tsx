import type { MatchDimension } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { usePackSlice } from '../packStore.tsx';
import { VERDICT_COLORS } from './summaries.ts';

const messages = defineMessages({
  'zh-CN': { dims: '{n} 个匹配维度', policies: '{n} 条策略', products: '{n} 个产品' },
  en: { dims: '{n} dimensions', policies: '{n} policies', products: '{n} products' },
});

type Matrix = Extract<MatchDimension, { kind: 'matrix' }>;

/** The level x risk matrix in miniature, then the other dimensions by name. */
export function MatchNodeView({ node }: NodeViewProps<'match'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { dimensions, policies } = node.config;
  const matrix = dimensions.find((d): d is Matrix => d.kind === 'matrix');
  const others = dimensions.filter((d) => d !== matrix);
  const clientScale = usePackSlice((p) =>
    p.vocabulary.scales.find((s) => s.id === matrix?.clientScale),
  );
  const riskScaleId = usePackSlice((p) => p.products.riskScale);
  const riskScale = usePackSlice((p) => p.vocabulary.scales.find((s) => s.id === riskScaleId));
  const productCount = usePackSlice((p) => p.products.items.length);
  const rows = clientScale?.levels.map((l) => l.id) ?? Object.keys(matrix?.cells ?? {});
  const cols = riskScale?.levels.map((l) => l.id) ?? [];
  return (
    <div className="nv">
      {matrix && (
        <table className="nv-matrix" aria-label={localize(matrix.label)}>
          <tbody>
            <tr>
              <th />
              {cols.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
            {rows.map((r) => (
              <tr key={r}>
                <th>{r}</th>
                {cols.map((c) => {
                  const verdict = matrix.cells[r]?.[c];
                  return (
                    <td
                      key={c}
                      title={`${r} × ${c}: ${verdict ?? '—'}`}
                      style={{ background: verdict ? VERDICT_COLORS[verdict] : '#e5e7eb' }}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="nv-chips">
        {others.map((d) => (
          <span key={d.id} className="nv-chip">
            {localize(d.label)}
          </span>
        ))}
      </div>
      <div className="nv-muted">
        {t('dims', { n: dimensions.length })} · {t('policies', { n: policies.length })} ·{' '}
        {t('products', { n: productCount })}
      </div>
    </div>
  );
}
