import { type ComponentType } from 'react';
import type { GraphNode, Pack, PackChange } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { kindEntry } from '../nodeKinds/index.ts';
import { LocalizedField } from '../inspectors/common/LocalizedField.tsx';
import type { InspectorProps } from '../inspectors/common/types.ts';
import { ProductsInspector } from '../inspectors/products/index.ts';
import { problemsByNode } from '../graph/flowModel.ts';
import { setNodeText } from '../graph/graphEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    empty: '选择画布上的节点，在此编辑它',
    label: '名称',
    description: '说明',
    problems: '此节点的问题',
    catalogue: '产品目录',
    gone: '节点 {id} 已不存在',
  },
  en: {
    empty: 'Select a node on the canvas to edit it here',
    label: 'Name',
    description: 'Description',
    problems: 'Problems of this node',
    catalogue: 'Product catalogue',
    gone: 'Node {id} no longer exists',
  },
});

type Props = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  problems: Problem[];
  selection: string | null;
  view: 'node' | 'catalogue';
};

export function InspectorPanel({ pack, dispatch, problems, selection, view }: Props) {
  const t = useMessages(messages);
  if (view === 'catalogue')
    return (
      <aside className="inspector-panel" aria-label={t('catalogue')}>
        <h2>{t('catalogue')}</h2>
        <ProductsInspector pack={pack} dispatch={dispatch} problems={problems} />
      </aside>
    );
  if (!selection)
    return (
      <aside className="inspector-panel empty">
        <p>{t('empty')}</p>
      </aside>
    );
  const nodeIndex = pack.graph.nodes.findIndex((n) => n.id === selection);
  const node = pack.graph.nodes[nodeIndex];
  if (!node)
    return (
      <aside className="inspector-panel empty">
        <p>{t('gone', { id: selection })}</p>
      </aside>
    );
  return (
    <NodeInspector
      key={node.id}
      pack={pack}
      node={node}
      nodeIndex={nodeIndex}
      dispatch={dispatch}
      problems={problems}
    />
  );
}

function NodeInspector(props: {
  pack: Pack;
  node: GraphNode;
  nodeIndex: number;
  dispatch: (change: PackChange) => void;
  problems: Problem[];
}) {
  const { pack, node, nodeIndex, dispatch, problems } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const entry = kindEntry(node.kind);
  const kindText = useMessages(entry.label);
  const mine = problemsByNode(pack, problems).get(node.id);
  const nodeProblems = mine ? [...mine.errors, ...mine.warnings] : [];
  const Inspector = entry.Inspector as ComponentType<InspectorProps<GraphNode['kind']>>;
  return (
    <aside className="inspector-panel" aria-label={kindText('name')} data-node-id={node.id}>
      <header className="inspector-header" style={{ borderColor: entry.color }}>
        <span className="inspector-icon" style={{ background: entry.color }} aria-hidden>
          {entry.icon}
        </span>
        <div>
          <h2>{localize(node.label) || kindText('name')}</h2>
          <div className="inspector-sub">
            {kindText('name')} · <code>{node.id}</code>
          </div>
        </div>
      </header>
      <p className="inspector-hint">{kindText('hint')}</p>
      <LocalizedField
        label={t('label')}
        value={node.label}
        onCommit={(value) => dispatch(setNodeText(pack, nodeIndex, 'label', value))}
      />
      <LocalizedField
        label={t('description')}
        value={node.description}
        multiline
        onCommit={(value) => dispatch(setNodeText(pack, nodeIndex, 'description', value))}
      />
      {nodeProblems.length > 0 && (
        <section className="inspector-problems" aria-label={t('problems')}>
          {nodeProblems.map((p, i) => (
            <div key={i} className={`inspector-problem ${p.severity}`}>
              {localize(p.message)} <code>{p.path}</code>
            </div>
          ))}
        </section>
      )}
      <Inspector
        pack={pack}
        node={node}
        nodeIndex={nodeIndex}
        dispatch={dispatch}
        problems={nodeProblems}
      />
    </aside>
  );
}
