import { z } from 'zod';
import { IdSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';

/**
 * Which products a re-rating step takes. Every criterion given must hold (AND); within a list, a
 * product needs one of the ids / varieties / risk levels, but every one of the tags (so
 * `tags: ["fund", "equity"]` is "equity funds"). A step with no criterion takes no product.
 */
export const ProductSelectorSchema = z.strictObject({
  products: z.array(IdSchema).optional(),
  tags: z.array(z.string().min(1)).optional(),
  varieties: z.array(IdSchema).optional(),
  risks: z.array(IdSchema).optional(),
});
export type ProductSelector = z.infer<typeof ProductSelectorSchema>;

/**
 * One re-rating: the selected products move `shift` levels along the catalogue's risk scale
 * (positive is riskier; the scale's ends hold), or are set to level `to`.
 */
export const RerateStepSchema = z
  .strictObject({
    select: ProductSelectorSchema,
    shift: z.number().int().min(-10).max(10).optional(),
    to: IdSchema.optional(),
  })
  .refine((s) => (s.shift === undefined) !== (s.to === undefined), {
    message: 'give either shift or to',
  });
export type RerateStep = z.infer<typeof RerateStepSchema>;

/**
 * A market scenario ("when market risk rises, all equity funds one level up"): product
 * re-ratings applied to a copy of the pack for a monitoring run, never to the pack itself. Steps
 * apply in order, each to the ratings the previous steps left. Firm practice, not regulation: a
 * scenario is what the firm chooses to try.
 */
export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  rerate: z.array(RerateStepSchema).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
