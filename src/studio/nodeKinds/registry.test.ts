import { describe, expect, it } from 'vitest';
import { applyChange, NODE_KINDS, NodeSchema, PackSchema, type Pack } from '../../domain/index.ts';
import { validatePack } from '../../engine/index.ts';
import { addNodeChange, connectChange, uniqueNodeId } from '../graph/graphEdits.ts';
import { loadStarterPack } from '../../testing/starterPackFiles.ts';
import { NODE_KIND_ENTRIES, PALETTE_KINDS, kindEntry } from './index.ts';
import { evenBands } from './defaults.ts';

const packs = [
  loadStarterPack('cn-csrc-2017'),
  loadStarterPack('cn-bank-wealth'),
  loadStarterPack('eu-mifid2'),
];

/** The pack with a new node of `kind` fed by every node that can feed it. */
function withNewNode(pack: Pack, kind: (typeof NODE_KINDS)[number]): { pack: Pack; id: string } {
  const id = uniqueNodeId(pack, kind);
  let next = applyChange(pack, addNodeChange(pack, kindEntry(kind).createDefault(pack, id)));
  if (kindEntry(kind).handles.target)
    for (const source of pack.graph.nodes) {
      if (source.kind === 'output') continue;
      const r = connectChange(next, source.id, id);
      if (r.ok) next = applyChange(next, r.change);
    }
  return { pack: next, id };
}

describe('node-kind registry', () => {
  it('has one entry per kind of the pack format', () => {
    expect([...PALETTE_KINDS].sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) expect(NODE_KIND_ENTRIES[kind].kind).toBe(kind);
  });

  it.each(packs.map((p) => [p.id, p] as const))(
    'makes schema-valid defaults for every kind in %s',
    (_, pack) => {
      for (const kind of NODE_KINDS) {
        const { pack: next, id } = withNewNode(pack, kind);
        const node = next.graph.nodes.find((n) => n.id === id);
        expect(NodeSchema.safeParse(node).success, kind).toBe(true);
        expect(PackSchema.safeParse(next).success, kind).toBe(true);
      }
    },
  );

  it.each(packs.map((p) => [p.id, p] as const))(
    'makes defaults the validator accepts once connected, in %s',
    (_, pack) => {
      for (const kind of [
        'questionnaire',
        'score',
        'rules',
        'table',
        'classify',
        'match',
      ] as const) {
        const { pack: next, id } = withNewNode(pack, kind);
        const errors = validatePack(next).filter((p) => p.severity === 'error' && p.nodeId === id);
        expect(
          errors.map((e) => `${e.path}: ${e.message.en}`),
          kind,
        ).toEqual([]);
      }
    },
  );
});

describe('uniqueNodeId', () => {
  it('avoids node ids, fact ids and the reserved scope roots', () => {
    const pack = packs[0] as Pack;
    const fact = pack.vocabulary.facts[0]?.id as string;
    expect(uniqueNodeId(pack, 'classify')).toBe('classify2');
    expect(uniqueNodeId(pack, fact)).toBe(`${fact}2`);
    expect(uniqueNodeId(pack, 'answers')).toBe('answers2');
    expect(uniqueNodeId(pack, 'fresh')).toBe('fresh');
  });
});

it('splits a range into contiguous integer bands, lowest level first', () => {
  expect(evenBands(['C1', 'C2', 'C3', 'C4'])).toEqual([
    { level: 'C1', min: 0, max: 24 },
    { level: 'C2', min: 25, max: 49 },
    { level: 'C3', min: 50, max: 74 },
    { level: 'C4', min: 75, max: 100 },
  ]);
});
