import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import { CONTEXT_TYPE, answerType, factType } from '../refTypes.ts';
import { questionsOf } from '../../domain/index.ts';

/** Scope key under which the evaluator keeps the input's facts object (not a valid id: no clash). */
export const INPUT_FACTS = '$facts';

export const inputKind: NodeKindDef<'input'> = {
  kind: 'input',
  outputs(_node, pack) {
    const facts: Record<string, ValueType> = {};
    for (const f of pack.vocabulary.facts) facts[f.id] = factType(f);
    const answers: Record<string, ValueType> = {};
    for (const q of pack.questionnaires.flatMap(questionsOf)) answers[q.id] = answerType(q);
    return { facts: T.record(facts), answers: T.record(answers), context: CONTEXT_TYPE };
  },
  validate: (_node, ctx) => ctx.problems,
  reads: () => [],
  compile: () => (scope) => ({
    facts: scope[INPUT_FACTS],
    answers: scope['answers'],
    context: scope['context'],
  }),
  fired: () => [],
};
