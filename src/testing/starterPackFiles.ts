import { parsePack, type NodeConfig, type NodeKind, type Pack } from '../domain/index.ts';

// Every starter pack, read as text so that a parse error names its line; for tests (Vite's glob).
const texts = import.meta.glob<string>('../../rule-packs/*/pack.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const byName = new Map(
  Object.entries(texts).map(([path, text]) => [path.split('/').at(-2) as string, text]),
);

/** The starter packs' folder names (`cn-csrc-2017`), sorted. */
export const starterPackNames: string[] = [...byName.keys()].sort();

/** A starter pack by folder name, parsed; a pack that does not parse throws with file and line. */
export function loadStarterPack(name: string): Pack {
  const file = `rule-packs/${name}/pack.json`;
  const result = parsePack(byName.get(name) ?? '', file);
  if (!result.ok)
    throw new Error(
      result.errors.map((e) => `${file}:${e.line ?? '?'} ${e.path} ${e.message.en}`).join('\n'),
    );
  return result.pack;
}

/**
 * The first node of `kind` in `pack`, for edit tests: its index, its config, and `configOf` to
 * read the same node's config from an edited pack.
 */
export function firstNodeOfKind<K extends NodeKind>(pack: Pack, kind: K) {
  const nodeIndex = pack.graph.nodes.findIndex((n) => n.kind === kind);
  const configOf = (p: Pack): NodeConfig<K> => {
    const node = p.graph.nodes[nodeIndex];
    if (node?.kind !== kind) throw new Error(`no ${kind} node at ${nodeIndex}`);
    return node.config as NodeConfig<K>;
  };
  return { nodeIndex, configOf, config: configOf(pack) };
}
