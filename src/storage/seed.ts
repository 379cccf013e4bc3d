import { z } from 'zod';
import { formatPackError, parsePack, type LocalizedText } from '../domain/index.ts';
import type { PackRepository } from './packRepository.ts';
import type { SettingsRepository } from './settingsRepository.ts';

const SEEDED = 'seededStarterPacks';
const SeededSchema = z.array(z.string());

export type SeedResult = {
  /** Keys of the packs stored by this call. */
  added: string[];
  /** Starter packs that did not parse: they are left out, and the studio says so. */
  rejected: { source: string; message: LocalizedText }[];
};

/**
 * Stores each starter pack the first time the studio sees it. A starter pack the user deleted is
 * not brought back, and one added in a later release is seeded on the next open.
 *
 * @param starters the bundled pack documents by source name (e.g. `cn-csrc-2017/pack.json`)
 */
export async function seedStarterPacks(
  packs: PackRepository,
  settings: SettingsRepository,
  starters: Record<string, unknown>,
): Promise<SeedResult> {
  const seeded = new Set((await settings.get(SEEDED, SeededSchema)) ?? []);
  const result: SeedResult = { added: [], rejected: [] };
  for (const [source, raw] of Object.entries(starters).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parsePack(raw, source);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      const message: LocalizedText = first
        ? { 'zh-CN': formatPackError(first, 'zh-CN'), en: formatPackError(first, 'en') }
        : { 'zh-CN': source, en: source };
      result.rejected.push({ source, message });
      continue;
    }
    if (seeded.has(parsed.pack.id)) continue;
    const stored = await packs.create(parsed.pack);
    seeded.add(parsed.pack.id);
    result.added.push(stored.key);
  }
  if (result.added.length > 0) await settings.set(SEEDED, [...seeded].sort());
  return result;
}
