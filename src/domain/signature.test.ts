import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import miniPack from './fixtures/miniPack.json' with { type: 'json' };
import { parsePack, stampPackHash } from './parsePack.ts';
import type { Pack } from './pack.ts';
import {
  base64ToBytes,
  bytesToBase64,
  exportPrivateKey,
  exportPublicKey,
  generateSigningKeyPair,
  importPrivateKey,
  parseVerifiedPack,
  signPack,
  verifyPackSignature,
} from './signature.ts';

function loadMini(): Pack {
  const result = parsePack(structuredClone(miniPack));
  if (!result.ok) throw new Error('mini pack must parse');
  return result.pack;
}

const keys = await generateSigningKeyPair();
const other = await generateSigningKeyPair();
const publicKey = await exportPublicKey(keys.publicKey);
const trusted = [{ name: 'compliance', publicKey }];
const signed = await signPack(loadMini(), keys.privateKey, keys.publicKey);

describe('base64', () => {
  it('round-trips any bytes and matches the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('refuses text that is not strict base64', () => {
    for (const bad of ['abc', 'ab$=', 'a===', 'ab=c']) expect(base64ToBytes(bad)).toBeUndefined();
  });
});

describe('signPack / verifyPackSignature', () => {
  it('stamps the hash, stores the public key and a signature that verifies', async () => {
    expect(signed.integrity?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(signed.integrity?.signature).toMatchObject({ algorithm: 'Ed25519', publicKey });
    expect(base64ToBytes(signed.integrity?.signature?.value ?? '')?.length).toBe(64);
    const check = await verifyPackSignature(signed, trusted);
    expect(check).toMatchObject({ ok: true, signer: 'compliance', hash: signed.integrity?.hash });
  });

  it('survives a round trip through JSON text', async () => {
    const reread = parsePack(JSON.stringify(signed));
    if (!reread.ok) throw new Error('signed pack must parse');
    expect((await verifyPackSignature(reread.pack, trusted)).ok).toBe(true);
  });

  it('refuses a pack changed after signing (one character of content)', async () => {
    const tampered = { ...signed, title: { ...signed.title, en: `${signed.title.en}!` } };
    const check = await verifyPackSignature(tampered, trusted);
    expect(check).toMatchObject({
      ok: false,
      code: 'integrity.mismatch',
      path: '$.integrity.hash',
    });
  });

  it('refuses a re-stamped hash that the signature does not cover', async () => {
    const changed = { ...signed, version: '9.9.9' };
    const restamped = stampPackHash(changed);
    const check = await verifyPackSignature(restamped, trusted);
    expect(check).toMatchObject({ ok: false, code: 'signature.invalid' });
    if (!check.ok) expect(check.message.en).toContain('compliance');
  });

  it('covers approvals, author and publish time, which the content hash leaves out', async () => {
    const approved = await signPack(
      {
        ...loadMini(),
        integrity: {
          approvals: [
            {
              by: 'li.wei',
              role: 'compliance',
              at: '2026-11-02',
              decision: 'approved',
              comment: '',
            },
          ],
          publishedAt: '2026-11-03T09:00:00Z',
          author: 'zhang.min',
        },
      },
      keys.privateKey,
      keys.publicKey,
    );
    expect((await verifyPackSignature(approved, trusted)).ok).toBe(true);
    const integrity = approved.integrity!;
    const edits = [
      { ...integrity, approvals: [{ ...integrity.approvals[0]!, by: 'someone.else' }] },
      { ...integrity, approvals: [] },
      { ...integrity, publishedAt: '2027-01-01T00:00:00Z' },
      { ...integrity, author: 'x' },
    ];
    for (const edited of edits)
      expect(await verifyPackSignature({ ...approved, integrity: edited }, trusted)).toMatchObject({
        ok: false,
        code: 'signature.invalid',
      });
  });

  it('reads a signature of the first scheme (hash only) but does not accept it', async () => {
    const { scheme: _scheme, ...legacy } = signed.integrity!.signature!;
    const old = { ...signed, integrity: { ...signed.integrity!, signature: legacy } };
    expect(parsePack(JSON.stringify(old)).ok).toBe(true);
    expect(await verifyPackSignature(old, trusted)).toMatchObject({
      ok: false,
      code: 'signature.legacy',
      path: '$.integrity.signature',
    });
  });

  it('refuses a signature by a key nobody trusts, even a valid one', async () => {
    const bySomeoneElse = await signPack(loadMini(), other.privateKey, other.publicKey);
    const check = await verifyPackSignature(bySomeoneElse, trusted);
    expect(check).toMatchObject({ ok: false, code: 'signature.untrusted' });
    const otherKey = await exportPublicKey(other.publicKey);
    expect(
      await verifyPackSignature(bySomeoneElse, [{ name: 'x', publicKey: otherKey }]),
    ).toMatchObject({
      ok: true,
      signer: 'x',
    });
  });

  it('refuses a trusted public key pasted over a signature made with another key', async () => {
    const bySomeoneElse = await signPack(loadMini(), other.privateKey, other.publicKey);
    const forged = structuredClone(bySomeoneElse);
    if (forged.integrity?.signature) forged.integrity.signature.publicKey = publicKey;
    expect(await verifyPackSignature(forged, trusted)).toMatchObject({
      ok: false,
      code: 'signature.invalid',
    });
  });

  it('refuses a signature with one bit flipped', async () => {
    const bytes = base64ToBytes(signed.integrity?.signature?.value ?? '') as Uint8Array;
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    const flipped = structuredClone(signed);
    if (flipped.integrity?.signature) flipped.integrity.signature.value = bytesToBase64(bytes);
    expect(await verifyPackSignature(flipped, trusted)).toMatchObject({
      ok: false,
      code: 'signature.invalid',
    });
  });

  it('says what is missing or malformed', async () => {
    const unsigned = stampPackHash(loadMini());
    expect(await verifyPackSignature(loadMini(), trusted)).toMatchObject({
      code: 'integrity.missing',
    });
    expect(await verifyPackSignature(unsigned, trusted)).toMatchObject({
      code: 'signature.missing',
      path: '$.integrity.signature',
    });
    const badKey = structuredClone(signed);
    if (badKey.integrity?.signature) badKey.integrity.signature.publicKey = 'AAAA';
    expect(await verifyPackSignature(badKey, trusted)).toMatchObject({
      code: 'signature.malformed',
      path: '$.integrity.signature.publicKey',
    });
  });

  it('signs with a private key kept as PKCS #8 base64', async () => {
    const kept = await importPrivateKey(await exportPrivateKey(keys.privateKey));
    const again = await signPack(loadMini(), kept, keys.publicKey);
    expect((await verifyPackSignature(again, trusted)).ok).toBe(true);
  });
});

describe('parseVerifiedPack', () => {
  const text = `${JSON.stringify(stampPackHash(loadMini()), null, 2)}\n`;

  it('accepts a stamped pack and an unstamped one', () => {
    expect(parseVerifiedPack(text, 'p.json').ok).toBe(true);
    expect(parseVerifiedPack(JSON.stringify(miniPack)).ok).toBe(true);
  });

  it('refuses a stamped pack whose content changed, at the hash line', () => {
    const tampered = text.replace('"version": "1.0.0"', '"version": "1.0.1"');
    const result = parseVerifiedPack(tampered, 'p.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = tampered.split('\n').findIndex((l) => l.includes('"hash"')) + 1;
    expect(result.errors).toMatchObject([
      { code: 'integrity.mismatch', path: '$.integrity.hash', source: 'p.json', line },
    ]);
    expect(result.errors[0]?.message['zh-CN']).toContain('内容哈希不一致');
  });
});
