import type { Fact, Question } from '../domain/index.ts';
import type { PackIndex } from './packIndex.ts';
import { T, type ValueType } from './valueTypes.ts';

/** Scope roots that are not facts or nodes. `product` exists only inside match conditions. */
export const RESERVED_ROOTS = ['answers', 'context'] as const;

export function factType(fact: Fact): ValueType {
  switch (fact.type) {
    case 'number':
      return T.number;
    case 'boolean':
      return T.boolean;
    case 'date':
      return T.date;
    case 'string':
      return T.string;
    case 'enum':
      return fact.scale ? T.level(fact.scale) : T.string;
    case 'set':
      return T.list(fact.scale ? T.level(fact.scale) : T.string);
  }
}

export function answerType(question: Question): ValueType {
  if (question.type === 'numeric') return T.number;
  if (question.type === 'multiple') return T.list(T.string);
  return T.string;
}

export const CONTEXT_TYPE: ValueType = T.record({
  evaluationDate: T.date,
  assessmentDate: T.date,
  initiator: T.string,
  clientId: T.string,
});

/** The type of a root that is not a node: a fact, `answers` or `context`. */
export function baseRootType(index: PackIndex, root: string): ValueType | undefined {
  const fact = index.facts.get(root);
  if (fact) return factType(fact);
  if (root === 'context') return CONTEXT_TYPE;
  if (root === 'answers') {
    const keys: Record<string, ValueType> = {};
    for (const [id, entry] of index.questions) keys[id] = answerType(entry.question);
    return T.record(keys);
  }
  return undefined;
}
