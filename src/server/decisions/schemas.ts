import { z } from 'zod';

/** The schemas of the decision API: its validation of parameters and its OpenAPI document. */

export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
});

export const PackParams = z.object({ packId: z.string().min(1).max(200) });
export const PinnedParams = PackParams.extend({ version: z.string().min(1).max(100) });
export const RecordParams = z.object({ id: z.string().min(1).max(100) });

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const DecideQuery = z.object({
  trace: flag.describe('include the trace of every node'),
});

/** Documents the body; the engine checks it against the pack, with JSON paths. */
export const DecisionInputSchema = z
  .object({
    clientId: z.string().optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    answers: z.record(z.string(), z.unknown()).optional(),
    evaluationDate: z.string().describe('YYYY-MM-DD'),
    assessmentDate: z.string().optional(),
    initiator: z.enum(['firm', 'client']).optional(),
  })
  .strict()
  .describe('One client; GET /v1/packs/{packId}/input-schema gives the exact schema of a pack');

const Reason = z.object({ code: z.string(), text: z.string() });

export const VerdictSchema = z.object({
  verdict: z.enum(['allowed', 'warn', 'prohibited']),
  reasons: z.array(Reason),
  checks: z.record(z.string(), z.enum(['pass', 'fail', 'skipped'])),
  flags: z.array(z.string()),
});

const FactValue = z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(z.string())]);

/** Who decided, on what, when: shared by the response and the record. */
const origin = {
  decidedAt: z.string(),
  channel: z.string(),
  packId: z.string(),
  version: z.string(),
  hash: z.string(),
  clientId: z.string().nullable(),
  outputs: z.record(z.string(), FactValue),
  flags: z.array(z.string()),
};

export const DecisionResponseSchema = z.object({
  ...origin,
  decisionId: z.string(),
  evaluationDate: z.string(),
  products: z.record(z.string(), VerdictSchema),
  rationale: z.array(z.string()),
  trace: z.array(z.record(z.string(), z.unknown())).optional(),
});

export const PackListSchema = z.object({
  packs: z.array(
    z.object({
      packId: z.string(),
      version: z.string(),
      hash: z.string(),
      signedBy: z.string().nullable(),
    }),
  ),
});

export const JsonSchemaDocument = z
  .record(z.string(), z.unknown())
  .describe('A JSON Schema, draft 2020-12');

export const SchemaQuery = z.object({ version: z.string().max(100).optional() });

export const RecordSchema = z.object({
  ...origin,
  id: z.string(),
  input: z.record(z.string(), z.unknown()),
  products: z
    .record(z.string(), z.enum(['allowed', 'warn', 'prohibited']))
    .describe('product id -> verdict; POST /v1/decisions/{id}/replay re-derives the reasons'),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'date YYYY-MM-DD or ISO time');

export const SearchQuery = z.object({
  clientId: z.string().max(200).optional(),
  packId: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});

export const SearchResponse = z.object({
  records: z.array(RecordSchema),
  nextCursor: z.string().nullable(),
});

export const ExportQuery = SearchQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
});

export const ReplayResponse = z.object({
  decisionId: z.string(),
  packId: z.string(),
  version: z.string(),
  hash: z.string(),
  identical: z.boolean(),
  differences: z.array(z.string()),
});
