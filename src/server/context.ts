import type { Db } from './db/index.ts';
import type { PasswordCost } from './auth/passwords.ts';
import type { EventHub } from './events.ts';

export type LoginLimits = {
  /** Wrong passwords in a row before the account is locked. */
  maxFailures: number;
  lockoutMs: number;
  /** Login attempts one address may make per minute. */
  perAddressPerMinute: number;
};

export type ServerConfig = {
  now: () => Date;
  passwordCost: PasswordCost;
  sessionTtlMs: number;
  /** Cookies carry `Secure` (the server is behind TLS). */
  secureCookies: boolean;
  login: LoginLimits;
  /** When set, creating the first admin needs it (printed once by `serve` on a public address). */
  setupToken: string | undefined;
};

/** What every feature module of the workspace server is given. */
export type ServerContext = { db: Db; config: ServerConfig; events: EventHub };
