import { z } from 'zod';
import { DateSchema, PackIdSchema, SemverSchema } from './ids.ts';
import { LocalizedTextSchema } from './localized.ts';
import { VocabularySchema } from './vocabulary.ts';
import { QuestionnaireSchema } from './questionnaire.ts';
import { CatalogueSchema } from './products.ts';
import { GraphSchema } from './graph.ts';
import { SampleClientSchema, TestCaseSchema } from './testCases.ts';
import { ScenarioSchema } from './scenario.ts';

export const PACK_FORMAT = 'suitability-pack';
/** Bump with a migration in migrations.ts whenever the stored shape changes. */
export const PACK_FORMAT_VERSION = 1;

export const PACK_STATUSES = ['draft', 'in-review', 'approved', 'published', 'retired'] as const;
export const PackStatusSchema = z.enum(PACK_STATUSES);
export type PackStatus = z.infer<typeof PackStatusSchema>;

export const ChangelogEntrySchema = z.strictObject({
  version: SemverSchema,
  date: DateSchema,
  note: LocalizedTextSchema,
  author: z.string().optional(),
});

export const ApprovalSchema = z.strictObject({
  by: z.string(),
  role: z.string(),
  at: z.string(),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().default(''),
});

/**
 * What a signature signs (see `signedStatement`). Signatures without it are of the first scheme,
 * over the content hash alone: still read, but no longer accepted as verified.
 */
export const SIGNATURE_SCHEME = 'suitability-pack-statement/2';

export const SignatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  scheme: z.literal(SIGNATURE_SCHEME).optional(),
  /** Base64 of the raw 32-byte public key. */
  publicKey: z.string(),
  /** Base64 signature over the UTF-8 bytes of the signed statement. */
  value: z.string(),
});

/** Integrity fields: excluded from the content hash, which they describe. */
export const IntegritySchema = z.strictObject({
  /** `sha256:<hex>` over the canonical JSON of the pack without `integrity`. */
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>')
    .optional(),
  author: z.string().optional(),
  publishedAt: z.string().optional(),
  approvals: z.array(ApprovalSchema).default([]),
  signature: SignatureSchema.optional(),
});
export type Integrity = z.infer<typeof IntegritySchema>;

export const PackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: PackIdSchema,
  version: SemverSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  jurisdiction: z.string().min(1),
  locales: z.array(z.string()).min(1),
  status: PackStatusSchema.default('draft'),
  changelog: z.array(ChangelogEntrySchema).default([]),
  /**
   * `dmn`: tables and expressions follow DMN where it differs from the engine (a table no row
   * matches gives null, as does a broken unique / any table; null operands give null). Packs
   * imported from DMN carry it; absent, the engine's semantics.
   */
  semantics: z.enum(['engine', 'dmn']).optional(),
  /**
   * Firm practice, not regulation: the firm that issues client documents under this pack, e.g. the
   * name printed on the client suitability notice (适当性匹配意见告知书).
   */
  firm: z.strictObject({ name: LocalizedTextSchema }).optional(),
  vocabulary: VocabularySchema,
  questionnaires: z.array(QuestionnaireSchema),
  products: CatalogueSchema,
  graph: GraphSchema,
  tests: z.array(TestCaseSchema).default([]),
  sampleClients: z.array(SampleClientSchema).default([]),
  /**
   * Market scenarios saved with the pack (product re-ratings a monitoring run may apply). Optional
   * without a default, so that packs without scenarios keep their content hash.
   */
  scenarios: z.array(ScenarioSchema).optional(),
  integrity: IntegritySchema.optional(),
});
export type Pack = z.infer<typeof PackSchema>;
/** A pack as written in a file, before defaults are filled in. */
export type PackInput = z.input<typeof PackSchema>;
