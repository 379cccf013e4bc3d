import type { InspectorProps } from '../common/types.ts';

export function ClassifyInspector({ node }: InspectorProps<'classify'>) {
  return <pre className="inspector-json">{JSON.stringify(node.config, null, 2)}</pre>;
}
