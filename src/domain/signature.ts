import { z } from 'zod';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { hashPack } from './hash.ts';
import { canonicalJson } from './canonical.ts';
import { SIGNATURE_SCHEME } from './pack.ts';
import { lt, type LocalizedText } from './localized.ts';
import type { Pack } from './pack.ts';
import { parsePack, verifyPackHash, type ParsePackResult } from './parsePack.ts';
import { locateJson } from './jsonLocate.ts';

/**
 * Ed25519 signatures of packs through WebCrypto (`globalThis.crypto.subtle`), which browsers and
 * Node 20 both have. A signature covers the pack's id, version, content hash, approvals and publish
 * time (`signedStatement`); the hash covers the content, so a signature that verifies and a hash
 * that matches together say "this pack, as approved, is what the key holder signed".
 *
 * The core compiles without DOM types, so the few WebCrypto shapes used here are declared below.
 */
export type SigningKey = { readonly type: string; readonly algorithm: { readonly name: string } };
export type SigningKeyPair = { privateKey: SigningKey; publicKey: SigningKey };

type Subtle = {
  generateKey(alg: { name: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  exportKey(format: 'raw' | 'pkcs8', key: SigningKey): Promise<ArrayBuffer>;
  importKey(
    format: 'raw' | 'pkcs8',
    data: Uint8Array,
    alg: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<SigningKey>;
  sign(alg: { name: string }, key: SigningKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    alg: { name: string },
    key: SigningKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
};

const ED25519 = { name: 'Ed25519' };

function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Base64 without atob / btoa, which the pure core does not have.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

/** Strict base64 (padding required, no whitespace); `undefined` when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = [0, 1, 2, 3].reduce(
      (acc, k) => (acc << 6) | Math.max(0, ALPHABET.indexOf(text.charAt(i + k))),
      0,
    );
    for (const byte of [(n >> 16) & 255, (n >> 8) & 255, n & 255])
      if (o < out.length) out[o++] = byte;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keys.

/** A fresh Ed25519 key pair (extractable, so the studio can keep it and show the public key). */
export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  return (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as SigningKeyPair;
}

/** Base64 of the raw 32-byte public key: what `integrity.signature.publicKey` and keys.json hold. */
export async function exportPublicKey(key: SigningKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle().exportKey('raw', key)));
}

/** Base64 of the private key in PKCS #8, for keeping it outside the pack. */
export async function exportPrivateKey(key: SigningKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle().exportKey('pkcs8', key)));
}

export async function importPrivateKey(pkcs8Base64: string): Promise<SigningKey> {
  const bytes = base64ToBytes(pkcs8Base64);
  if (!bytes) throw new Error('private key is not base64');
  return subtle().importKey('pkcs8', bytes, ED25519, true, ['sign']);
}

