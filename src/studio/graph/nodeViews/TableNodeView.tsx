import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { NodeViewProps } from '../../nodeKinds/types.ts';

const messages = defineMessages({
  'zh-CN': {
    shape: '{rows} 行 × {ins} 输入 / {outs} 输出',
    unique: '唯一命中',
    first: '首条命中',
    priority: '优先级',
    any: '任一（须一致）',
    collect: '汇总',
    ruleOrder: '按行顺序',
    outputOrder: '按输出顺序',
  },
  en: {
    shape: '{rows} rows × {ins} in / {outs} out',
    unique: 'unique',
    first: 'first',
    priority: 'priority',
    any: 'any',
    collect: 'collect',
    ruleOrder: 'rule order',
    outputOrder: 'output order',
  },
});

export function TableNodeView({ node }: NodeViewProps<'table'>) {
  const t = useMessages(messages);
  const { hitPolicy, aggregation, rows, inputs, outputs } = node.config;
  return (
    <div className="nv">
      <div className="nv-row">
        <strong>
          {t(hitPolicy)}
          {hitPolicy === 'collect' ? ` (${aggregation})` : ''}
        </strong>
        <span className="nv-mono">{hitPolicy.charAt(0).toUpperCase()}</span>
      </div>
      <div>{t('shape', { rows: rows.length, ins: inputs.length, outs: outputs.length })}</div>
      <div className="nv-muted nv-mono">
        {inputs.map((c) => c.id).join(', ')} → {outputs.map((c) => c.id).join(', ')}
      </div>
    </div>
  );
}
