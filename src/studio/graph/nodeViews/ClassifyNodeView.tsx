import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { usePackSlice } from '../packStore.tsx';
import { levelColor } from './summaries.ts';

const messages = defineMessages({
  'zh-CN': { limits: '{caps} 个上限 · {floors} 个下限', rules: '规则限制：{ids}' },
  en: { limits: '{caps} caps · {floors} floors', rules: 'rule limits: {ids}' },
});

/** The bands as a ruler: widths in proportion to each band's range, coloured by level. */
export function ClassifyNodeView({ node }: NodeViewProps<'classify'>) {
  const t = useMessages(messages);
  const { bands, caps, floors, rulesLimits, scale: scaleId } = node.config;
  const scale = usePackSlice((p) => p.vocabulary.scales.find((s) => s.id === scaleId));
  const levelIds = scale?.levels.map((l) => l.id) ?? bands.map((b) => b.level);
  const lo = Math.min(...bands.map((b) => b.min));
  const hi = Math.max(...bands.map((b) => b.max));
  const span = hi - lo || 1;
  return (
    <div className="nv">
      <div className="nv-mono nv-muted">{node.config.input}</div>
      <div
        className="nv-ruler"
        role="img"
        aria-label={bands.map((b) => `${b.level} ${b.min}-${b.max}`).join(', ')}
      >
        {bands.map((b, i) => (
          <span
            key={i}
            style={{
              flexGrow: Math.max(b.max - b.min, span / 50),
              background: levelColor(Math.max(0, levelIds.indexOf(b.level)), levelIds.length),
            }}
            title={`${b.level}: ${b.min}–${b.max}`}
          >
            {b.level}
          </span>
        ))}
      </div>
      <div className="nv-ruler-scale">
        <span>{lo}</span>
        <span>{hi}</span>
      </div>
      {(caps.length > 0 || floors.length > 0) && (
        <div className="nv-muted">{t('limits', { caps: caps.length, floors: floors.length })}</div>
      )}
      {rulesLimits.length > 0 && (
        <div className="nv-muted">{t('rules', { ids: rulesLimits.join(', ') })}</div>
      )}
    </div>
  );
}
