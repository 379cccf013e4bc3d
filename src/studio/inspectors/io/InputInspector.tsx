import type { InspectorProps } from '../common/types.ts';

export function InputInspector({ node }: InspectorProps<'input'>) {
  return <pre className="inspector-json">{JSON.stringify(node.config, null, 2)}</pre>;
}
