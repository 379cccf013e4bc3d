import { z } from 'zod';
import { IdSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';

export const AttributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
]);

export const ProductSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Level id on the catalogue's risk scale, e.g. R3. */
  risk: IdSchema,
  /** Level id on the catalogue's horizon scale: the product's term. */
  horizon: IdSchema.optional(),
  /** Level id on the catalogue's variety scale. */
  variety: IdSchema.optional(),
  complex: z.boolean().default(false),
  /** Free attributes that match dimensions may read, e.g. target-market fields or SRI. */
  attributes: z.record(IdSchema, AttributeValueSchema).default({}),
  tags: z.array(z.string()).default([]),
});
export type Product = z.infer<typeof ProductSchema>;

/** The product catalogue and which vocabulary scales its fields use. */
export const CatalogueSchema = z.strictObject({
  riskScale: IdSchema,
  horizonScale: IdSchema.optional(),
  varietyScale: IdSchema.optional(),
  items: z.array(ProductSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;
