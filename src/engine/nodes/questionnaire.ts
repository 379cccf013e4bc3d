import { lt } from '../../domain/index.ts';
import type { NodeKindDef } from './kind.ts';
import { T, type ValueType } from '../valueTypes.ts';
import { factType } from '../refTypes.ts';
import { questionsOf } from '../../domain/index.ts';
import {
  compileScoring,
  dimensionsOf,
  knockoutFlags,
  type QuestionnaireContext,
  type QuestionnaireOutput,
} from '../questionnaire/scoring.ts';
import type { Answers } from '../questionnaire/showIf.ts';
import { compileCondition } from '../conditions.ts';
import { enterScope, scopeFacts } from '../scopeFacts.ts';

export const questionnaireKind: NodeKindDef<'questionnaire'> = {
  kind: 'questionnaire',
  outputs(node, pack) {
    const q = pack.questionnaires.find((x) => x.id === node.config.questionnaire);
    const questions = q ? questionsOf(q) : [];
    const keysOf = (ids: string[], t: ValueType) => Object.fromEntries(ids.map((id) => [id, t]));
    const facts: Record<string, ValueType> = {};
    for (const question of questions) {
      const id = question.bindFact?.fact;
      if (!id) continue;
      const fact = pack.vocabulary.facts.find((f) => f.id === id);
      const t = fact ? factType(fact) : T.any;
      facts[id] = question.bindFact?.combine === 'list' && t.type !== 'list' ? T.list(t) : t;
    }
    return {
      total: T.number,
      maxTotal: T.number,
      byQuestion: T.record(
        keysOf(
          questions.map((x) => x.id),
          T.number,
        ),
      ),
      byDimension: T.record(keysOf(q ? dimensionsOf(q) : [], T.number)),
      complete: T.boolean,
      missing: T.list(T.string),
      knockedOut: T.boolean,
      knockouts: T.list(
        T.record({ question: T.string, option: T.string, flag: T.string, reason: T.any }),
      ),
      flags: T.record(keysOf(q ? knockoutFlags(q) : [], T.boolean)),
      facts: T.record(facts),
      required: T.boolean,
      assessmentDate: T.date,
      expiresOn: T.date,
      expired: T.boolean,
    };
  },
  validate(node, ctx) {
    if (!ctx.index.questionnaires.has(node.config.questionnaire))
      ctx.error(
        'questionnaire.unknown',
        'config.questionnaire',
        lt(
          `问卷“${node.config.questionnaire}”不存在`,
          `questionnaire "${node.config.questionnaire}" is not in the pack`,
        ),
      );
    return ctx.problems;
  },
  reads: () => ['answers', 'context.assessmentDate', 'context.evaluationDate'],
  compile(node, ctx) {
    const entry = ctx.index.questionnaires.get(node.config.questionnaire);
    if (!entry) throw new Error(`questionnaire ${node.config.questionnaire} missing`);
    const score = compileScoring(entry.questionnaire, ctx.index, node.config.knockoutZeroesScore);
    const when = entry.questionnaire.requiredWhen;
    const at = `$.questionnaires[${ctx.index.pack.questionnaires.indexOf(entry.questionnaire)}].requiredWhen`;
    const requiredFor = when ? compileCondition(when, at) : undefined;
    return (scope) => {
      let required = true;
      if (requiredFor) {
        enterScope(scope);
        required = requiredFor(scopeFacts);
      }
      return score(scope['answers'] as Answers, scope['context'] as QuestionnaireContext, required);
    };
  },
  fired(_node, output) {
    const o = output as QuestionnaireOutput;
    return o.knockouts.map((k) => `${k.question}=${k.option}`);
  },
};
