import { useMemo } from 'react';
import type { Pack } from '../../../domain/index.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { ValueType } from '../../../engine/index.ts';
import { typeName } from './typeNames.ts';
import { scopeRefs, type RefOption } from './scopeRefs.ts';

const messages = defineMessages({
  'zh-CN': {
    facts: '客户信息',
    answers: '问卷答案',
    context: '评估上下文',
    node: '节点 {id}',
    choose: '— 选择 —',
    unavailable: '{ref}（当前不可用）',
    unavailableHint: '此引用不在本节点的上游范围内，或类型不符',
  },
  en: {
    facts: 'Client facts',
    answers: 'Answers',
    context: 'Context',
    node: 'Node {id}',
    choose: '— choose —',
    unavailable: '{ref} (not available here)',
    unavailableHint: 'This reference is not upstream of this node, or has the wrong type',
  },
});

type Props = {
  pack: Pack;
  /** The node that reads the value: only what is upstream of it is offered. */
  nodeId: string;
  value: string | undefined;
  onChange: (ref: string) => void;
  /** Only references whose type fits, e.g. numbers for score terms, booleans for caps. */
  wanted?: ValueType;
  label: string;
  /** A first choice that clears the reference, e.g. "always" for a condition that may be left out. */
  none?: { label: string; onPick: () => void };
};

type Group = { key: string; title: string; options: RefOption[] };

/**
 * Picks a value reference from the scope a node can read: facts, `answers`, `context`, and the
 * upstream nodes' outputs. No free typing: a name that does not exist cannot be entered.
 */
export function RefPicker({ pack, nodeId, value, onChange, wanted, label, none }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const options = useMemo(() => scopeRefs(pack, nodeId, wanted), [pack, nodeId, wanted]);
  const groups = useMemo(() => {
    const byKey = new Map<string, Group>();
    for (const o of options) {
      const key = o.group.kind === 'node' ? `node:${o.group.nodeId}` : o.group.kind;
      const title =
        o.group.kind === 'node'
          ? t('node', { id: o.group.nodeId })
          : t(o.group.kind === 'fact' ? 'facts' : o.group.kind);
      const group = byKey.get(key) ?? { key, title, options: [] };
      group.options.push(o);
      byKey.set(key, group);
    }
    return [...byKey.values()];
  }, [options, t]);
  const factLabels = useMemo(
    () => new Map(pack.vocabulary.facts.map((f) => [f.id, localize(f.label)])),
    [pack.vocabulary.facts, localize],
  );
  const known = value !== undefined && options.some((o) => o.ref === value);

  return (
    <select
      className={`ref-picker${value && !known ? ' invalid' : ''}`}
      aria-label={label}
      title={value && !known ? t('unavailableHint') : label}
      value={value ?? ''}
      onChange={(e) => {
        if (e.target.value) onChange(e.target.value);
        else none?.onPick();
      }}
    >
      {none ? (
        <option value="">{none.label}</option>
      ) : (
        !value && <option value="">{t('choose')}</option>
      )}
      {value && !known && <option value={value}>{t('unavailable', { ref: value })}</option>}
      {groups.map((g) => (
        <optgroup key={g.key} label={g.title}>
          {g.options.map((o) => (
            <option key={o.ref} value={o.ref}>
              {o.ref}
              {factLabels.has(o.ref) ? ` · ${factLabels.get(o.ref)}` : ''} (
              {typeName(o.type, locale)})
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
