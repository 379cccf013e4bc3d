import { createElement } from 'react';
import type { PackPartInspectorProps } from '../common/types.ts';

/** Shows the catalogue as JSON until the no-code editor replaces it. */
export function ProductsInspector({ pack }: PackPartInspectorProps) {
  return createElement(
    'pre',
    { className: 'inspector-json' },
    JSON.stringify(pack.products, null, 2),
  );
}
