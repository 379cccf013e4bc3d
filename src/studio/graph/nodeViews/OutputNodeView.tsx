import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { useCodeLabels } from '../../i18n/useCodeLabels.ts';
import { usePackSlice } from '../packStore.tsx';

const messages = defineMessages({
  'zh-CN': { none: '尚无输出', verdicts: '产品结论来自 {id}' },
  en: { none: 'no outputs yet', verdicts: 'product verdicts from {id}' },
});

export function OutputNodeView({ node }: NodeViewProps<'output'>) {
  const t = useMessages(messages);
  const { outputs, verdicts } = node.config;
  const labels = useCodeLabels(usePackSlice((p) => p));
  return (
    <div className="nv">
      {outputs.length === 0 && <div className="nv-muted">{t('none')}</div>}
      <ul className="nv-list">
        {outputs.map((o) => (
          <li key={o.name} title={o.name}>
            {o.kind === 'flag' ? '⚑ ' : ''}
            <strong>{o.label ? labels.name(o.name) : o.name}</strong>{' '}
            <span className="nv-muted nv-mono">← {o.ref}</span>
          </li>
        ))}
      </ul>
      {verdicts && <div className="nv-muted">{t('verdicts', { id: verdicts })}</div>}
    </div>
  );
}
