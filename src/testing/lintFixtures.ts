import miniPack from '../domain/fixtures/miniPack.json' with { type: 'json' };
import { parsePack, type Pack, type PackInput } from '../domain/index.ts';
import { lintPack } from '../engine/lint/lintPack.ts';

/** The mini pack (scores 0-30 in whole points: Q1 0/10/20, Q2 0/5/10), changed by `edit`. */
export function mini(edit: (p: PackInput & Record<string, never>) => void = () => {}): Pack {
  const input = structuredClone(miniPack) as unknown as PackInput & Record<string, never>;
  edit(input);
  const result = parsePack(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result.pack;
}

export type AnyNode = { id: string; kind: string; config: Record<string, unknown> };

export const nodeIn = (p: PackInput, id: string) =>
  (p.graph.nodes as unknown as AnyNode[]).find((n) => n.id === id) as AnyNode;

/** What lint finds, as `severity code path` lines. */
export const codes = (pack: Pack) => lintPack(pack).map((p) => `${p.severity} ${p.code} ${p.path}`);