/** `undefined` when the text is not a base64 32-byte Ed25519 public key. */
export async function importPublicKey(base64: string): Promise<SigningKey | undefined> {
  const bytes = base64ToBytes(base64);
  if (bytes?.length !== 32) return undefined;
  try {
    return await subtle().importKey('raw', bytes, ED25519, true, ['verify']);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Signing and verifying packs.

/**
 * Stamps the content hash and signs it. The hash is recomputed rather than trusted, so what is
 * signed is always the content at hand. Returns a new pack.
 *
 * @example
 * const { privateKey, publicKey } = await generateSigningKeyPair();
 * const signed = await signPack(pack, privateKey, publicKey);
 */
export async function signPack(
  pack: Pack,
  privateKey: SigningKey,
  publicKey: SigningKey,
): Promise<Pack> {
  const hash = hashPack(pack);
  const value = new Uint8Array(
    await subtle().sign(ED25519, privateKey, utf8ToBytes(signedStatement(pack, hash))),
  );
  return {
    ...pack,
    integrity: {
      approvals: [],
      ...pack.integrity,
      hash,
      signature: {
        algorithm: 'Ed25519',
        scheme: SIGNATURE_SCHEME,
        publicKey: await exportPublicKey(publicKey),
        value: bytesToBase64(value),
      },
    },
  };
}

/**
 * What a signature covers: the pack's id and version, its content hash, who approved it and when
 * it was published, as canonical JSON. Binding id and version means a signed 1.0.0 cannot pass
 * for another pack; binding approvals and publish time means they cannot be edited afterwards.
 */
export function signedStatement(pack: Pack, hash: string): string {
  return canonicalJson({
    scheme: SIGNATURE_SCHEME,
    id: pack.id,
    version: pack.version,
    hash,
    author: pack.integrity?.author ?? null,
    publishedAt: pack.integrity?.publishedAt ?? null,
    approvals: pack.integrity?.approvals ?? [],
  });
}

/** A key people trust to sign packs: the contents of a `keys.json` file are a list of these. */
export const TrustedKeySchema = z.object({
  name: z.string().min(1),
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: z.string().min(1),
});
export type TrustedKey = z.infer<typeof TrustedKeySchema>;
export const TrustedKeysSchema = z.array(TrustedKeySchema);

export type SignatureCheckCode =
  | 'integrity.missing'
  | 'integrity.mismatch'
  | 'signature.missing'
  | 'signature.malformed'
  | 'signature.legacy'
  | 'signature.untrusted'
  | 'signature.invalid';

export type SignatureCheck =
  | { ok: true; hash: string; signer: string; message: LocalizedText }
  | { ok: false; code: SignatureCheckCode; path: string; hash: string; message: LocalizedText };

/**
 * Whether the pack is what a trusted key signed: the stored hash matches the content, the
 * signature's public key is one of `trustedKeys`, and the signature over the hash verifies.
 * The first failing step is reported, with the JSON path it concerns.
 *
 * @example
 * const check = await verifyPackSignature(pack, [{ name: 'compliance', publicKey: 'MCow...' }]);
 * if (!check.ok) console.log(check.code, check.message.en);
 */
export async function verifyPackSignature(
  pack: Pack,
  trustedKeys: readonly TrustedKey[],
): Promise<SignatureCheck> {
  const hashCheck = verifyPackHash(pack);
  const { hash } = hashCheck;
  const fail = (
    code: SignatureCheckCode,
    path: string,
    message: LocalizedText,
  ): SignatureCheck => ({
    ok: false,
    code,
    path,
    hash,
    message,
  });
  if (hashCheck.status === 'missing')
    return fail('integrity.missing', '$.integrity.hash', hashCheck.message);
  if (hashCheck.status === 'mismatch')
    return fail('integrity.mismatch', '$.integrity.hash', hashCheck.message);
  const signature = pack.integrity?.signature;
  if (!signature)
    return fail(
      'signature.missing',
      '$.integrity.signature',
      lt(
        '规则包没有签名（integrity.signature）',
        'the pack is not signed (no integrity.signature)',
      ),
    );
  if (signature.scheme === undefined)
    return fail(
      'signature.legacy',
      '$.integrity.signature',
      lt(
        '签名采用旧格式，只覆盖内容哈希，不覆盖规则包标识、版本、审批和发布时间；请用当前版本重新签名',
        'the signature uses the old scheme, which covers the content hash only, not the pack id, version, approvals and publish time; sign the pack again',
      ),
    );
  const key = await importPublicKey(signature.publicKey);
  const value = base64ToBytes(signature.value);
  if (!key || value?.length !== 64)
    return fail(
      'signature.malformed',
      key ? '$.integrity.signature.value' : '$.integrity.signature.publicKey',
      lt(
        key ? '签名值不是 64 字节的 base64' : '签名公钥不是 32 字节的 base64 Ed25519 公钥',
        key
          ? 'the signature value is not 64 bytes of base64'
          : 'the signature public key is not a 32-byte base64 Ed25519 key',
      ),
    );
  const trusted = trustedKeys.find((k) => k.publicKey === signature.publicKey);
  if (!trusted)
    return fail(
      'signature.untrusted',
      '$.integrity.signature.publicKey',
      lt(
        `签名公钥 ${signature.publicKey} 不在受信任的密钥中`,
        `the signing key ${signature.publicKey} is not one of the trusted keys`,
      ),
    );
  const good = await subtle().verify(ED25519, key, value, utf8ToBytes(signedStatement(pack, hash)));
  if (!good)
    return fail(
      'signature.invalid',
      '$.integrity.signature.value',
      lt(
        `签名无效：它不是“${trusted.name}”对 ${pack.id} ${pack.version}（内容哈希 ${hash}、审批与发布时间）的签名`,
        `invalid signature: it is not "${trusted.name}"'s signature of ${pack.id} ${pack.version} (content hash ${hash}, approvals and publish time)`,
      ),
    );
  return {
    ok: true,
    hash,
    signer: trusted.name,
    message: lt(
      `内容哈希 ${hash} 一致，签名由“${trusted.name}”签署并验证通过`,
      `content hash ${hash} matches and the signature of "${trusted.name}" verifies`,
    ),
  };
}

/**
 * Reads a pack file someone hands over (an import): as `parsePack`, and a pack that carries a
 * content hash must match it, since a changed pack is not the one that was stamped or approved.
 */
export function parseVerifiedPack(raw: unknown, source?: string): ParsePackResult {
  const result = parsePack(raw, source);
  if (!result.ok) return result;
  const check = verifyPackHash(result.pack);
  if (check.status !== 'mismatch') return result;
  const located = typeof raw === 'string' ? locateJson(raw) : undefined;
  const at = located?.ok ? located.locations.get('$.integrity.hash') : undefined;
  return {
    ok: false,
    errors: [
      {
        code: 'integrity.mismatch',
        path: '$.integrity.hash',
        expected: check.hash,
        message: check.message,
        ...(source === undefined ? {} : { source }),
        ...(at ?? {}),
      },
    ],
  };
}
