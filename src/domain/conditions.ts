import { z } from 'zod';
import { IdSchema } from './ids.ts';

/**
 * Operators on calendar dates (`YYYY-MM-DD`). They are not among json-rules-engine's defaults:
 * its numeric operators `parseFloat` only the fact to decide whether it may compare, then compare
 * with JavaScript's `<`, which is right for two ISO dates only by the accident of text order and
 * wrong as soon as one side is not such a text. A side that is not a real date makes these false.
 */
export const DATE_OPERATORS = [
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

/**
 * The operators packs may use: json-rules-engine's default set, and the date operators, which a
 * json-rules-engine that runs our rules must register (`engine.addOperator`).
 */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  ...DATE_OPERATORS,
] as const;
export const OperatorSchema = z.enum(OPERATORS);
export type Operator = z.infer<typeof OperatorSchema>;

/**
 * json-rules-engine's `path`, restricted to what our safe resolver reads: `$.a.b`, `$.a[0]`.
 * No filters, wildcards or scripts, and never `__proto__`, `constructor` or `prototype`.
 */
export const JsonPathSchema = z
  .string()
  .regex(/^\$((\.[A-Za-z0-9_-]+)|(\[\d+\]))*$/, 'simple path such as $.total or $.byQuestion.Q1')
  .refine(
    (p) => !/(^|[.[])(__proto__|constructor|prototype)(\]|\.|\[|$)/.test(p),
    'path uses a reserved name',
  );

/** A value compared against: a JSON literal, or `{ "fact": ..., "path": ... }` as in json-rules-engine. */
export const ConditionValueSchema = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.object({ fact: IdSchema, path: JsonPathSchema.optional() }).strict(),
]);
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

export type FactCondition = {
  fact: string;
  operator: Operator;
  value: ConditionValue;
  path?: string | undefined;
  name?: string | undefined;
};
export type Condition =
  | FactCondition
  | { all: Condition[]; name?: string | undefined }
  | { any: Condition[]; name?: string | undefined }
  | { not: Condition; name?: string | undefined };
export type TopLevelCondition = Exclude<Condition, FactCondition>;

export const FactConditionSchema = z
  .object({
    fact: IdSchema,
    operator: OperatorSchema,
    value: ConditionValueSchema,
    path: JsonPathSchema.optional(),
    name: z.string().optional(),
  })
  .strict();

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FactConditionSchema,
    z.object({ all: z.array(ConditionSchema), name: z.string().optional() }).strict(),
    z.object({ any: z.array(ConditionSchema), name: z.string().optional() }).strict(),
    z.object({ not: ConditionSchema, name: z.string().optional() }).strict(),
  ]),
);

/** json-rules-engine requires the root of a rule's conditions to be all / any / not. */
export const TopLevelConditionSchema: z.ZodType<TopLevelCondition> = z.union([
  z.object({ all: z.array(ConditionSchema), name: z.string().optional() }).strict(),
  z.object({ any: z.array(ConditionSchema), name: z.string().optional() }).strict(),
  z.object({ not: ConditionSchema, name: z.string().optional() }).strict(),
]);
