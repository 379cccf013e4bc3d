import { z } from 'zod';
import type { ApiClient } from './api.ts';
import { LocalizedTextSchema } from './schemas.ts';

const Text = z.union([LocalizedTextSchema, z.string()]);
const Anything = z.unknown();

/** `GET /api/packs/:id/review`: what a checker decides on. Unknown extra fields are kept. */
export const ReviewSchema = z.looseObject({
  status: z.string(),
  version: z.string(),
  revision: z.number().int(),
  lastPublished: z.object({ version: z.string(), hash: z.string() }).nullable(),
  /** The change since the last published version, in words. */
  changes: z.array(z.looseObject({ subject: z.string().optional(), text: Text })),
  /** The pack's own tests, run by the server with the same engine. */
  tests: z.looseObject({ total: z.number(), passed: z.number(), failed: z.number() }),
  lint: z.array(
    z.looseObject({ severity: z.string(), path: z.string().optional(), message: Text }),
  ),
  /** How the change moves the pack's sample and test clients (none for a first version). */
  impact: z
    .looseObject({
      total: z.number(),
      affected: z.number(),
      levelMatrix: z.record(z.string(), z.record(z.string(), z.number())),
      verdictChanges: z.record(z.string(), z.unknown()),
    })
    .nullable(),
  comments: z.array(
    z.looseObject({
      author: z.string(),
      text: z.string(),
      path: z.string().nullable().optional(),
      at: z.string().optional(),
    }),
  ),
  /** Everyone who made or sent content since the last published version (maker-checker). */
  makers: z.array(z.string()),
});
export type Review = z.infer<typeof ReviewSchema>;

export const PublishedSchema = z.looseObject({
  version: z.string(),
  hash: z.string(),
  signature: z.unknown().optional(),
});
export type Published = z.infer<typeof PublishedSchema>;

const VersionsSchema = z.union([
  z.object({ versions: z.array(z.looseObject({ version: z.string() })) }),
  z.array(z.looseObject({ version: z.string() })),
]);

/** Submitting, reviewing and publishing a team pack: every decision is the server's. */
export class ReviewApi {
  constructor(private readonly api: ApiClient) {}

  private url(id: string, action: string): string {
    return `/api/packs/${encodeURIComponent(id)}/${action}`;
  }

  review(id: string): Promise<Review> {
    return this.api.get(this.url(id, 'review'), ReviewSchema, id);
  }

  async submit(id: string, note: string, version?: string): Promise<void> {
    const body = version ? { note, version } : { note };
    await this.api.send('POST', this.url(id, 'submit'), Anything, body, id);
  }

  async comment(id: string, text: string, path?: string): Promise<void> {
    const body = path ? { text, path } : { text };
    await this.api.send('POST', this.url(id, 'comments'), Anything, body, id);
  }

  async decide(id: string, decision: 'approve' | 'reject', reason: string): Promise<void> {
    await this.api.send('POST', this.url(id, decision), Anything, { reason }, id);
  }

  async withdraw(id: string): Promise<void> {
    await this.api.send('POST', this.url(id, 'withdraw'), Anything, {}, id);
  }

  publish(id: string): Promise<Published> {
    return this.api.send('POST', this.url(id, 'publish'), PublishedSchema, {}, id);
  }

  async versions(id: string): Promise<{ version: string; [k: string]: unknown }[]> {
    const body = await this.api.get(this.url(id, 'versions'), VersionsSchema, id);
    return Array.isArray(body) ? body : body.versions;
  }
}
