import { exportPublicKey, signPack, type Pack, type SigningKey } from '../domain/index.ts';
import type { GovernanceDb } from './auditLog.ts';
import { guard } from './errors.ts';

const KEY_ID = 'publisher';

type KeySubtle = {
  generateKey(alg: { name: string }, extractable: boolean, usages: string[]): Promise<unknown>;
};

/**
 * The workspace's Ed25519 publishing key. The private half is generated non-extractable and kept
 * in IndexedDB as a CryptoKey (structured clone keeps it usable but unreadable), so it can sign
 * packs here and can never be copied out of this browser profile.
 */
export class KeysRepository {
  constructor(private readonly db: GovernanceDb) {}

  /** The public key (base64), when a key pair exists. */
  async publicKey(): Promise<string | undefined> {
    return (await guard('keys', () => this.db.keys.get(KEY_ID)))?.publicKeyB64;
  }

  async generate(): Promise<string> {
    const subtle = (globalThis.crypto as unknown as { subtle: KeySubtle }).subtle;
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as {
      privateKey: SigningKey;
      publicKey: SigningKey;
    };
    const publicKeyB64 = await exportPublicKey(pair.publicKey);
    await guard('keys', () =>
      this.db.keys.put({
        id: KEY_ID,
        privateKey: pair.privateKey,
        publicKey: pair.publicKey,
        publicKeyB64,
      }),
    );
    return publicKeyB64;
  }

  /** The pack signed with the workspace key, or unchanged when there is no key. */
  async sign(pack: Pack): Promise<Pack> {
    const record = await guard('keys', () => this.db.keys.get(KEY_ID));
    if (!record) return pack;
    return signPack(pack, record.privateKey as SigningKey, record.publicKey as SigningKey);
  }
}
