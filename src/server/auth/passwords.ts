import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` of @node-rs/argon2, a const enum that isolated modules cannot read.
const ARGON2ID = 2;

/** argon2id cost. The defaults follow OWASP's minimum; tests pass a cheaper one explicitly. */
export type PasswordCost = { memoryCost: number; timeCost: number };
export const DEFAULT_PASSWORD_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2 };

export function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, parallelism: 1, ...cost });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
