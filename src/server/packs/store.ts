import { lt, parsePack, type LocalizedText, type Pack } from '../../domain/index.ts';
import type { Db } from '../db/index.ts';
import { announcePackChange } from '../events.ts';
import { ApiError, notFound } from '../http/errors.ts';

/** The SQL of the packs aggregate: current pack, its revisions, comments and published versions. */

export type RevisionKind =
  'create' | 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'publish';

/** Revisions whose author made or sent the content: none of them may approve it. */
export const MAKER_KINDS: readonly RevisionKind[] = ['create', 'edit', 'submit'];

export type StoredPack = {
  pack: Pack;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  publishedRevision: number;
};

type PackRow = {
  id: string;
  pack: unknown;
  revision: number;
  status: string;
  updated_at: Date | string;
  updated_by: string;
  published_revision: number;
};

/** A stored pack is parsed, never trusted: a row that no longer parses is an error that says so. */
export function packOfRow(value: unknown, where: string): Pack {
  const parsed = parsePack(value, where);
  if (parsed.ok) return parsed.pack;
  throw new ApiError(
    500,
    'corrupt',
    lt(`存储的规则包 ${where} 无法解析`, `the stored pack ${where} does not parse`),
  );
}

const iso = (v: Date | string) => new Date(v).toISOString();

function storedOf(row: PackRow): StoredPack {
  return {
    pack: packOfRow(row.pack, row.id),
    revision: row.revision,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    publishedRevision: row.published_revision,
  };
}

export async function listPacks(db: Db) {
  const { rows } = await db.query<PackRow>(
    `SELECT id, pack->'title' AS title, pack->>'version' AS version, status, revision,
            updated_at, updated_by FROM packs WHERE deleted_at IS NULL ORDER BY id`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: (r as unknown as { title: LocalizedText }).title,
    status: r.status,
    version: (r as unknown as { version: string }).version,
    revision: r.revision,
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
  }));
}

