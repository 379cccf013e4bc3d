import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical.ts';

export const HASH_PREFIX = 'sha256:';

/** `sha256:<hex>` of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return HASH_PREFIX + bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The content hash of a pack: SHA-256 over the canonical JSON of the pack without `integrity`
 * (the hash, approvals and signature describe the content, so they cannot be part of it).
 * Hash the parsed pack (defaults filled in) so that a file that spells out a default and one that
 * leaves it out are the same content.
 *
 * @example hashPack(pack) // 'sha256:9f2c...'
 */
export function hashPack(pack: object): string {
  const { integrity: _integrity, ...content } = pack as Record<string, unknown>;
  return sha256Hex(canonicalJson(content));
}
