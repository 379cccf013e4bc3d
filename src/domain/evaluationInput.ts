import { z } from 'zod';
import { DateSchema, IdSchema } from './ids.ts';
import { AnswerSchema } from './questionnaire.ts';

export const FactValueSchema = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string(),
  z.array(z.string()),
]);
export type FactValue = z.infer<typeof FactValueSchema>;

/**
 * Everything one evaluation reads. The engine has no clock: the evaluation date is part of the
 * input so that the same input always gives the same result.
 */
export const EvaluationInputSchema = z.strictObject({
  clientId: z.string().optional(),
  facts: z.record(IdSchema, FactValueSchema).default({}),
  answers: z.record(IdSchema, AnswerSchema).default({}),
  /** When the questionnaire was answered; validity runs from here. Defaults to evaluationDate. */
  assessmentDate: DateSchema.optional(),
  evaluationDate: DateSchema,
  /** Who initiated the purchase: the firm (recommendation) or the client. */
  initiator: z.enum(['firm', 'client']).default('client'),
});
export type EvaluationInput = z.infer<typeof EvaluationInputSchema>;
export type EvaluationInputDraft = z.input<typeof EvaluationInputSchema>;
