import { memo, type ComponentType, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { GraphNode } from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { kindEntry } from '../nodeKinds/index.ts';
import type { PackFlowNode } from './flowModel.ts';

const messages = defineMessages({
  'zh-CN': { errors: '{n} 个错误', warnings: '{n} 个警告' },
  en: { errors: '{n} errors', warnings: '{n} warnings' },
});

/** One node on the canvas: a header common to every kind, and the kind's own view as the body. */
export const PackNode = memo(function PackNode({ data, selected }: NodeProps<PackFlowNode>) {
  const { node, problems, trace } = data;
  const entry = kindEntry(node.kind);
  const kindText = useMessages(entry.label);
  const t = useMessages(messages);
  const localize = useLocalize();
  const View = entry.NodeView as ComponentType<{ node: GraphNode }>;
  const style = { '--accent': entry.color } as CSSProperties;
  const title = localize(node.label) || kindText('name');
  const problemText = (list: typeof problems.errors) =>
    list.map((p) => localize(p.message)).join('\n');
  return (
    <div
      className={`pack-node${selected ? ' selected' : ''}${problems.errors.length ? ' has-errors' : ''}`}
      style={style}
      data-node-id={node.id}
      data-kind={node.kind}
    >
      {entry.handles.target && <Handle type="target" position={Position.Left} />}
      <header className="pack-node-header">
        <span className="pack-node-icon" aria-hidden>
          {entry.icon}
        </span>
        <span className="pack-node-title">{title}</span>
        {problems.errors.length > 0 && (
          <span
            className="pack-node-badge error"
            title={problemText(problems.errors)}
            aria-label={t('errors', { n: problems.errors.length })}
          >
            {problems.errors.length}
          </span>
        )}
        {problems.warnings.length > 0 && (
          <span
            className="pack-node-badge warning"
            title={problemText(problems.warnings)}
            aria-label={t('warnings', { n: problems.warnings.length })}
          >
            {problems.warnings.length}
          </span>
        )}
      </header>
      <div className="pack-node-sub">
        <span className="pack-node-kind">{kindText('name')}</span>
        <span className="pack-node-id">{node.id}</span>
      </div>
      <div className="pack-node-body">
        <View node={node} />
      </div>
      {trace && (
        <div className="pack-node-trace" data-testid="node-trace">
          <div className="pack-node-trace-summary">{trace.summary}</div>
          {trace.fired.length > 0 && (
            <ul className="pack-node-trace-fired">
              {trace.fired.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {entry.handles.source && <Handle type="source" position={Position.Right} />}
    </div>
  );
});
