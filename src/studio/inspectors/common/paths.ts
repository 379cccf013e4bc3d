import type { PathKey } from '../../../domain/index.ts';

/** The path of node `nodeIndex`, or of something inside it: `nodePath(3, 'config', 'bands')`. */
export function nodePath(nodeIndex: number, ...rest: PathKey[]): PathKey[] {
  return ['graph', 'nodes', nodeIndex, ...rest];
}
