import type { LocalizedText, PackChange, PathKey } from '../../../domain/index.ts';

/** The path of node `nodeIndex`, or of something inside it: `nodePath(3, 'config', 'bands')`. */
export function nodePath(nodeIndex: number, ...rest: PathKey[]): PathKey[] {
  return ['graph', 'nodes', nodeIndex, ...rest];
}

/** The path of something inside node `nodeIndex`'s config: `configPath(3, 'bands', 0, 'min')`. */
export function configPath(nodeIndex: number, ...rest: PathKey[]): PathKey[] {
  return nodePath(nodeIndex, 'config', ...rest);
}

/**
 * A named intent: the changes one user action makes, as one undoable step, with its name and what
 * it did in words for the history. Edit builders return these; components never spell out a path.
 */
export function intent(label: string, text: LocalizedText, ...changes: PackChange[]): PackChange {
  return { type: 'batch', changes, label, text };
}
