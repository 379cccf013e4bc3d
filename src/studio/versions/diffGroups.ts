import { canonicalJson, type Pack } from '../../domain/index.ts';
import { DIFF_AREAS, type DiffArea, type DiffEntry } from '../../engine/index.ts';
import type { StoredRevision, StoredVersion } from '../../storage/index.ts';

export type DiffGroup = { area: DiffArea; entries: DiffEntry[] };

/** Entries by area, areas in the engine's order, empty areas left out. */
export function groupDiff(entries: readonly DiffEntry[]): DiffGroup[] {
  return DIFF_AREAS.flatMap((area) => {
    const inArea = entries.filter((e) => e.area === area);
    return inArea.length > 0 ? [{ area, entries: inArea }] : [];
  });
}

/** Graph nodes that differ between two packs (added, removed, or any field changed), by id. */
export function changedNodes(a: Pack, b: Pack): { id: string; change: DiffEntry['change'] }[] {
  const before = new Map(a.graph.nodes.map((n) => [n.id, canonicalJson(n)]));
  const after = new Map(b.graph.nodes.map((n) => [n.id, canonicalJson(n)]));
  const out: { id: string; change: DiffEntry['change'] }[] = [];
  for (const [id, text] of after) {
    const old = before.get(id);
    if (old === undefined) out.push({ id, change: 'added' });
    else if (old !== text) out.push({ id, change: 'changed' });
  }
  for (const id of before.keys()) if (!after.has(id)) out.push({ id, change: 'removed' });
  return out;
}

/** Something a diff or an impact run can compare: a saved revision or a named version. */
export type Point = {
  id: string;
  kind: 'revision' | 'named' | 'published';
  /** Revision number, or version number. */
  name: string;
  at: string;
  pack: Pack;
};

/** Newest first: named and published versions, then revisions. */
export function pointsOf(
  revisions: readonly StoredRevision[],
  versions: readonly StoredVersion[],
): Point[] {
  const named: Point[] = versions.map((v) => ({
    id: `v${v.id ?? v.version}`,
    kind: v.kind,
    name: v.version,
    at: v.at,
    pack: v.pack,
  }));
  const saved: Point[] = revisions.map((r) => ({
    id: `r${r.revision}`,
    kind: 'revision',
    name: String(r.revision),
    at: r.savedAt,
    pack: r.pack,
  }));
  return [...named.reverse(), ...saved.reverse()];
}
