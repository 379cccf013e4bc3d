import { z } from 'zod';
import { IdSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';
import { EvaluationInputSchema, FactValueSchema } from './evaluationInput.ts';
import { VerdictSchema } from './graph.ts';

/** What a test case expects; only what is listed is checked. */
export const ExpectationSchema = z.strictObject({
  outputs: z.record(IdSchema, FactValueSchema).optional(),
  /** flag name -> expected truth. */
  flags: z.record(IdSchema, z.boolean()).optional(),
  /** product id -> expected verdict. */
  products: z.record(IdSchema, VerdictSchema).optional(),
  /** product id -> reason codes that must be present. */
  reasons: z.record(IdSchema, z.array(IdSchema)).optional(),
  /** product id -> dimension id -> `pass` / `fail` / `skipped` (only the dimensions listed). */
  checks: z.record(IdSchema, z.record(IdSchema, z.enum(['pass', 'fail', 'skipped']))).optional(),
  /** The evaluation must fail with an error of this code (e.g. a missing required answer). */
  error: z.string().optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export const TestCaseSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  input: EvaluationInputSchema,
  expect: ExpectationSchema,
});
export type TestCase = z.infer<typeof TestCaseSchema>;

/** A named persona for simulation. */
export const SampleClientSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  input: EvaluationInputSchema,
});
export type SampleClient = z.infer<typeof SampleClientSchema>;
