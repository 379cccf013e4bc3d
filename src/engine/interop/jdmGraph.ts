import type { JdmExpression } from './jdmExpr.ts';

/** A node of a GoRules JSON Decision Model, as zen-engine reads it. */
export type JdmNode = {
  id: string;
  name: string;
  type: 'inputNode' | 'outputNode' | 'expressionNode' | 'decisionTableNode';
  position: { x: number; y: number };
  content: Record<string, unknown>;
};
export type JdmGraph = {
  contentType: 'application/vnd.gorules.decision';
  nodes: JdmNode[];
  edges: { id: string; sourceId: string; targetId: string; type: 'edge' }[];
};

/** A node before it is placed in the chain. */
export type BuiltNode = { id: string; type: JdmNode['type']; content: Record<string, unknown> };

/**
 * Where a node's output goes: under `outputPath` in the context (the whole context when null),
 * keeping what came in when `passThrough`.
 */
export const transform = (outputPath: string | null, passThrough = true) => ({
  passThrough,
  inputField: null,
  outputPath,
  executionMode: 'single',
});

/** An expression node: its lines run in order, each may read the earlier ones through `$`. */
export function expressionNode(
  id: string,
  outputPath: string | null,
  lines: JdmExpression[],
  passThrough = true,
): BuiltNode {
  return {
    id,
    type: 'expressionNode',
    content: {
      ...transform(outputPath, passThrough),
      expressions: lines.map((l, i) => ({ id: `${id}-${i}`, key: l.key, value: l.value })),
    },
  };
}
