import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { NodeKind, NodeOfKind, Pack, PackChange } from '../domain/index.ts';
import { LocaleProvider, type UiLocale } from '../studio/i18n/index.tsx';
import type { InspectorProps } from '../studio/inspectors/common/types.ts';

/** Server-renders an inspector for one node of a pack, for tests; changes go to `changes`. */
export function renderInspector<K extends NodeKind>(
  Inspector: ComponentType<InspectorProps<K>>,
  pack: Pack,
  nodeId: string,
  locale: UiLocale = 'zh-CN',
): { html: string; changes: PackChange[] } {
  const nodeIndex = pack.graph.nodes.findIndex((n) => n.id === nodeId);
  const node = pack.graph.nodes[nodeIndex] as NodeOfKind<K>;
  const changes: PackChange[] = [];
  const html = renderToStaticMarkup(
    <LocaleProvider locale={locale} setLocale={() => {}}>
      <Inspector
        pack={pack}
        node={node}
        nodeIndex={nodeIndex}
        dispatch={(c) => changes.push(c)}
        problems={[]}
      />
    </LocaleProvider>,
  );
  return { html, changes };
}
