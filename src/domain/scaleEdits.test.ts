import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from './changes.ts';
import { lt } from './localized.ts';
import { blankPack } from './newPack.ts';
import { loadStarterPack } from '../testing/starterPackFiles.ts';
import type { Pack } from './pack.ts';
import { nextLevelId, planScaleEdit, type ScaleEdit } from './scaleEdits.ts';

const base = blankPack({ id: 'p', title: lt('包', 'Pack'), jurisdiction: 'CN' });

function node<K extends 'classify' | 'match'>(pack: Pack, kind: K) {
  const found = pack.graph.nodes.find((n) => n.kind === kind);
  if (!found || found.kind !== kind) throw new Error(kind);
  return found as Extract<Pack['graph']['nodes'][number], { kind: K }>;
}
const bands = (pack: Pack) => node(pack, 'classify').config.bands;
const cells = (pack: Pack) => {
  const dim = node(pack, 'match').config.dimensions[0];
  if (dim?.kind !== 'matrix') throw new Error('matrix');
  return dim.cells;
};
const levels = (pack: Pack, scale: string) =>
  pack.vocabulary.scales.find((s) => s.id === scale)?.levels.map((l) => l.id);

function apply(pack: Pack, edit: ScaleEdit) {
  const plan = planScaleEdit(pack, edit);
  if (!plan.ok) throw new Error(plan.error.en);
  return { after: applyChange(pack, plan.change), plan };
}

describe('planScaleEdit', () => {
  it('adds a client level with a matrix row like the one below it, and says it has no band', () => {
    const level = { id: 'C4', label: lt('激进型', 'Very aggressive') };
    const { after, plan } = apply(base, { kind: 'add', scale: 'clientLevel', index: 3, level });
    expect(levels(after, 'clientLevel')).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(cells(after)['C4']).toEqual(cells(base)['C3']);
    expect(plan.effects.map((e) => e.area)).toEqual(['matrix', 'bands']);
    expect(plan.change).toMatchObject({ type: 'batch', label: 'scale level add' });
  });

  it('adds a product risk level with a matrix column like its neighbour', () => {
    const level = { id: 'R4', label: lt('极高风险', 'Very high risk') };
    const { after } = apply(base, { kind: 'add', scale: 'productRisk', index: 3, level });
    for (const row of Object.values(cells(after))) expect(row['R4']).toBe(row['R3']);
  });

  it('removes a client level: its band joins the one below, its matrix row goes', () => {
    const { after, plan } = apply(base, { kind: 'remove', scale: 'clientLevel', level: 'C2' });
    expect(levels(after, 'clientLevel')).toEqual(['C1', 'C3']);
    expect(bands(after)).toEqual([
      { level: 'C1', min: 0, max: 3 },
      { level: 'C3', min: 4, max: 100 },
    ]);
    expect(Object.keys(cells(after))).toEqual(['C1', 'C3']);
    expect(cells(after)['C1']).toEqual(cells(base)['C1']);
    expect(plan.effects.some((e) => e.area === 'bands' && e.text.en.includes('0–3'))).toBe(true);
  });

  it('removes the lowest product risk level: its products move up, its column goes', () => {
    const { after, plan } = apply(base, { kind: 'remove', scale: 'productRisk', level: 'R1' });
    expect(after.products.items[0]?.risk).toBe('R2');
    expect(Object.keys(cells(after)['C1'] ?? {})).toEqual(['R2', 'R3']);
    expect(plan.effects.find((e) => e.area === 'products')?.text.en).toContain('Product 1');
  });

  it('renames a level id everywhere it is named', () => {
    const { after } = apply(base, {
      kind: 'rename',
      scale: 'productRisk',
      level: 'R1',
      id: 'PR1',
      label: lt('低', 'Low'),
    });
    expect(levels(after, 'productRisk')).toEqual(['PR1', 'R2', 'R3']);
    expect(after.products.items[0]?.risk).toBe('PR1');
    expect(cells(after)['C1']?.['PR1']).toBe('allowed');
  });

  it('renames a label alone without touching anything else', () => {
    const edit = {
      kind: 'rename',
      scale: 'clientLevel',
      level: 'C1',
      id: 'C1',
      label: lt('谨慎型', 'Cautious'),
    } as const;
    const { plan } = apply(base, edit);
    expect(plan.ok && plan.change.type === 'batch' && plan.change.changes.length).toBe(1);
    expect(plan.effects).toEqual([]);
  });

  it('moves a level and says that order is meaning', () => {
    const { after, plan } = apply(base, { kind: 'move', scale: 'clientLevel', from: 0, to: 2 });
    expect(levels(after, 'clientLevel')).toEqual(['C2', 'C3', 'C1']);
    expect(plan.effects[0]?.area).toBe('order');
  });

  it('refuses the last level, a taken id and a bad id', () => {
    const one = apply(apply(base, { kind: 'remove', scale: 'clientLevel', level: 'C1' }).after, {
      kind: 'remove',
      scale: 'clientLevel',
      level: 'C2',
    }).after;
    expect(planScaleEdit(one, { kind: 'remove', scale: 'clientLevel', level: 'C3' }).ok).toBe(
      false,
    );
    const taken = {
      kind: 'add',
      scale: 'clientLevel',
      index: 0,
      level: { id: 'C2', label: lt('x', 'x') },
    } as const;
    expect(planScaleEdit(base, taken).ok).toBe(false);
    const bad = { ...taken, level: { id: 'a b', label: lt('x', 'x') } };
    expect(planScaleEdit(base, bad).ok).toBe(false);
  });

  it('is undone by its inverse', () => {
    const plan = planScaleEdit(base, { kind: 'remove', scale: 'clientLevel', level: 'C2' });
    if (!plan.ok) throw new Error('plan');
    const after = applyChange(base, plan.change);
    expect(applyChange(after, invertChange(base, plan.change))).toEqual(base);
  });
});

describe('what a scale edit leaves as it is', () => {
  it('says which tests, options and sample clients still name a removed level', () => {
    const csrc = loadStarterPack('cn-csrc-2017');
    const horizon = csrc.vocabulary.scales.find((s) => s.role === 'horizon');
    const level = horizon?.levels[0]?.id ?? '';
    const plan = planScaleEdit(csrc, { kind: 'remove', scale: horizon?.id ?? '', level });
    if (!plan.ok) throw new Error(plan.error.en);
    const left = plan.effects.find((e) => e.area === 'unchanged');
    expect(left?.text.en).toContain(`still naming ${level}`);
  });

  it('says nothing when nothing else names the level', () => {
    const plan = planScaleEdit(base, { kind: 'remove', scale: 'clientLevel', level: 'C2' });
    expect(plan.ok && plan.effects.some((e) => e.area === 'unchanged')).toBe(false);
  });
});

describe('nextLevelId', () => {
  it('continues the numbering', () => {
    expect(nextLevelId(base.vocabulary.scales[0]!)).toBe('C4');
  });
});
