import { z } from 'zod';
import { PackSchema } from './pack.ts';
import { LocalizedTextSchema } from './localized.ts';
import { DateSchema, IdSchema, ValueRefSchema } from './ids.ts';
import { ConditionSchema, TopLevelConditionSchema } from './conditions.ts';
import { OptionSchema, QuestionSchema, ShowIfSchema } from './questionnaire.ts';
import { FactSchema, ScaleSchema } from './vocabulary.ts';
import { ProductSchema } from './products.ts';
import {
  EdgeSchema,
  LevelLimitSchema,
  MatchDimensionSchema,
  MatchPolicySchema,
  NodeSchema,
  ReasonSchema,
  RuleSchema,
  VerdictSchema,
} from './graph.ts';
import { EvaluationInputSchema } from './evaluationInput.ts';
import { TestCaseSchema } from './testCases.ts';

export const PACK_SCHEMA_ID = 'https://suitability.studio/schema/pack.schema.json';

/**
 * Schemas that get a name under `$defs`, so the published JSON Schema reads like the format
 * (`#/$defs/Node`) instead of repeating LocalizedText a few hundred times.
 */
const NAMED: Record<string, z.ZodType> = {
  LocalizedText: LocalizedTextSchema,
  Id: IdSchema,
  Date: DateSchema,
  ValueRef: ValueRefSchema,
  Reason: ReasonSchema,
  Verdict: VerdictSchema,
  Condition: ConditionSchema,
  TopLevelCondition: TopLevelConditionSchema,
  ShowIf: ShowIfSchema,
  Option: OptionSchema,
  Question: QuestionSchema,
  Fact: FactSchema,
  Scale: ScaleSchema,
  Product: ProductSchema,
  Node: NodeSchema,
  Edge: EdgeSchema,
  LevelLimit: LevelLimitSchema,
  MatchDimension: MatchDimensionSchema,
  MatchPolicy: MatchPolicySchema,
  Rule: RuleSchema,
  EvaluationInput: EvaluationInputSchema,
  TestCase: TestCaseSchema,
};

/**
 * The JSON Schema of a pack file as written (`io: 'input'`: fields with defaults are optional),
 * generated from the zod schemas so that the two cannot drift. Checks the zod schema makes with
 * code (reserved names, calendar dates, table row widths) are not expressible and are left out.
 */
export function packJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });
  const generated = z.toJSONSchema(PackSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: registry,
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PACK_SCHEMA_ID,
    title: 'Suitability Studio rule pack',
    description: 'A versioned rule pack for customer suitability management (客户适当性管理).',
    ...rest,
  };
}

/** The checked-in file's exact text: two-space JSON and a final newline. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
