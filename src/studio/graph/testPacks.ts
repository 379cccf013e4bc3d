import { readFileSync } from 'node:fs';
import { parsePack, type Pack } from '../../domain/index.ts';

/** A starter pack from `rule-packs/`, parsed, for the studio's unit tests. */
export function starterPack(id: 'cn-csrc-2017' | 'cn-bank-wealth' | 'eu-mifid2'): Pack {
  const url = new URL(`../../../rule-packs/${id}/pack.json`, import.meta.url);
  const result = parsePack(readFileSync(url, 'utf8'), `${id}/pack.json`);
  if (!result.ok) throw new Error(`${id}: ${result.errors.map((e) => e.message.en).join('; ')}`);
  return result.pack;
}
