import type { PackChange } from './changes.ts';
import type { EvaluationInputDraft } from './evaluationInput.ts';
import { copyJson } from './copyJson.ts';
import { lt, type LocalizedText } from './localized.ts';
import type { Pack } from './pack.ts';
import type { SampleClient } from './testCases.ts';

/** An id like `base`, `base-2`, ... that no sample client of the pack has yet. */
export function uniqueSampleId(pack: Pack, base: string): string {
  const taken = new Set(pack.sampleClients.map((c) => c.id));
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'client';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/** A sample client (persona) holding a simulation's input, under `name`. */
export function sampleFromInput(
  pack: Pack,
  input: EvaluationInputDraft,
  name: LocalizedText,
): SampleClient {
  const id = uniqueSampleId(pack, input.clientId ?? 'client');
  return {
    id,
    name,
    input: copyJson({
      ...input,
      clientId: input.clientId ?? id,
      facts: input.facts ?? {},
      answers: input.answers ?? {},
      initiator: input.initiator ?? 'client',
    }),
  };
}

/** Appends a sample client (one named, undoable step). */
export function addSampleClient(pack: Pack, client: SampleClient): PackChange {
  return {
    type: 'batch',
    label: 'add sample client',
    text: lt(`添加示例客户 ${client.id}`, `added sample client ${client.id}`),
    changes: [
      { type: 'insert', path: ['sampleClients'], index: pack.sampleClients.length, value: client },
    ],
  };
}

/** Renames the sample client at `index`. */
export function renameSampleClient(pack: Pack, index: number, name: LocalizedText): PackChange {
  const id = pack.sampleClients[index]?.id ?? '';
  return {
    type: 'batch',
    label: 'rename sample client',
    text: lt(`重命名示例客户 ${id}`, `renamed sample client ${id}`),
    changes: [{ type: 'set', path: ['sampleClients', index, 'name'], value: name }],
  };
}

/** Removes the sample client at `index`. */
export function removeSampleClient(pack: Pack, index: number): PackChange {
  const id = pack.sampleClients[index]?.id ?? '';
  return {
    type: 'batch',
    label: 'remove sample client',
    text: lt(`删除示例客户 ${id}`, `removed sample client ${id}`),
    changes: [{ type: 'remove', path: ['sampleClients'], index }],
  };
}

/**
 * Whether the pack id may still change: not once a version was published (a published pack, or
 * a changelog naming an earlier version, means files with this id are out there).
 */
export function packIdLocked(pack: Pack): boolean {
  return (
    pack.status === 'published' ||
    pack.status === 'retired' ||
    pack.integrity?.publishedAt !== undefined ||
    pack.changelog.some((c) => c.version !== pack.version)
  );
}

/** Sets the pack id (one named step); the export file name follows it. */
export function setPackId(pack: Pack, id: string): PackChange {
  return {
    type: 'batch',
    label: 'pack id',
    text: lt(`规则包标识 ${pack.id} 改为 ${id}`, `pack id ${pack.id} is now ${id}`),
    changes: [{ type: 'set', path: ['id'], value: id }],
  };
}
