import { z } from 'zod';
import { IdSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';
import { TopLevelConditionSchema } from './conditions.ts';

/** One step of an ordered scale, e.g. C3 稳健型. */
export const ScaleLevelSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
export type ScaleLevel = z.infer<typeof ScaleLevelSchema>;

/**
 * An ordered list, lowest first: client levels (C1-C5), product risk levels (R1-R5, PR1-PR5, SRI 1-7),
 * horizons, varieties. Order is meaning: matching compares positions.
 */
export const ScaleSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedTextSchema,
  role: z.enum(['clientLevel', 'productRisk', 'horizon', 'variety', 'other']).default('other'),
  levels: z.array(ScaleLevelSchema).min(1),
});
export type Scale = z.infer<typeof ScaleSchema>;

const factBase = {
  id: IdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** An evaluation without a required fact is an input error, not a silent default. */
  required: z.boolean().default(false),
  /**
   * Required only for the clients this condition (json-rules-engine, over the input's facts and
   * `context`) holds for, e.g. natural-person facts when `investorType` is `natural-person`.
   */
  requiredWhen: TopLevelConditionSchema.optional(),
};

export const EnumValueSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });

/** A typed client fact the pack reads: age, financial assets, full civil capacity... */
export const FactSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...factBase,
    type: z.literal('number'),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.strictObject({
    ...factBase,
    type: z.literal('enum'),
    /** Either an ordered scale of the vocabulary, or a plain list of values. */
    scale: IdSchema.optional(),
    values: z.array(EnumValueSchema).optional(),
  }),
  z.strictObject({
    ...factBase,
    type: z.literal('set'),
    scale: IdSchema.optional(),
    values: z.array(EnumValueSchema).optional(),
  }),
  z.strictObject({ ...factBase, type: z.literal('boolean') }),
  z.strictObject({ ...factBase, type: z.literal('date') }),
  z.strictObject({ ...factBase, type: z.literal('string') }),
]);
export type Fact = z.infer<typeof FactSchema>;
export type FactType = Fact['type'];

export const VocabularySchema = z.strictObject({
  facts: z.array(FactSchema),
  scales: z.array(ScaleSchema),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;