/** The pack, locked for the rest of the transaction when `forUpdate`. 404 when absent. */
export async function getPack(db: Db, id: string, forUpdate = false): Promise<StoredPack> {
  const { rows } = await db.query<PackRow>(
    `SELECT * FROM packs WHERE id = $1 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound(`pack ${id}`);
  return storedOf(row);
}

export async function createPack(
  tx: Db,
  pack: Pack,
  by: string,
  at: Date,
  summary: LocalizedText,
): Promise<number> {
  const taken = await tx.query<{ deleted_at: unknown }>(
    'SELECT deleted_at FROM packs WHERE id = $1',
    [pack.id],
  );
  const row = taken.rows[0];
  if (row)
    throw new ApiError(
      409,
      'exists',
      row.deleted_at
        ? lt(
            `规则包 id ${pack.id} 曾被已删除的草稿使用（其修订记录保留），请换一个 id`,
            `the id ${pack.id} belonged to a deleted draft (its revisions are kept); choose another id`,
          )
        : lt(`规则包 ${pack.id} 已存在`, `a pack with id ${pack.id} exists`),
      '$.pack.id',
    );
  await tx.query(
    `INSERT INTO packs (id, pack, revision, status, updated_at, updated_by)
     VALUES ($1, $2::jsonb, 1, $3, $4, $5)`,
    [pack.id, JSON.stringify(pack), pack.status, at.toISOString(), by],
  );
  await insertRevision(tx, pack, 1, 'create', by, at, summary);
  await announcePackChange(tx, { id: pack.id, revision: 1, status: pack.status, by });
  return 1;
}

/** Writes the next revision of a pack (the caller holds its row lock) and announces it. */
export async function saveRevision(
  tx: Db,
  current: StoredPack,
  pack: Pack,
  kind: RevisionKind,
  by: string,
  at: Date,
  summary: LocalizedText,
): Promise<number> {
  const revision = current.revision + 1;
  await tx.query(
    `UPDATE packs SET pack = $2::jsonb, revision = $3, status = $4, updated_at = $5, updated_by = $6,
            published_revision = CASE WHEN $7 THEN $3 ELSE published_revision END
      WHERE id = $1`,
    [
      pack.id,
      JSON.stringify(pack),
      revision,
      pack.status,
      at.toISOString(),
      by,
      kind === 'publish',
    ],
  );
  await insertRevision(tx, pack, revision, kind, by, at, summary);
  await announcePackChange(tx, { id: pack.id, revision, status: pack.status, by });
  return revision;
}

/**
 * Takes a draft out of the workspace (the caller holds its row lock). The row and its revisions
 * stay, so the audit trail still resolves; the id is not given again.
 */
export async function markDeleted(tx: Db, id: string, by: string, at: Date): Promise<void> {
  await tx.query('UPDATE packs SET deleted_at = $2, updated_by = $3 WHERE id = $1', [
    id,
    at.toISOString(),
    by,
  ]);
  await announcePackChange(tx, { id, revision: 0, status: 'deleted', by });
}

async function insertRevision(
  tx: Db,
  pack: Pack,
  revision: number,
  kind: RevisionKind,
  by: string,
  at: Date,
  summary: LocalizedText,
): Promise<void> {
  await tx.query(
    `INSERT INTO pack_revisions (pack_id, revision, kind, pack, author, at, summary)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb)`,
    [pack.id, revision, kind, JSON.stringify(pack), by, at.toISOString(), JSON.stringify(summary)],
  );
}

export async function listRevisions(db: Db, id: string) {
  const { rows } = await db.query<{
    revision: number;
    kind: string;
    author: string;
    at: Date | string;
    summary: LocalizedText;
  }>(
    'SELECT revision, kind, author, at, summary FROM pack_revisions WHERE pack_id = $1 ORDER BY revision',
    [id],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

/** Who made or sent content since the last publication: the makers whom maker-checker excludes. */
export async function makersSincePublished(db: Db, stored: StoredPack): Promise<string[]> {
  const { rows } = await db.query<{ author: string }>(
    `SELECT DISTINCT author FROM pack_revisions
      WHERE pack_id = $1 AND revision > $2 AND kind = ANY($3::text[]) ORDER BY author`,
    [stored.pack.id, stored.publishedRevision, MAKER_KINDS],
  );
  return rows.map((r) => r.author);
}

export type PublishedVersion = {
  packId: string;
  version: string;
  hash: string;
  pack: Pack;
  signature: Record<string, unknown>;
  publishedAt: string;
  publishedBy: string;
  revision: number;
};

type PublishedRow = {
  pack_id: string;
  version: string;
  hash: string;
  pack: unknown;
  signature: Record<string, unknown>;
  published_at: Date | string;
  published_by: string;
  revision: number;
};

const publishedOf = (r: PublishedRow): PublishedVersion => ({
  packId: r.pack_id,
  version: r.version,
  hash: r.hash,
  pack: packOfRow(r.pack, `${r.pack_id}@${r.version}`),
  signature: r.signature,
  publishedAt: iso(r.published_at),
  publishedBy: r.published_by,
  revision: r.revision,
});

export async function listPublished(db: Db, id: string): Promise<PublishedVersion[]> {
  const { rows } = await db.query<PublishedRow>(
    'SELECT * FROM published_versions WHERE pack_id = $1 ORDER BY published_at',
    [id],
  );
  return rows.map(publishedOf);
}

export async function insertPublished(tx: Db, v: PublishedVersion): Promise<void> {
  await tx.query(
    `INSERT INTO published_versions
       (pack_id, version, hash, pack, signature, published_at, published_by, revision)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)`,
    [
      v.packId,
      v.version,
      v.hash,
      JSON.stringify(v.pack),
      JSON.stringify(v.signature),
      v.publishedAt,
      v.publishedBy,
      v.revision,
    ],
  );
}

export type Comment = {
  id: number;
  revision: number;
  author: string;
  at: string;
  text: string;
  path: string | null;
};

export async function listComments(db: Db, id: string): Promise<Comment[]> {
  const { rows } = await db.query<Comment & { id: string | number; at: Date | string }>(
    'SELECT id, revision, author, at, text, path FROM review_comments WHERE pack_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: iso(r.at) }));
}

export async function insertComment(
  tx: Db,
  c: Omit<Comment, 'id' | 'at'> & { packId: string; at: Date },
): Promise<number> {
  const { rows } = await tx.query<{ id: string | number }>(
    `INSERT INTO review_comments (pack_id, revision, author, at, text, path)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.packId, c.revision, c.author, c.at.toISOString(), c.text, c.path],
  );
  return Number(rows[0]?.id);
}
