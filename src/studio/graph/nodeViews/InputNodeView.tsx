import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';
import { usePackSlice } from '../packStore.tsx';

const messages = defineMessages({
  'zh-CN': { facts: '{n} 项客户信息', more: '另有 {n} 项', also: '问卷答案 · 评估上下文' },
  en: { facts: '{n} client facts', more: '{n} more', also: 'answers · context' },
});

const SHOWN = 5;

export function InputNodeView(_: NodeViewProps<'input'>) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const facts = usePackSlice((p) => p.vocabulary.facts);
  return (
    <div className="nv">
      <div>{t('facts', { n: facts.length })}</div>
      <ul className="nv-list">
        {facts.slice(0, SHOWN).map((f) => (
          <li key={f.id}>
            <span className="nv-mono">{f.id}</span>{' '}
            <span className="nv-muted">{localize(f.label)}</span>
          </li>
        ))}
      </ul>
      {facts.length > SHOWN && (
        <div className="nv-muted">{t('more', { n: facts.length - SHOWN })}</div>
      )}
      <div className="nv-muted">{t('also')}</div>
    </div>
  );
}
