import type { InspectorProps } from '../common/types.ts';

export function ScoreInspector({ node }: InspectorProps<'score'>) {
  return <pre className="inspector-json">{JSON.stringify(node.config, null, 2)}</pre>;
}
