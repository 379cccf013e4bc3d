import type { InspectorProps } from '../common/types.ts';

export function OutputInspector({ node }: InspectorProps<'output'>) {
  return <pre className="inspector-json">{JSON.stringify(node.config, null, 2)}</pre>;
}
