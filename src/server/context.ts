import type { Db } from './db/index.ts';
import type { PasswordCost } from './auth/passwords.ts';
import type { EventHub } from './events.ts';
import type { Role } from './http/route.ts';

/** Sign-in through the firm's OpenID Connect provider (authorization code with PKCE). */
export type OidcConfig = {
  /** The issuer URL; its discovery document is read at the first sign-in. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  /** This server's callback, as registered at the provider: `https://host/api/oidc/callback`. */
  redirectUri: string;
  /** The button's words (e.g. the firm's SSO name). */
  label?: string;
  /** The claim a new user's username is taken from (default `preferred_username`, then `email`). */
  usernameClaim?: string;
  /**
   * With a role claim, roles come from the provider at every sign-in: each value of the claim
   * maps to roles through `roleMap`. Without one, a new user has no roles until an admin gives
   * them, and roles are the admin's from then on.
   */
  roleClaim?: string;
  roleMap?: Record<string, Role[]>;
  /** Plain http to the provider, for a provider on this machine (tests, development). */
  allowHttp?: boolean;
};

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
  /** Absolute lifetime of a session. */
  sessionTtlMs: number;
  /** A session unused for this long ends (each use moves the deadline). */
  sessionIdleMs: number;
  /** Cookies carry `Secure` (the server is behind TLS). */
  secureCookies: boolean;
  login: LoginLimits;
  /** When set, creating the first admin needs it (printed once by `serve` on a public address). */
  setupToken: string | undefined;
  oidc: OidcConfig | undefined;
  /** How often the audit chain's head is signed in a checkpoint; 0: only on demand. */
  checkpointEveryMs: number;
  /** Runs `task` every `ms` until the returned function is called (injected in tests). */
  every: (ms: number, task: () => void) => () => void;
};

/** What every feature module of the workspace server is given. */
export type ServerContext = { db: Db; config: ServerConfig; events: EventHub };
