import type { Fact, FactType, Pack, PackChange } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { uniqueNodeId } from '../../graph/graphEdits.ts';
import { intent } from '../common/paths.ts';

/** The vocabulary's client facts as named intents (`pack.vocabulary.facts`). */

const FACTS = ['vocabulary', 'facts'] as const;

/** A new fact of `type`, with the first id no node, fact or scope root uses (`fact`, `fact2`…). */
export function addFact(pack: Pack, type: FactType): PackChange {
  const id = uniqueNodeId(pack, 'fact');
  const fact = { id, type, label: lt('新信息', 'New fact'), required: false } as Fact;
  return intent('add fact', lt(`添加客户信息 ${id}`, `added fact ${id}`), {
    type: 'insert',
    path: FACTS,
    index: pack.vocabulary.facts.length,
    value: fact,
  });
}

/** Removes `fact`, found at `index` of the vocabulary's facts. */
export function removeFact(fact: Fact, index: number): PackChange {
  return intent('remove fact', lt(`删除客户信息 ${fact.id}`, `removed fact ${fact.id}`), {
    type: 'remove',
    path: FACTS,
    index,
  });
}

/**
 * One field of `fact` (label, required, bounds, unit, options…: the fields depend on its type);
 * `undefined` removes an optional field.
 */
export function setFactField(fact: Fact, index: number, key: string, value: unknown): PackChange {
  return intent(
    `fact ${key}`,
    lt(`修改客户信息 ${fact.id} 的 ${key}`, `changed ${key} of fact ${fact.id}`),
    { type: 'set', path: [...FACTS, index, key], value },
  );
}
