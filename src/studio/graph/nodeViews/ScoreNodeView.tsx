import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';

const messages = defineMessages({
  'zh-CN': {
    weightedSum: '加权求和',
    min: '取最小值',
    max: '取最大值',
    normalize: '归一化 {a}–{b} → {c}–{d}',
    round: '取整：{mode}',
  },
  en: {
    weightedSum: 'weighted sum',
    min: 'minimum',
    max: 'maximum',
    normalize: 'normalize {a}–{b} → {c}–{d}',
    round: 'round: {mode}',
  },
});

export function ScoreNodeView({ node }: NodeViewProps<'score'>) {
  const t = useMessages(messages);
  const { terms, combine, normalize, round } = node.config;
  return (
    <div className="nv">
      <strong>{t(combine)}</strong>
      <ul className="nv-list nv-mono">
        {terms.map((term, i) => (
          <li key={i}>
            {term.weight} × {term.ref}
          </li>
        ))}
      </ul>
      {normalize && (
        <div className="nv-muted">
          {t('normalize', {
            a: normalize.fromMin,
            b: normalize.fromMax,
            c: normalize.toMin,
            d: normalize.toMax,
          })}
        </div>
      )}
      {round !== 'none' && <div className="nv-muted">{t('round', { mode: round })}</div>}
    </div>
  );
}
