import { z } from 'zod';
import { IdSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';
import { TopLevelConditionSchema } from './conditions.ts';
import { BasisSchema } from './basis.ts';

/** What happens when a knock-out option is chosen: a flag is raised with a reason. */
export const KnockoutSchema = z.strictObject({
  /** Flag raised on the questionnaire output, e.g. `lowestCategory`. */
  flag: IdSchema,
  reason: LocalizedTextSchema,
});
export type Knockout = z.infer<typeof KnockoutSchema>;

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  points: z.number(),
  knockout: KnockoutSchema.optional(),
  /** Value given to the bound fact when this option is chosen (see Question.bindFact). */
  factValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type Option = z.infer<typeof OptionSchema>;

/** Points for a numeric answer falling in `[min, max]` (inclusive). */
export const NumericBandSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  points: z.number(),
});

/** Conditional display of a question, on earlier answers. */
export type ShowIf =
  | { op: 'all'; conditions: ShowIf[] }
  | { op: 'any'; conditions: ShowIf[] }
  | { op: 'not'; condition: ShowIf }
  | { op: 'answered'; question: string }
  | { op: 'selected'; question: string; options: string[] }
  | {
      op: 'compare';
      question: string;
      operator: 'lt' | 'lte' | 'gt' | 'gte' | 'eq';
      value: number;
    };

export const ShowIfSchema: z.ZodType<ShowIf> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('all'), conditions: z.array(ShowIfSchema) }),
    z.strictObject({ op: z.literal('any'), conditions: z.array(ShowIfSchema) }),
    z.strictObject({ op: z.literal('not'), condition: ShowIfSchema }),
    z.strictObject({ op: z.literal('answered'), question: IdSchema }),
    z.strictObject({
      op: z.literal('selected'),
      question: IdSchema,
      options: z.array(IdSchema).min(1),
    }),
    z.strictObject({
      op: z.literal('compare'),
      question: IdSchema,
      operator: z.enum(['lt', 'lte', 'gt', 'gte', 'eq']),
      value: z.number(),
    }),
  ]),
);

/**
 * Binds an answer to a client fact, e.g. the horizon question sets the `horizon` fact.
 * Single choice: the chosen option's `factValue`. Multiple choice: `combine` picks the highest /
 * lowest on the fact's scale, or keeps the list. Numeric and yes/no: the answer itself unless
 * options carry a `factValue`.
 */
export const BindFactSchema = z.strictObject({
  fact: IdSchema,
  combine: z.enum(['max', 'min', 'list']).default('max'),
});

const questionBase = {
  id: IdSchema,
  text: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(true),
  /** Dimension tags, e.g. `financial`, `experience`, `tolerance`; scores are summed per tag. */
  dimensions: z.array(IdSchema).default([]),
  /** Multiplies the question's points in the total (1 = as scored). */
  weight: z.number().default(1),
  showIf: ShowIfSchema.optional(),
  bindFact: BindFactSchema.optional(),
};

export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...questionBase,
    type: z.literal('single'),
    options: z.array(OptionSchema).min(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multiple'),
    options: z.array(OptionSchema).min(1),
    /** How the chosen options' points combine. The CSRC template counts the highest. */
    scoring: z.enum(['sum', 'max', 'min']).default('max'),
    minSelected: z.number().int().nonnegative().default(1),
    maxSelected: z.number().int().positive().optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('yesno'),
    /** Exactly the two options `yes` and `no`, each with points and perhaps a knock-out. */
    options: z.array(OptionSchema).length(2),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('numeric'),
    min: z.number(),
    max: z.number(),
    unit: LocalizedTextSchema.optional(),
    integer: z.boolean().default(false),
    bands: z.array(NumericBandSchema).min(1),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];

export const SectionSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  questions: z.array(QuestionSchema),
});
export type Section = z.infer<typeof SectionSchema>;

/**
 * A pair (or set) of answers that do not make sense together, e.g. "no investment experience" with
 * "trades derivatives" (ESMA suitability guidelines: check answers for coherence). A coherence rule
 * changes no verdict: it is read by questionnaire analytics (how often it fires over a population)
 * and tells an adviser to review the answers with the client. `when` is a json-rules-engine
 * condition over `answers` (`{ "fact": "answers", "path": "$.Q6", ... }`) and client facts.
 */
export const COHERENCE_SEVERITIES = ['review', 'info'] as const;
export const CoherenceRuleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** Holds when the answers are incoherent. */
  when: TopLevelConditionSchema,
  /** `review`: an adviser re-checks the answers with the client; `info`: worth knowing only. */
  severity: z.enum(COHERENCE_SEVERITIES).default('review'),
  /** Why the answers do not fit together, and what to do. */
  note: LocalizedTextSchema.optional(),
  /** Law or firm practice (most coherence rules are the firm's own, and editable). */
  basis: BasisSchema.optional(),
});
export type CoherenceRule = z.infer<typeof CoherenceRuleSchema>;

export const QuestionnaireSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** How long an assessment stays valid; an expired one requires reassessment before a purchase. */
  validityMonths: z.number().int().positive(),
  /**
   * The clients who must answer it (json-rules-engine, over the input's facts and `context`), e.g.
   * ordinary investors only. For the others no question is required: `complete` stays true.
   */
  requiredWhen: TopLevelConditionSchema.optional(),
  sections: z.array(SectionSchema).min(1),
  /** Answers that contradict each other (see `CoherenceRuleSchema`); no effect on verdicts. */
  coherence: z.array(CoherenceRuleSchema).optional(),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** A client's answer: option id (single, yes/no), option ids (multiple), or a number (numeric). */
export const AnswerSchema = z.union([z.string(), z.array(z.string()), z.number()]);
export type Answer = z.infer<typeof AnswerSchema>;

export function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}
