import type { OidcConfig, ServerConfig } from '../../server/context.ts';
import { ROLES, type Role } from '../../server/http/route.ts';
import { usageError } from '../i18n.ts';

/** `--idle-minutes 30` as `{ sessionIdleMs: 1800000 }`; nothing when the flag is absent. */
export function minutesOption<K extends 'sessionIdleMs' | 'checkpointEveryMs'>(
  value: string | true | undefined,
  flag: string,
  key: K,
): Partial<Pick<ServerConfig, K>> {
  if (value === undefined) return {};
  const minutes = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(minutes) || minutes < 0)
    throw usageError(
      `${flag} 应为非负的分钟数：${String(value)}`,
      `${flag} must be a number of minutes, 0 or more: ${String(value)}`,
    );
  return { [key]: minutes * 60_000 } as Partial<Pick<ServerConfig, K>>;
}

/**
 * `SUITABILITY_OIDC_ROLES=rules-authors=author;rules-checkers=reviewer,approver`: each claim
 * value with the roles it gives.
 */
export function parseRoleMap(text: string): Record<string, Role[]> {
  const map: Record<string, Role[]> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const value = part.slice(0, eq).trim();
    const roles = part
      .slice(eq + 1)
      .split(',')
      .map((r) => r.trim());
    const unknown = roles.find((r) => !(ROLES as readonly string[]).includes(r));
    if (eq <= 0 || unknown !== undefined)
      throw usageError(
        `SUITABILITY_OIDC_ROLES 中的 "${part}" 应为 声明值=角色,角色（角色：${ROLES.join(', ')}）`,
        `"${part}" in SUITABILITY_OIDC_ROLES must be claim-value=role,role (roles: ${ROLES.join(', ')})`,
      );
    map[value] = roles as Role[];
  }
  return map;
}

/** Single sign-on from the environment; nothing unless issuer, client id and redirect are set. */
export function oidcFromEnv(env: NodeJS.ProcessEnv): { oidc?: OidcConfig } {
  const issuer = env.SUITABILITY_OIDC_ISSUER;
  if (!issuer) return {};
  const clientId = env.SUITABILITY_OIDC_CLIENT_ID;
  const redirectUri = env.SUITABILITY_OIDC_REDIRECT_URL;
  if (!clientId || !redirectUri)
    throw usageError(
      '设置了 SUITABILITY_OIDC_ISSUER 时也需要 SUITABILITY_OIDC_CLIENT_ID 与 SUITABILITY_OIDC_REDIRECT_URL',
      'SUITABILITY_OIDC_ISSUER also needs SUITABILITY_OIDC_CLIENT_ID and SUITABILITY_OIDC_REDIRECT_URL',
    );
  const roleClaim = env.SUITABILITY_OIDC_ROLE_CLAIM || undefined;
  return {
    oidc: {
      issuer,
      clientId,
      redirectUri,
      ...(env.SUITABILITY_OIDC_CLIENT_SECRET
        ? { clientSecret: env.SUITABILITY_OIDC_CLIENT_SECRET }
        : {}),
      ...(env.SUITABILITY_OIDC_LABEL ? { label: env.SUITABILITY_OIDC_LABEL } : {}),
      ...(env.SUITABILITY_OIDC_USERNAME_CLAIM
        ? { usernameClaim: env.SUITABILITY_OIDC_USERNAME_CLAIM }
        : {}),
      ...(roleClaim ? { roleClaim, roleMap: parseRoleMap(env.SUITABILITY_OIDC_ROLES ?? '') } : {}),
      allowHttp: new URL(issuer).protocol === 'http:' && isLocal(new URL(issuer).hostname),
    },
  };
}

const isLocal = (host: string) => host === 'localhost' || host === '[::1]' || /^127\./.test(host);
