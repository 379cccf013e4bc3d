import { createElement } from 'react';
import type { InspectorProps } from '../common/types.ts';

/** Shows the node's configuration as JSON until the no-code editor replaces it. */
export function TableInspector({ node }: InspectorProps<'table'>) {
  return createElement(
    'pre',
    { className: 'inspector-json' },
    JSON.stringify(node.config, null, 2),
  );
}
