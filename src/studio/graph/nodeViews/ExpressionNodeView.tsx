import type { NodeViewProps } from '../../nodeKinds/types.ts';

/** An S-FEEL expression at a glance: its text and the type of its value. */
export function ExpressionNodeView({ node }: NodeViewProps<'expression'>) {
  const { expression, type } = node.config;
  return (
    <div className="nv">
      <div className="nv-mono">{expression}</div>
      <div className="nv-muted">→ {type}</div>
    </div>
  );
}
