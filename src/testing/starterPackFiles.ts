import { parsePack, type Pack } from '../domain/index.ts';

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
