import { describe, expect, it } from 'vitest';
import { applyChange } from './changes.ts';
import { lt } from './localized.ts';
import { blankPack } from './newPack.ts';
import { PackSchema } from './pack.ts';
import {
  addSampleClient,
  packIdLocked,
  removeSampleClient,
  renameSampleClient,
  sampleFromInput,
  setPackId,
  uniqueSampleId,
} from './sampleClientEdits.ts';

const base = blankPack({ id: 'p', title: lt('包', 'Pack'), jurisdiction: 'CN' });
const input = { answers: { Q1: 'C' }, evaluationDate: '2026-06-01' };

describe('sample clients', () => {
  it('are created from a simulation input, named, renamed and removed', () => {
    const client = sampleFromInput(base, input, lt('王先生', 'Mr Wang'));
    expect(client).toEqual({
      id: 'client',
      name: lt('王先生', 'Mr Wang'),
      input: { ...input, clientId: 'client', facts: {}, initiator: 'client' },
    });
    const added = applyChange(base, addSampleClient(base, client));
    expect(PackSchema.safeParse(added).success).toBe(true);
    expect(uniqueSampleId(added, 'client')).toBe('client-2');
    const renamed = applyChange(added, renameSampleClient(added, 0, lt('王女士', 'Ms Wang')));
    expect(renamed.sampleClients[0]?.name.en).toBe('Ms Wang');
    expect(applyChange(renamed, removeSampleClient(renamed, 0)).sampleClients).toEqual([]);
  });

  it('never share the simulation input object', () => {
    const draft = { ...input, answers: { Q1: 'A' } };
    const client = sampleFromInput(base, draft, lt('a', 'a'));
    draft.answers.Q1 = 'B';
    expect(client.input.answers['Q1']).toBe('A');
  });
});

describe('pack id', () => {
  it('changes while the pack was never published', () => {
    expect(packIdLocked(base)).toBe(false);
    expect(applyChange(base, setPackId(base, 'q')).id).toBe('q');
  });

  it('is locked once published or with an earlier version in the changelog', () => {
    expect(packIdLocked({ ...base, status: 'published' })).toBe(true);
    const note = { version: '0.0.9', date: '2026-01-01', note: lt('a', 'a') };
    expect(packIdLocked({ ...base, changelog: [note] })).toBe(true);
    expect(packIdLocked({ ...base, changelog: [{ ...note, version: base.version }] })).toBe(false);
  });
});
