import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lt, parsePack, type Pack } from '../../domain/index.ts';
import { appendAudit } from '../audit/log.ts';
import type { Db } from '../db/index.ts';
import { contentHash } from './lifecycle.ts';
import { createPack } from './store.ts';

const STARTER_DIR = fileURLToPath(new URL('../../../rule-packs', import.meta.url));

/** The starter packs shipped in rule-packs/, parsed (a broken one stops the start, naming it). */
export async function readStarterPacks(dir = STARTER_DIR): Promise<Pack[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && d.name !== 'schema')
    .map((d) => d.name)
    .sort();
  const packs: Pack[] = [];
  for (const name of names) {
    const file = join(dir, name, 'pack.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const parsed = parsePack(text, file);
    if (!parsed.ok)
      throw new Error(
        `${file}: ${parsed.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`,
      );
    packs.push(parsed.pack);
  }
  return packs;
}

/**
 * Gives a new workspace the starter packs, as drafts made by `system`. Runs once: a workspace
 * that has ever had a pack is left as it is.
 */
export async function seedStarterPacks(db: Db, now: Date): Promise<string[]> {
  const packs = await readStarterPacks();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7243005]);
    const { rows } = await tx.query('SELECT 1 FROM pack_revisions LIMIT 1');
    if (rows.length > 0) return [];
    for (const starter of packs) {
      const { integrity: _integrity, ...content } = starter;
      const pack: Pack = { ...content, status: 'draft' };
      const summary = lt(`导入入门规则包 ${pack.id}`, `imported the starter pack ${pack.id}`);
      await createPack(tx, pack, 'system', now, summary);
      await appendAudit(tx, {
        actor: 'system',
        action: 'import',
        target: pack.id,
        version: pack.version,
        summary,
        detail: { revision: 1, hash: contentHash(pack) },
      });
    }
    return packs.map((p) => p.id);
  });
}
