import type { Migration } from './db/index.ts';

/**
 * The workspace schema, forward only. Ids 0001-0099 belong to the workspace server; the decision
 * service owns 0100-0199. A released migration is never edited: a change is a new migration.
 */

/** A trigger function that refuses any change to rows once written (append-only tables). */
const REFUSE_CHANGE = `
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append_only: % on % is refused: rows of this table never change', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;`;

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();`;

export const SERVER_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_accounts',
    sql: `
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text,
  oidc_subject text UNIQUE,
  roles jsonb NOT NULL DEFAULT '[]',
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL
);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);`,
  },
  {
    id: '0002_audit',
    sql: `
${REFUSE_CHANGE}
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  version text,
  summary jsonb NOT NULL,
  details jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_target ON audit_log (target, seq);
${appendOnly('audit_log')}
CREATE TABLE audit_checkpoints (
  seq bigint PRIMARY KEY,
  head text NOT NULL,
  at text NOT NULL,
  key_id text NOT NULL,
  public_key text NOT NULL,
  signature text NOT NULL
);
${appendOnly('audit_checkpoints')}`,
  },
  {
    id: '0003_packs',
    sql: `
CREATE TABLE packs (
  id text PRIMARY KEY,
  pack jsonb NOT NULL,
  revision integer NOT NULL,
  status text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  published_revision integer NOT NULL DEFAULT 0
);
CREATE TABLE pack_revisions (
  pack_id text NOT NULL REFERENCES packs(id),
  revision integer NOT NULL,
  kind text NOT NULL,
  pack jsonb NOT NULL,
  author text NOT NULL,
  at timestamptz NOT NULL,
  summary jsonb NOT NULL,
  PRIMARY KEY (pack_id, revision)
);
CREATE TABLE review_comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pack_id text NOT NULL REFERENCES packs(id),
  revision integer NOT NULL,
  author text NOT NULL,
  at timestamptz NOT NULL,
  text text NOT NULL,
  path text
);
CREATE TABLE published_versions (
  pack_id text NOT NULL,
  version text NOT NULL,
  hash text NOT NULL,
  pack jsonb NOT NULL,
  signature jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text NOT NULL,
  revision integer NOT NULL,
  PRIMARY KEY (pack_id, version)
);
${appendOnly('published_versions')}
CREATE TABLE signing_keys (
  id text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);`,
  },
  {
    // Idle timeout (a session unused for a while ends before its absolute expiry), deleted drafts
    // (kept, with their revisions, out of the list) and OIDC sign-in transactions (state, nonce,
    // PKCE verifier; each used once).
    id: '0004_idle_oidc',
    sql: `
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;
ALTER TABLE packs ADD COLUMN deleted_at timestamptz;
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);`,
  },
];

/**
 * What a production PostgreSQL grants the role the server runs as, when migrations run as a
 * separate owner: rows of the append-only tables can be added and read, never changed or removed
 * (the triggers refuse it too, but an owner can switch triggers off; a grant it lacks it cannot).
 */
export function appRoleGrants(role: string, schema = 'public'): string {
  for (const name of [role, schema])
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier: ${name}`);
  return `
GRANT USAGE ON SCHEMA ${schema} TO ${role};
GRANT SELECT ON schema_migrations TO ${role};
GRANT SELECT, INSERT ON audit_log, audit_checkpoints, published_versions TO ${role};
GRANT SELECT, INSERT, UPDATE ON users, sessions, packs, signing_keys TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_logins TO ${role};
GRANT SELECT, INSERT ON pack_revisions, review_comments TO ${role};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints, published_versions, pack_revisions FROM ${role};`;
}
