import { useMemo } from 'react';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { summarizeRules } from './summaries.ts';
import { useCodeLabels } from '../../i18n/useCodeLabels.ts';
import { usePackSlice } from '../packStore.tsx';

const messages = defineMessages({
  'zh-CN': { rules: '{n} 条规则', none: '尚无规则' },
  en: { rules: '{n} rules', none: 'no rules yet' },
});

export function RulesNodeView({ node }: NodeViewProps<'rules'>) {
  const t = useMessages(messages);
  const s = useMemo(() => summarizeRules(node.config), [node.config]);
  const labels = useCodeLabels(usePackSlice((p) => p));
  return (
    <div className="nv">
      <div>{s.rules === 0 ? t('none') : t('rules', { n: s.rules })}</div>
      <div className="nv-chips">
        {s.flags.map((f) => (
          <span key={`f-${f}`} className="nv-chip flag" title={f}>
            ⚑ {labels.name(f)}
          </span>
        ))}
        {s.sets.map((name) => (
          <span key={`s-${name}`} className="nv-chip" title={name}>
            = {labels.name(name)}
          </span>
        ))}
        {s.limits.map((l) => (
          <span key={`l-${l}`} className="nv-chip">
            {l}
          </span>
        ))}
      </div>
    </div>
  );
}
