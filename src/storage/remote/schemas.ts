import { z } from 'zod';

/**
 * What the team server answers (see `suitability serve`), parsed like anything else read from
 * outside: a field the studio relies on that is missing or mistyped is an error that names it.
 */

export const ROLES = ['author', 'reviewer', 'approver', 'publisher', 'auditor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionSchema = z.object({
  user: SessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  setupRequired: z.boolean(),
  mode: z.literal('team'),
  /** Single sign-on, when the server has it configured. */
  oidc: z.object({ label: z.string().nullable(), loginUrl: z.string() }).nullable().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

/** The JSON body of every refusal: `message` is in the language the request asked for. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
});

export const PackStatusSchema = z.enum(['draft', 'in-review', 'approved', 'published', 'retired']);

export const LocalizedTextSchema = z.record(z.string(), z.string());

export const RemotePackSummarySchema = z.object({
  id: z.string(),
  title: z.union([LocalizedTextSchema, z.string()]),
  status: PackStatusSchema,
  version: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable().optional(),
});
export type RemotePackSummary = z.infer<typeof RemotePackSummarySchema>;

export const PackListSchema = z.object({ packs: z.array(RemotePackSummarySchema) });

/** `pack` is checked with the pack schema by the repository (it locates its errors). */
export const RemotePackSchema = z.object({ pack: z.unknown(), revision: z.number().int() });

export const SavedSchema = z.object({ revision: z.number().int(), status: z.string().optional() });

export const CreatedSchema = z.object({ id: z.string(), revision: z.number().int() });

/** A 409 on PUT: someone saved first (`current` is their revision), or the pack is in review. */
export const ConflictBodySchema = z.object({
  code: z.literal('conflict'),
  current: z.object({
    pack: z.unknown().optional(),
    revision: z.number().int(),
    by: z.string().nullable().optional(),
  }),
});

export const RevisionListSchema = z.object({
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      /** create, edit, submit, withdraw, approve, reject, publish */
      kind: z.string(),
      author: z.string(),
      at: z.string(),
      summary: z.union([LocalizedTextSchema, z.string()]).nullable(),
    }),
  ),
});
export type RemoteRevision = z.infer<typeof RevisionListSchema>['revisions'][number];

/** `event: pack` of GET /api/events. */
export const PackEventSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  status: z.string().optional(),
  by: z.string().nullable().optional(),
});
export type PackEvent = z.infer<typeof PackEventSchema>;

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean().optional(),
});
export type TeamUser = z.infer<typeof UserSchema>;
export const UserListSchema = z.object({ users: z.array(UserSchema) });

/** One entry of the workspace's audit log, as the auditor's view reads it. */
export const AuditLogEntrySchema = z.looseObject({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  packId: z.string(),
  version: z.string().optional(),
  summary: LocalizedTextSchema,
});
export type AuditLogEntry = z.infer<typeof AuditLogEntrySchema>;
export const AuditPageSchema = z.object({
  entries: z.array(AuditLogEntrySchema),
  chain: z.looseObject({ ok: z.boolean(), brokenAt: z.number().optional() }),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
